package io.outageradar.streams.probe;

import io.outageradar.avro.ProbeResult;
import io.outageradar.streams.EventTimes;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.streams.processor.TimestampExtractor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Event time of a probe is when the check completed ({@code observedAt}), not when Kafka got it: an
 * agent that buffered results during a network partition must not move them into later windows. A
 * missing or implausible time falls back to the record's own timestamp when that is plausible;
 * otherwise the extractor answers -1, which Kafka Streams counts as a dropped record — never 0,
 * which would silently place the probe in 1970.
 */
public final class ProbeTimestampExtractor implements TimestampExtractor {
  private static final Logger LOG = LoggerFactory.getLogger(ProbeTimestampExtractor.class);

  @Override
  public long extract(ConsumerRecord<Object, Object> record, long partitionTime) {
    if (record.value() instanceof ProbeResult probe && EventTimes.isPlausible(probe.getObservedAt())) {
      return probe.getObservedAt().toEpochMilli();
    }
    if (EventTimes.isPlausible(record.timestamp())) {
      LOG.warn("probe at {}-{}@{} has no usable observedAt; using the record timestamp",
          record.topic(), record.partition(), record.offset());
      return record.timestamp();
    }
    LOG.warn("dropping probe at {}-{}@{}: no usable event time", record.topic(), record.partition(), record.offset());
    return -1;
  }
}
