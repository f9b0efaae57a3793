package io.outageradar.tools.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.outageradar.registry.MockSchemaRegistry;
import io.outageradar.registry.RegistryOptions;
import io.outageradar.testkit.EmbeddedKafkaExtension;
import io.outageradar.testkit.EmbeddedKafkaExtension.KafkaTestContext;
import io.outageradar.topics.TopicCreator;
import io.outageradar.topics.Topics;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import picocli.CommandLine;

/**
 * `outage-radar replay --rate` against the embedded broker: the load it reports is the load the
 * topics hold.
 */
@ExtendWith(EmbeddedKafkaExtension.class)
class ReplayLoadIT {
  private final String scope = "load-it-" + UUID.randomUUID();

  @AfterEach
  void drop() {
    MockSchemaRegistry.drop(scope);
  }

  @Test
  void publishesPacedLoadOverTheGivenKeys(KafkaTestContext kafka) throws Exception {
    Topics topics = Topics.create(RegistryOptions.of("mock://" + scope).connect());
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", kafka.bootstrapServers()))) {
      TopicCreator.ensure(admin, List.of(topics.probeResults, topics.userReports), (short) 1);
    }
    StringWriter err = new StringWriter();
    CommandLine cli = OutageRadarTools.commandLine();
    cli.setErr(new PrintWriter(err, true));

    int code =
        cli.execute(
            "replay",
            "--rate",
            "2000",
            "--duration",
            "PT2S",
            "--keys",
            "40",
            "--bootstrap-servers",
            kafka.bootstrapServers(),
            "--schema-registry-url",
            "mock://" + scope);

    assertThat(code).as(err.toString()).isZero();
    Matcher summary = Pattern.compile("([\\d,]+) events over 40 keys").matcher(err.toString());
    assertThat(summary.find()).as(err.toString()).isTrue();
    long reported = Long.parseLong(summary.group(1).replace(",", ""));
    // paced at 2,000/s for 2 s: never more than that, and a local broker keeps up with it
    assertThat(reported).isBetween(3_000L, 4_001L);

    Properties props = new Properties();
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
    props.put(ConsumerConfig.GROUP_ID_CONFIG, kafka.uniqueName());
    props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    Set<String> keys = new HashSet<>();
    long[] received = {0};
    try (KafkaConsumer<String, byte[]> consumer =
        new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer())) {
      consumer.subscribe(List.of(topics.probeResults.name(), topics.userReports.name()));
      await()
          .atMost(Duration.ofSeconds(30))
          .untilAsserted(
              () -> {
                consumer
                    .poll(Duration.ofMillis(200))
                    .forEach(
                        r -> {
                          received[0]++;
                          keys.add(r.key());
                        });
                assertThat(received[0]).isEqualTo(reported);
              });
    }
    assertThat(keys).hasSize(40).contains("svc-00000|US", "svc-00001|AU");
  }

  @Test
  void aClusterWithoutTheVendorTopicGetsTheProbesAndReportsAndIsToldWhatWasLeftOut(
      KafkaTestContext kafka) {
    // topics of its own: the other test of the class reads the unprefixed ones
    String prefix = kafka.uniqueName() + ".";
    Topics topics = Topics.withPrefix(prefix, RegistryOptions.of("mock://" + scope).connect());
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", kafka.bootstrapServers()))) {
      TopicCreator.ensure(admin, List.of(topics.probeResults, topics.userReports), (short) 1);
    }
    StringWriter err = new StringWriter();
    CommandLine cli = OutageRadarTools.commandLine();
    cli.setErr(new PrintWriter(err, true));

    int code =
        cli.execute(
            "replay",
            "--scenario",
            "fb-2021-10-04",
            "--speed",
            "0",
            "--bootstrap-servers",
            kafka.bootstrapServers(),
            "--schema-registry-url",
            "mock://" + scope,
            "--set",
            "topic.prefix=" + prefix);

    assertThat(code).as(err.toString()).isZero();
    assertThat(err.toString())
        .contains(
            "outage-radar replay: status-page statements are not published: topic "
                + prefix
                + "vendor-status is missing")
        .contains("333218 events of fb-2021-10-04 published");
  }

  @Test
  void asksForEitherAScenarioOrARate() {
    StringWriter err = new StringWriter();
    CommandLine cli = OutageRadarTools.commandLine();
    cli.setErr(new PrintWriter(err, true));
    assertThat(cli.execute("replay", "--scenario", "quiet-week", "--rate", "10")).isEqualTo(2);
    assertThat(err.toString()).contains("give either --scenario NAME or --rate N");
  }
}
