package io.outageradar.simulation;

import io.outageradar.avro.ProbeResult;
import io.outageradar.avro.UserReport;
import io.outageradar.avro.VendorStatus;
import io.outageradar.topics.InputPartitioning;
import io.outageradar.topics.InputProducers;
import io.outageradar.topics.KafkaClients;
import io.outageradar.topics.Topic;
import io.outageradar.topics.Topics;
import java.time.Instant;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Publishes a scenario's events with their event times as record timestamps, keyed {@code
 * service|region} and partitioned by service, through an idempotent producer with {@code acks=all}.
 */
public final class ScenarioPublisher {
  private static final long PROGRESS_EVERY_MASK = 4095;

  private ScenarioPublisher() {}

  /**
   * Sends probes and reports in their order, each to its topic, with its event time as the record
   * timestamp; with {@code speed} > 0 paced at that many times real time (60 = an hour a minute).
   * Waits until everything is acknowledged and returns the count; the first failed send fails the
   * replay, so nothing is reported as sent that the broker did not take.
   */
  public static long publish(
      String name,
      Stream<SpecificRecord> events,
      Topics topics,
      String bootstrapServers,
      double speed) {
    return publish(name, events, topics, bootstrapServers, speed, InputPartitioning.SERVICE);
  }

  /** As above, with the producer partitioning as {@code partitioning} says. */
  public static long publish(
      String name,
      Stream<SpecificRecord> events,
      Topics topics,
      String bootstrapServers,
      double speed,
      InputPartitioning partitioning) {
    Properties props =
        InputProducers.properties(KafkaClients.plain(bootstrapServers), partitioning);
    // One request in flight: these replays write into topics created a moment before, whose
    // partitions may still answer NOT_LEADER; with several requests in flight a later batch could
    // be
    // appended before the retried first one, and the idempotent producer then hung on
    // OUT_OF_ORDER_SEQUENCE until its delivery timeout (seen on the embedded broker).
    props.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 1);
    return publish(name, events, topics, props, Pacing.speed(speed), Progress.NONE);
  }

  /**
   * Told every few thousand events and once at the end how many were sent and the event time
   * reached.
   */
  @FunctionalInterface
  public interface Progress {
    Progress NONE = (sent, eventTime) -> {};

    void sent(long count, Instant eventTime);
  }

  /** As above, with the producer settings, the pacing and a progress listener given. */
  public static long publish(
      String name,
      Stream<SpecificRecord> events,
      Topics topics,
      Properties producerProperties,
      Pacing pacing,
      Progress progress) {
    AtomicReference<Exception> failure = new AtomicReference<>();
    Callback onFailure =
        (metadata, error) -> {
          if (error != null) {
            failure.compareAndSet(null, error);
          }
        };
    long sent = 0;
    Instant at = null;
    // One producer for both topics: its batches go out together, so a consumer that has caught up
    // with the replay sees probes and reports of the same moment at about the same time.
    Topic<String, ProbeResult> probes = topics.probeResults;
    Topic<String, UserReport> reports = topics.userReports;
    Topic<String, VendorStatus> vendors = topics.vendorStatus;
    try (KafkaProducer<String, byte[]> producer =
        new KafkaProducer<>(
            producerProperties, probes.keySerde().serializer(), new ByteArraySerializer())) {
      for (SpecificRecord event : (Iterable<SpecificRecord>) events::iterator) {
        if (failure.get() != null) {
          break;
        }
        at = ScenarioEvents.timeOf(event);
        pacing.await(at);
        if (event instanceof ProbeResult probe) {
          byte[] value = probes.valueSerde().serializer().serialize(probes.name(), probe);
          producer.send(
              new ProducerRecord<>(
                  probes.name(), null, at.toEpochMilli(), ScenarioEvents.keyOf(probe), value),
              onFailure);
        } else if (event instanceof UserReport report) {
          byte[] value = reports.valueSerde().serializer().serialize(reports.name(), report);
          producer.send(
              new ProducerRecord<>(
                  reports.name(), null, at.toEpochMilli(), ScenarioEvents.keyOf(report), value),
              onFailure);
        } else if (event instanceof VendorStatus status) {
          byte[] value = vendors.valueSerde().serializer().serialize(vendors.name(), status);
          producer.send(
              new ProducerRecord<>(
                  vendors.name(), null, at.toEpochMilli(), ScenarioEvents.keyOf(status), value),
              onFailure);
        }
        if ((++sent & PROGRESS_EVERY_MASK) == 0) {
          progress.sent(sent, at);
        }
      }
      producer.flush();
    }
    if (failure.get() != null) {
      throw new IllegalStateException(
          "replay of " + name + " failed: " + failure.get().getMessage(), failure.get());
    }
    progress.sent(sent, at);
    return sent;
  }
}
