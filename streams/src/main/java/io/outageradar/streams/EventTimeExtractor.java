package io.outageradar.streams;

import io.outageradar.detection.EventTimes;
import java.time.Instant;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.streams.processor.TimestampExtractor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Event time from the payload (when a check completed, when a user reported), not from when Kafka
 * got the record: an agent that buffered results during a network partition must not move them into
 * later windows. A missing or implausible time falls back to the record's own timestamp when that
 * is plausible; otherwise the extractor answers -1, which Kafka Streams counts as a dropped record
 * — never 0, which would silently place the event in 1970.
 */
public final class EventTimeExtractor<V> implements TimestampExtractor {
  private static final Logger LOG = LoggerFactory.getLogger(EventTimeExtractor.class);

  private final Class<V> type;
  private final Function<V, Instant> eventTime;

  public EventTimeExtractor(Class<V> type, Function<V, Instant> eventTime) {
    this.type = type;
    this.eventTime = eventTime;
  }

  @Override
  public long extract(ConsumerRecord<Object, Object> record, long partitionTime) {
    if (type.isInstance(record.value())) {
      Instant time = eventTime.apply(type.cast(record.value()));
      if (EventTimes.isPlausible(time)) {
        return time.toEpochMilli();
      }
    }
    if (EventTimes.isPlausible(record.timestamp())) {
      LOG.warn(
          "{} at {}-{}@{} has no usable event time; using the record timestamp",
          type.getSimpleName(),
          record.topic(),
          record.partition(),
          record.offset());
      return record.timestamp();
    }
    LOG.warn(
        "dropping {} at {}-{}@{}: no usable event time",
        type.getSimpleName(),
        record.topic(),
        record.partition(),
        record.offset());
    return -1;
  }
}
