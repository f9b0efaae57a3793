package io.outageradar.app.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.outageradar.app.embedded.EmbeddedKafka;
import io.outageradar.app.embedded.EmbeddedKafkaExtension;
import io.outageradar.app.embedded.EmbeddedKafkaExtension.KafkaTestContext;
import io.outageradar.avro.UserReport;
import io.outageradar.producers.intake.IntakeConfig;
import io.outageradar.producers.intake.KafkaReportStore;
import io.outageradar.producers.intake.ReportIntakeServer;
import io.outageradar.registry.MockSchemaRegistry;
import io.outageradar.registry.RegistryOptions;
import io.outageradar.topics.TopicCreator;
import io.outageradar.topics.Topics;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The intake API writing to a real broker: 202 only after Kafka stored the report, and the error answers. */
@ExtendWith(EmbeddedKafkaExtension.class)
class ReportIntakeIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String KEY = "k-" + UUID.randomUUID();
  private final String scope = "intake-it-" + UUID.randomUUID();
  private final HttpClient http = HttpClient.newHttpClient();
  private final List<AutoCloseable> closeAfter = new ArrayList<>();

  @AfterEach
  void stop() throws Exception {
    for (int i = closeAfter.size() - 1; i >= 0; i--) {
      closeAfter.get(i).close();
    }
    MockSchemaRegistry.drop(scope);
  }

  private record Started(Topics topics, ReportIntakeServer server) {}

  private Started start(String bootstrapServers, String prefix, double perKeyPerSecond) throws Exception {
    Topics topics = Topics.withPrefix(prefix, RegistryOptions.of("mock://" + scope).connect());
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrapServers))) {
      TopicCreator.ensure(admin, List.of(topics.userReports), (short) 1);
    }
    IntakeConfig config = new IntakeConfig(Set.of(KEY, "other-key"), Set.of("whatsapp", "instagram"), perKeyPerSecond, 1000,
        Duration.ofSeconds(3));
    KafkaReportStore store = new KafkaReportStore(bootstrapServers, topics.userReports, config.sendTimeout());
    closeAfter.add(store);
    ReportIntakeServer server = ReportIntakeServer.start(0, config, store, Clock.systemUTC());
    closeAfter.add(server);
    return new Started(topics, server);
  }

  private record Answer(int status, JsonNode body, HttpResponse<String> raw) {}

  private Answer post(ReportIntakeServer server, String path, String body, String key, String idempotencyKey) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
        .POST(HttpRequest.BodyPublishers.ofString(body)).header("Content-Type", "application/json");
    if (key != null) {
      request.header("X-API-Key", key);
    }
    if (idempotencyKey != null) {
      request.header("Idempotency-Key", idempotencyKey);
    }
    HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    return new Answer(response.statusCode(), JSON.readTree(response.body()), response);
  }

  private static String report(String service, String region, String reporter) {
    return "{\"service\":\"" + service + "\",\"region\":\"" + region + "\",\"reporter\":\"" + reporter
        + "\",\"category\":\"MESSAGING\",\"text\":\"not sending\"}";
  }

  private static List<UserReport> stored(KafkaTestContext kafka, Topics topics, int expected) {
    Properties props = new Properties();
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
    props.put(ConsumerConfig.GROUP_ID_CONFIG, "reader-" + UUID.randomUUID());
    props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    List<UserReport> reports = new ArrayList<>();
    try (KafkaConsumer<String, UserReport> consumer = new KafkaConsumer<>(props,
        topics.userReports.keySerde().deserializer(), topics.userReports.valueSerde().deserializer())) {
      consumer.subscribe(List.of(topics.userReports.name()));
      await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
        consumer.poll(Duration.ofMillis(200)).forEach(r -> reports.add(r.value()));
        assertThat(reports).hasSizeGreaterThanOrEqualTo(expected);
      });
      // nothing more arrives: a replayed request must not have written twice
      consumer.poll(Duration.ofMillis(500)).forEach(r -> reports.add(r.value()));
    }
    return reports;
  }

  @Test
  void aBatchKeepsItsValidReportsListsTheInvalidOnesAndARetryCountsOnce(KafkaTestContext kafka) throws Exception {
    Started intake = start(kafka.bootstrapServers(), kafka.topicPrefix(), 100);
    String batch = "[" + report("whatsapp", "BR", "u-1") + "," + report("myspace", "BR", "u-2") + ","
        + report("instagram", "US", "u-3") + "," + report("whatsapp", "ZZ", "u-4") + "]";

    Answer first = post(intake.server(), "/v1/reports:batch", batch, KEY, "batch-1");
    Answer retry = post(intake.server(), "/v1/reports:batch", batch, KEY, "batch-1");
    Answer single = post(intake.server(), "/v1/reports", report("whatsapp", "DE", "u-5"), KEY, null);

    assertThat(first.status()).isEqualTo(400);
    assertThat(first.body().get("accepted")).hasSize(2);
    assertThat(first.body().get("rejected")).extracting(r -> r.get("index").asInt() + ":" + r.get("field").asText())
        .containsExactly("1:service", "3:region");
    assertThat(retry.status()).isEqualTo(400);
    assertThat(retry.body()).isEqualTo(first.body());
    assertThat(single.status()).isEqualTo(202);
    assertThat(stored(kafka, intake.topics(), 3)).extractingResultOf("getRegion").containsExactlyInAnyOrder("BR", "US", "DE");
  }

  @Test
  void keysAreCheckedAndRequestsRateLimited(KafkaTestContext kafka) throws Exception {
    Started intake = start(kafka.bootstrapServers(), kafka.topicPrefix(), 0.3); // a burst of 3
    assertThat(post(intake.server(), "/v1/reports", report("whatsapp", "BR", "u"), null, null).status()).isEqualTo(401);
    assertThat(post(intake.server(), "/v1/reports", report("whatsapp", "BR", "u"), "wrong", null).status()).isEqualTo(401);

    List<Integer> statuses = new ArrayList<>();
    Answer limited = null;
    for (int i = 0; i < 5; i++) {
      Answer answer = post(intake.server(), "/v1/reports", report("whatsapp", "BR", "u-" + i), KEY, null);
      statuses.add(answer.status());
      if (answer.status() == 429) {
        limited = answer;
      }
    }

    assertThat(statuses).containsExactly(202, 202, 202, 429, 429);
    assertThat(limited.raw().headers().firstValue("Retry-After")).isPresent();
    assertThat(post(intake.server(), "/v1/reports", report("whatsapp", "BR", "u"), "other-key", null).status()).isEqualTo(202);
  }

  @Test
  void whenKafkaIsGoneNothingIsAcknowledged() throws Exception {
    EmbeddedKafka own = EmbeddedKafka.start();
    Started intake = start(own.bootstrapServers(), "", 100);
    assertThat(post(intake.server(), "/v1/reports", report("whatsapp", "BR", "u-1"), KEY, null).status()).isEqualTo(202);

    own.close();
    Answer down = post(intake.server(), "/v1/reports", report("whatsapp", "BR", "u-2"), KEY, "after-stop");

    assertThat(down.status()).isEqualTo(503);
    assertThat(down.raw().headers().firstValue("Retry-After")).contains("5");
    assertThat(down.body().get("error").asText()).contains("retry");
  }
}
