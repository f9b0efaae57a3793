package io.outageradar.service.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.outageradar.avro.ReportSource;
import io.outageradar.avro.UserReport;
import io.outageradar.registry.MockSchemaRegistry;
import io.outageradar.registry.RegistryOptions;
import io.outageradar.testkit.EmbeddedKafkaExtension;
import io.outageradar.testkit.EmbeddedKafkaExtension.KafkaTestContext;
import io.outageradar.topics.TopicCreator;
import io.outageradar.topics.Topics;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * `outage-radar social` against the embedded broker: matched posts arrive as SOCIAL reports keyed
 * service|region.
 */
@ExtendWith(EmbeddedKafkaExtension.class)
class SocialCommandIT {
  @TempDir Path dir;
  private final String scope = "social-it-" + UUID.randomUUID();

  @AfterEach
  void drop() {
    MockSchemaRegistry.drop(scope);
  }

  @Test
  void publishesMatchedPostsAsReports(KafkaTestContext kafka) throws Exception {
    Topics topics = Topics.create(RegistryOptions.of("mock://" + scope).connect());
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", kafka.bootstrapServers()))) {
      TopicCreator.ensure(admin, List.of(topics.userReports), (short) 1);
    }
    Path posts = dir.resolve("posts.jsonl");
    Files.write(
        posts,
        List.of(
            "{\"id\":\"1\",\"text\":\"o zap caiu\",\"lang\":\"pt\",\"region\":\"BR\",\"timestamp\":\"2021-10-04T15:42:00Z\"}",
            "{\"id\":\"2\",\"text\":\"nice sunset\",\"lang\":\"en\",\"region\":\"US\",\"timestamp\":\"2021-10-04T15:42:05Z\"}",
            "{\"id\":\"3\",\"text\":\"instagram is down for me\",\"lang\":\"en\",\"region\":\"US\",\"timestamp\":\"2021-10-04T15:42:09Z\"}"));
    StringWriter err = new StringWriter();
    CommandLine cli = OutageRadar.commandLine();
    cli.setErr(new PrintWriter(err, true));

    int code =
        cli.execute(
            "social",
            "--file",
            posts.toString(),
            "--bootstrap-servers",
            kafka.bootstrapServers(),
            "--schema-registry-url",
            "mock://" + scope);

    assertThat(code).isZero();
    assertThat(err.toString())
        .contains("2 post(s) published as reports, 1 about no known service, 0 bad line(s)");
    List<ConsumerRecord<String, UserReport>> received = new ArrayList<>();
    Properties props = new Properties();
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
    props.put(ConsumerConfig.GROUP_ID_CONFIG, kafka.uniqueName());
    props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    try (KafkaConsumer<String, UserReport> consumer =
        new KafkaConsumer<>(
            props,
            topics.userReports.keySerde().deserializer(),
            topics.userReports.valueSerde().deserializer())) {
      consumer.subscribe(List.of(topics.userReports.name()));
      await()
          .atMost(Duration.ofSeconds(30))
          .untilAsserted(
              () -> {
                consumer.poll(Duration.ofMillis(200)).forEach(received::add);
                assertThat(received).hasSize(2);
              });
    }
    assertThat(received)
        .extracting(ConsumerRecord::key)
        .containsExactlyInAnyOrder("whatsapp|BR", "instagram|US");
    assertThat(received).extracting(r -> r.value().getSource()).containsOnly(ReportSource.SOCIAL);
  }
}
