package io.outageradar.tools.bench;

import io.outageradar.topics.InputProducers;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * The broker's ceiling on this machine in this run: a plain producer (the pipeline's producer
 * settings, no serialization work) writing the pipeline's own event bytes as fast as it can for a
 * fixed time, then a plain consumer reading them back.
 */
final class RawThroughput {
  record Result(long records, double producePerSec, double consumePerSec) {}

  /** How long the read-back may see nothing before the measurement gives up. */
  private static final Duration STALLED_AFTER = Duration.ofSeconds(60);

  private RawThroughput() {}

  static Result measure(
      String bootstrapServers,
      String topic,
      List<byte[]> sampleValues,
      List<byte[]> sampleKeys,
      Duration duration) {
    Properties props = InputProducers.properties(bootstrapServers);
    long sent = 0;
    AtomicLong written = new AtomicLong();
    long start = System.nanoTime();
    long deadline = start + duration.toNanos();
    try (KafkaProducer<byte[], byte[]> producer =
        new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer())) {
      while ((sent & 1023) != 0 || System.nanoTime() < deadline) {
        int i = (int) (sent % sampleValues.size());
        producer.send(
            new ProducerRecord<>(topic, sampleKeys.get(i), sampleValues.get(i)),
            (metadata, error) -> {
              if (error == null) {
                written.incrementAndGet();
              }
            });
        sent++;
      }
      producer.flush();
    }
    double produceSeconds = (System.nanoTime() - start) / 1e9;

    Properties consumerProps = new Properties();
    consumerProps.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    consumerProps.put(ConsumerConfig.GROUP_ID_CONFIG, "bench-raw-" + UUID.randomUUID());
    consumerProps.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    consumerProps.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000);
    long received = 0;
    long consumeStart = System.nanoTime();
    try (KafkaConsumer<byte[], byte[]> consumer =
        new KafkaConsumer<>(
            consumerProps, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      consumer.subscribe(List.of(topic));
      long lastRecordAt = System.nanoTime();
      // only what the broker acknowledged can be read back; and a read that stalls is an error,
      // not a wait without end (a run was seen polling an empty topic for ten minutes)
      while (received < written.get()) {
        ConsumerRecords<byte[], byte[]> records = consumer.poll(Duration.ofMillis(500));
        if (received == 0 && !records.isEmpty()) {
          consumeStart = System.nanoTime(); // from the first record: group join is not read speed
        }
        if (!records.isEmpty()) {
          lastRecordAt = System.nanoTime();
        } else if (System.nanoTime() - lastRecordAt > STALLED_AFTER.toNanos()) {
          throw new IllegalStateException(
              String.format(
                  "raw ceiling: read %,d of the %,d records written to %s, then nothing for %d s",
                  received, written.get(), topic, STALLED_AFTER.toSeconds()));
        }
        received += records.count();
      }
    }
    double consumeSeconds = (System.nanoTime() - consumeStart) / 1e9;
    return new Result(written.get(), written.get() / produceSeconds, received / consumeSeconds);
  }
}
