package io.outageradar.service.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.outageradar.avro.CauseHint;
import io.outageradar.avro.CheckKind;
import io.outageradar.avro.OutageEvent;
import io.outageradar.avro.OutageScope;
import io.outageradar.avro.OutageState;
import io.outageradar.avro.Page;
import io.outageradar.avro.PageAction;
import io.outageradar.avro.ProbeResult;
import io.outageradar.avro.ProbeStatus;
import io.outageradar.avro.RegionWindowHealth;
import io.outageradar.detection.DetectionConfig;
import io.outageradar.registry.MockSchemaRegistry;
import io.outageradar.registry.RegistryOptions;
import io.outageradar.testkit.EmbeddedKafkaExtension;
import io.outageradar.testkit.EmbeddedKafkaExtension.KafkaTestContext;
import io.outageradar.topics.InputProducers;
import io.outageradar.topics.Topic;
import io.outageradar.topics.Topics;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The pipeline on a real broker: probes in, outage events and pages out, poison records to the
 * dead-letter topic.
 */
@ExtendWith(EmbeddedKafkaExtension.class)
class PipelineIT {
  private static final Instant T0 = Instant.parse("2021-10-04T15:30:00Z");
  private static final List<String> AGENTS = List.of("br-sao-1", "br-sao-2", "br-sao-3");

  /**
   * Defaults, but inputs count as idle after 2 s, so the last windows close soon after the test's
   * last probe.
   */
  private static final DetectionConfig DETECTION =
      DetectionConfig.builder().idleAdvanceAfter(Duration.ofSeconds(2)).build();

  @TempDir Path stateDir;
  private final String scope = "pipeline-it-" + UUID.randomUUID();
  private Pipeline pipeline;

  @AfterEach
  void stop() {
    if (pipeline != null) {
      pipeline.close();
    }
    MockSchemaRegistry.drop(scope);
  }

  private Topics start(KafkaTestContext kafka) {
    Topics topics = topics(kafka);
    pipeline = Pipeline.start(settings(kafka, topics), Duration.ofSeconds(60));
    return topics;
  }

  private Topics topics(KafkaTestContext kafka) {
    return Topics.withPrefix(kafka.topicPrefix(), RegistryOptions.of("mock://" + scope).connect());
  }

  private Pipeline.Settings settings(KafkaTestContext kafka, Topics topics) {
    return Pipeline.Settings.builder(kafka.bootstrapServers(), kafka.uniqueName(), topics, stateDir)
        .detection(DETECTION)
        .build();
  }

  @Test
  void aRegionWhoseAgentsAllFailBecomesAConfirmedOutageAndAPage(KafkaTestContext kafka) {
    Topics topics = start(kafka);
    List<ProbeResult> probes = new ArrayList<>();
    for (int second = 0; second < 300; second += 10) {
      ProbeStatus status = second >= 60 && second < 150 ? ProbeStatus.DNS_SERVFAIL : ProbeStatus.OK;
      for (String agent : AGENTS) {
        probes.add(probe(agent, status, T0.plusSeconds(second)));
      }
    }
    publish(kafka, topics.probeResults, probes);

    List<OutageEvent> outages = new ArrayList<>();
    List<Page> pages = new ArrayList<>();
    try (KafkaConsumer<String, OutageEvent> outageConsumer = consumer(kafka, topics.outages);
        KafkaConsumer<String, Page> pageConsumer = consumer(kafka, topics.alerts)) {
      await()
          .atMost(Duration.ofSeconds(60))
          .untilAsserted(
              () -> {
                outageConsumer.poll(Duration.ofMillis(200)).forEach(r -> outages.add(r.value()));
                pageConsumer.poll(Duration.ofMillis(200)).forEach(r -> pages.add(r.value()));
                assertThat(pages)
                    .extracting(Page::getAction)
                    .containsExactly(PageAction.TRIGGER, PageAction.RESOLVE);
                assertThat(outages)
                    .last()
                    .extracting(OutageEvent::getState)
                    .isEqualTo(OutageState.RESOLVED);
              });
    }
    OutageEvent confirmed = outages.get(0);
    assertThat(confirmed.getOutageId()).isEqualTo("whatsapp-BR-20211004T153100Z");
    assertThat(confirmed.getScope()).isEqualTo(OutageScope.REGIONAL);
    assertThat(confirmed.getState()).isEqualTo(OutageState.CONFIRMED);
    assertThat(confirmed.getCause()).isEqualTo(CauseHint.DNS);
    assertThat(confirmed.getConfirmedAt()).isEqualTo(T0.plusSeconds(120));
    OutageEvent resolved = outages.get(outages.size() - 1);
    assertThat(resolved.getState()).isEqualTo(OutageState.RESOLVED);
    assertThat(resolved.getResolvedAt()).isEqualTo(T0.plusSeconds(150));
    assertThat(pages).extracting(Page::getDedupKey).containsOnly("whatsapp-BR-20211004T153100Z");
  }

  @Test
  void aPoisonRecordGoesToTheDeadLetterTopicAndGoodRecordsStillFlow(KafkaTestContext kafka) {
    Topics topics = start(kafka);
    byte[] poison = "{\"not\":\"avro\"}".getBytes(StandardCharsets.UTF_8);
    try (KafkaProducer<byte[], byte[]> raw =
        new KafkaProducer<>(
            InputProducers.properties(kafka.bootstrapServers()),
            new ByteArraySerializer(),
            new ByteArraySerializer())) {
      raw.send(
          new ProducerRecord<>(
              topics.probeResults.name(), "whatsapp|BR".getBytes(StandardCharsets.UTF_8), poison));
    }
    List<ProbeResult> good = new ArrayList<>();
    for (int second = 0; second < 90; second += 10) {
      for (String agent : AGENTS) {
        good.add(probe(agent, ProbeStatus.OK, T0.plusSeconds(second)));
      }
    }
    publish(kafka, topics.probeResults, good);

    List<ConsumerRecord<byte[], byte[]>> dead = new ArrayList<>();
    List<RegionWindowHealth> verdicts = new ArrayList<>();
    try (KafkaConsumer<byte[], byte[]> dlq = consumer(kafka, topics.deadLetters);
        KafkaConsumer<String, RegionWindowHealth> health = consumer(kafka, topics.regionHealth)) {
      await()
          .atMost(Duration.ofSeconds(60))
          .untilAsserted(
              () -> {
                dlq.poll(Duration.ofMillis(200)).forEach(dead::add);
                health.poll(Duration.ofMillis(200)).forEach(r -> verdicts.add(r.value()));
                assertThat(dead).hasSize(1);
                assertThat(verdicts)
                    .extracting(RegionWindowHealth::getWindowStart)
                    .contains(T0, T0.plusSeconds(30));
              });
    }
    ConsumerRecord<byte[], byte[]> record = dead.get(0);
    assertThat(record.value()).isEqualTo(poison);
    assertThat(header(record, "__streams.errors.exception")).contains("UnknownMagicByteException");
    assertThat(header(record, "__streams.errors.topic")).isEqualTo(topics.probeResults.name());
    assertThat(verdicts.get(0).getChecks()).isEqualTo(9);
  }

  /**
   * A history written while the pipeline reads it, paused half-way for three times the idle time (a
   * slow producer on a busy machine): until the writer says it is done, no silence counts as the
   * end of the inputs, so the second half's windows are judged with their probes instead of being
   * closed by the pause, and the outage in them is the same as in one written without a pause.
   */
  @Test
  void aPauseInWritingAHistoryIsNotTakenForItsEnd(KafkaTestContext kafka) throws Exception {
    Topics topics = topics(kafka);
    pipeline = Pipeline.startWhileInputsWritten(settings(kafka, topics));
    pipeline.awaitRunning(Duration.ofSeconds(60));
    List<ProbeResult> before = new ArrayList<>();
    List<ProbeResult> after = new ArrayList<>();
    for (int second = 0; second < 420; second += 10) {
      ProbeStatus status =
          second >= 180 && second < 270 ? ProbeStatus.DNS_SERVFAIL : ProbeStatus.OK;
      for (String agent : AGENTS) {
        (second < 170 ? before : after).add(probe(agent, status, T0.plusSeconds(second)));
      }
    }
    publish(kafka, topics.probeResults, before);
    List<String> probeTopic = List.of(topics.probeResults.name());
    await().atMost(Duration.ofSeconds(60)).until(() -> pipeline.read(probeTopic) == before.size());
    // the pause itself, not a wait for readiness: the writer stalls with everything read
    Thread.sleep(DETECTION.idleAdvanceAfter().multipliedBy(3).toMillis());
    publish(kafka, topics.probeResults, after);
    pipeline.inputsWritten();

    List<OutageEvent> outages = new ArrayList<>();
    try (KafkaConsumer<String, OutageEvent> outageConsumer = consumer(kafka, topics.outages)) {
      await()
          .atMost(Duration.ofSeconds(60))
          .untilAsserted(
              () -> {
                outageConsumer.poll(Duration.ofMillis(200)).forEach(r -> outages.add(r.value()));
                assertThat(outages)
                    .last()
                    .extracting(OutageEvent::getState)
                    .isEqualTo(OutageState.RESOLVED);
              });
    }
    assertThat(outages.get(0).getConfirmedAt()).isEqualTo(T0.plusSeconds(240));
    assertThat(outages.get(outages.size() - 1).getResolvedAt()).isEqualTo(T0.plusSeconds(270));
    assertThat(
            pipeline.streams().metrics().values().stream()
                .filter(metric -> metric.metricName().name().equals("late-probes-dropped-total"))
                .mapToDouble(metric -> ((Number) metric.metricValue()).doubleValue())
                .sum())
        .as("no probe came after its window was closed")
        .isZero();
  }

  private static String header(ConsumerRecord<?, ?> record, String name) {
    Header header = record.headers().lastHeader(name);
    return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
  }

  private static ProbeResult probe(String agent, ProbeStatus status, Instant at) {
    return ProbeResult.newBuilder()
        .setProbeId(UUID.randomUUID().toString())
        .setService("whatsapp")
        .setRegion("BR")
        .setAgent(agent)
        .setKind(CheckKind.DNS)
        .setTarget("whatsapp.net")
        .setStatus(status)
        .setLatencyMs(status == ProbeStatus.OK ? 12 : null)
        .setObservedAt(at)
        .setHttpStatus(null)
        .setCertDaysToExpiry(null)
        .setDetail(null)
        .build();
  }

  private static void publish(
      KafkaTestContext kafka, Topic<String, ProbeResult> topic, List<ProbeResult> probes) {
    try (KafkaProducer<String, ProbeResult> producer =
        new KafkaProducer<>(
            InputProducers.properties(kafka.bootstrapServers()),
            topic.keySerde().serializer(),
            topic.valueSerde().serializer())) {
      for (ProbeResult probe : probes) {
        producer.send(
            new ProducerRecord<>(
                topic.name(), null, probe.getObservedAt().toEpochMilli(), "whatsapp|BR", probe));
      }
    }
  }

  private static <K, V> KafkaConsumer<K, V> consumer(KafkaTestContext kafka, Topic<K, V> topic) {
    Properties props = new Properties();
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
    props.put(ConsumerConfig.GROUP_ID_CONFIG, kafka.uniqueName() + "-reader-" + topic.name());
    props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    KafkaConsumer<K, V> consumer =
        new KafkaConsumer<>(
            props, topic.keySerde().deserializer(), topic.valueSerde().deserializer());
    consumer.subscribe(List.of(topic.name()));
    return consumer;
  }
}
