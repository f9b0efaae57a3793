package io.outageradar.service.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.outageradar.avro.UserReport;
import io.outageradar.embedded.EmbeddedKafka;
import io.outageradar.producers.intake.IntakeConfig;
import io.outageradar.producers.intake.KafkaReportStore;
import io.outageradar.producers.intake.ReportIntakeServer;
import io.outageradar.registry.MockSchemaRegistry;
import io.outageradar.registry.RegistryOptions;
import io.outageradar.testkit.EmbeddedKafkaExtension;
import io.outageradar.testkit.EmbeddedKafkaExtension.KafkaTestContext;
import io.outageradar.topics.KafkaClients;
import io.outageradar.topics.TopicCreator;
import io.outageradar.topics.Topics;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The intake API writing to a real broker: 202 only after Kafka stored the report, and the error
 * answers.
 */
@ExtendWith(EmbeddedKafkaExtension.class)
class ReportIntakeIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int LANES = 8;
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

  private Started start(String bootstrapServers, String prefix, double perKeyPerSecond)
      throws Exception {
    return start(
        bootstrapServers,
        prefix,
        new IntakeConfig(
            Set.of(KEY, "other-key"),
            Set.of("whatsapp", "instagram"),
            perKeyPerSecond,
            1000,
            Duration.ofSeconds(3)));
  }

  private Started start(String bootstrapServers, String prefix, IntakeConfig config)
      throws Exception {
    Topics topics = Topics.withPrefix(prefix, RegistryOptions.of("mock://" + scope).connect());
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrapServers))) {
      TopicCreator.ensure(admin, List.of(topics.userReports), (short) 1);
    }
    KafkaReportStore store =
        new KafkaReportStore(
            KafkaClients.plain(bootstrapServers), topics.userReports, config.sendTimeout());
    closeAfter.add(store);
    ReportIntakeServer server = ReportIntakeServer.start(0, config, store, Clock.systemUTC());
    closeAfter.add(server);
    return new Started(topics, server);
  }

  private record Answer(int status, JsonNode body, HttpResponse<String> raw) {}

  private Answer post(
      ReportIntakeServer server, String path, String body, String key, String idempotencyKey)
      throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .header("Content-Type", "application/json");
    if (key != null) {
      request.header("X-API-Key", key);
    }
    if (idempotencyKey != null) {
      request.header("Idempotency-Key", idempotencyKey);
    }
    HttpResponse<String> response =
        http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    return new Answer(response.statusCode(), JSON.readTree(response.body()), response);
  }

  private Answer post(ReportIntakeServer server, String body, String idempotencyKey)
      throws Exception {
    return post(server, "/v1/reports", body, KEY, idempotencyKey);
  }

  private static String report(String service, String region, String reporter) {
    return "{\"service\":\""
        + service
        + "\",\"region\":\""
        + region
        + "\",\"reporter\":\""
        + reporter
        + "\",\"category\":\"MESSAGING\",\"text\":\"not sending\"}";
  }

  private static List<UserReport> stored(KafkaTestContext kafka, Topics topics, int expected) {
    Properties props = new Properties();
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
    props.put(ConsumerConfig.GROUP_ID_CONFIG, "reader-" + UUID.randomUUID());
    props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    List<UserReport> reports = new ArrayList<>();
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
                consumer.poll(Duration.ofMillis(200)).forEach(r -> reports.add(r.value()));
                assertThat(reports).hasSizeGreaterThanOrEqualTo(expected);
              });
      // nothing more arrives: a replayed request must not have written twice
      consumer.poll(Duration.ofMillis(500)).forEach(r -> reports.add(r.value()));
    }
    return reports;
  }

  @Test
  void aBatchKeepsItsValidReportsListsTheInvalidOnesAndARetryCountsOnce(KafkaTestContext kafka)
      throws Exception {
    Started intake = start(kafka.bootstrapServers(), kafka.topicPrefix(), 100);
    String batch =
        "["
            + report("whatsapp", "BR", "u-1")
            + ","
            + report("myspace", "BR", "u-2")
            + ","
            + report("instagram", "US", "u-3")
            + ","
            + report("whatsapp", "ZZ", "u-4")
            + "]";

    Answer first = post(intake.server(), "/v1/reports:batch", batch, KEY, "batch-1");
    Answer retry = post(intake.server(), "/v1/reports:batch", batch, KEY, "batch-1");
    Answer single =
        post(intake.server(), "/v1/reports", report("whatsapp", "DE", "u-5"), KEY, null);

    assertThat(first.status()).isEqualTo(400);
    assertThat(first.body().get("accepted")).hasSize(2);
    assertThat(first.body().get("rejected"))
        .extracting(r -> r.get("index").asInt() + ":" + r.get("field").asText())
        .containsExactly("1:service", "3:region");
    assertThat(retry.status()).isEqualTo(400);
    assertThat(retry.body()).isEqualTo(first.body());
    assertThat(single.status()).isEqualTo(202);
    assertThat(stored(kafka, intake.topics(), 3))
        .extractingResultOf("getRegion")
        .containsExactlyInAnyOrder("BR", "US", "DE");
  }

  @Test
  void keysAreCheckedAndRequestsRateLimited(KafkaTestContext kafka) throws Exception {
    Started intake = start(kafka.bootstrapServers(), kafka.topicPrefix(), 0.3); // a burst of 3
    assertThat(
            post(intake.server(), "/v1/reports", report("whatsapp", "BR", "u"), null, null)
                .status())
        .isEqualTo(401);
    assertThat(
            post(intake.server(), "/v1/reports", report("whatsapp", "BR", "u"), "wrong", null)
                .status())
        .isEqualTo(401);

    List<Integer> statuses = new ArrayList<>();
    Answer limited = null;
    for (int i = 0; i < 5; i++) {
      Answer answer =
          post(intake.server(), "/v1/reports", report("whatsapp", "BR", "u-" + i), KEY, null);
      statuses.add(answer.status());
      if (answer.status() == 429) {
        limited = answer;
      }
    }

    assertThat(statuses).containsExactly(202, 202, 202, 429, 429);
    assertThat(limited.raw().headers().firstValue("Retry-After")).isPresent();
    assertThat(
            post(intake.server(), "/v1/reports", report("whatsapp", "BR", "u"), "other-key", null)
                .status())
        .isEqualTo(202);
  }

  @Test
  void whenKafkaIsGoneNothingIsAcknowledged() throws Exception {
    EmbeddedKafka own = EmbeddedKafka.start();
    Started intake = start(own.bootstrapServers(), "", 100);
    assertThat(
            post(intake.server(), "/v1/reports", report("whatsapp", "BR", "u-1"), KEY, null)
                .status())
        .isEqualTo(202);

    own.close();
    Answer down =
        post(intake.server(), "/v1/reports", report("whatsapp", "BR", "u-2"), KEY, "after-stop");

    assertThat(down.status()).isEqualTo(503);
    assertThat(down.raw().headers().firstValue("Retry-After")).contains("5");
    assertThat(down.body().get("error").asText()).contains("retry");

    // many at once, each a batch the producer would block on: every one is still answered within
    // the send timeout (3 s) plus scheduling slack, not one send timeout per report or per queued
    // request
    ExecutorService clients = Executors.newFixedThreadPool(24);
    List<Future<Long>> answers = new ArrayList<>();
    String batch =
        "["
            + report("whatsapp", "BR", "b-1")
            + ","
            + report("whatsapp", "BR", "b-2")
            + ","
            + report("whatsapp", "BR", "b-3")
            + "]";
    for (int i = 0; i < 24; i++) {
      answers.add(
          clients.submit(
              () -> {
                long start = System.nanoTime();
                assertThat(post(intake.server(), "/v1/reports:batch", batch, KEY, null).status())
                    .isEqualTo(503);
                return (System.nanoTime() - start) / 1_000_000;
              }));
    }
    for (Future<Long> answer : answers) {
      assertThat(answer.get(1, TimeUnit.MINUTES))
          .as("milliseconds until the 503")
          .isLessThan(5_000);
    }
    clients.shutdown();
  }

  @Test
  void aReusedIdempotencyKeyWithAnotherBodyIsRefusedAndTheSameBodyGetsTheFirstAnswer(
      KafkaTestContext kafka) throws Exception {
    Started intake = start(kafka.bootstrapServers(), kafka.topicPrefix(), 100);

    Answer first = post(intake.server(), report("whatsapp", "BR", "u-1"), "same-key");
    Answer again = post(intake.server(), report("whatsapp", "BR", "u-1"), "same-key");
    Answer other = post(intake.server(), report("whatsapp", "AR", "u-2"), "same-key");

    assertThat(first.status()).isEqualTo(202);
    assertThat(again.body()).isEqualTo(first.body());
    assertThat(other.status()).isEqualTo(422);
    assertThat(other.body().get("field").asText()).isEqualTo("Idempotency-Key");
    assertThat(stored(kafka, intake.topics(), 1))
        .extractingResultOf("getRegion")
        .containsExactly("BR");
  }

  @Test
  void aBodyOverTheLimitIs413AndATimestampFromLongAgoIs400(KafkaTestContext kafka)
      throws Exception {
    Started intake =
        start(
            kafka.bootstrapServers(),
            kafka.topicPrefix(),
            new IntakeConfig(
                Set.of(KEY),
                Set.of("whatsapp"),
                100,
                100,
                Duration.ofSeconds(3),
                64 * 1024,
                1024 * 1024));

    Answer tooBig = post(intake.server(), "{\"text\":\"" + "x".repeat(100 * 1024) + "\"}", null);
    Answer old =
        post(
            intake.server(),
            "{\"service\":\"whatsapp\",\"region\":\"BR\",\"reporter\":\"u\","
                + "\"timestamp\":\"1960-10-04T15:41:07Z\"}",
            null);

    assertThat(tooBig.status()).isEqualTo(413);
    assertThat(old.status()).isEqualTo(400);
    assertThat(old.body().get("field").asText()).isEqualTo("timestamp");
  }

  @Test
  void wrongKeysFromOneAddressAreSlowedDownAndARefusedRequestCostsNoToken(KafkaTestContext kafka)
      throws Exception {
    Started intake =
        start(
            kafka.bootstrapServers(),
            kafka.topicPrefix(),
            new IntakeConfig(
                Set.of(KEY),
                Set.of("whatsapp"),
                100,
                0.2,
                Duration.ofSeconds(3))); // the address: a burst of 2, then one every 5 s

    List<Integer> guesses = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      guesses.add(
          post(intake.server(), "/v1/reports", report("whatsapp", "BR", "u"), "guess-" + i, null)
              .status());
    }
    assertThat(guesses.subList(0, 10)).containsOnly(401);
    assertThat(guesses.get(10)).isEqualTo(429);
    // one more guess a second may be checked: far fewer than the 90 that were tried
    assertThat(guesses.subList(10, 100)).filteredOn(status -> status == 429).hasSizeGreaterThan(80);
  }

  @Test
  void requestsRefusedByOneBucketDoNotDrainTheOther(KafkaTestContext kafka) throws Exception {
    Started intake =
        start(
            kafka.bootstrapServers(),
            kafka.topicPrefix(),
            new IntakeConfig(
                Set.of(KEY),
                Set.of("whatsapp"),
                0.3,
                0.2,
                Duration.ofSeconds(3))); // the key: a burst of 3; the address: a burst of 2

    List<Integer> statuses = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      statuses.add(post(intake.server(), report("whatsapp", "BR", "u-" + i), null).status());
    }

    // the address ran dry after 2; its 18 refusals must not have spent the key's third token,
    // which a client of the same key at another address still gets
    assertThat(statuses.subList(0, 2)).containsOnly(202);
    assertThat(statuses.subList(2, 20)).containsOnly(429);
    assertThat(postFrom("127.0.0.2", intake.server(), report("whatsapp", "BR", "elsewhere")))
        .isEqualTo(202);
  }

  /**
   * The status of a report posted from another loopback address (the JDK's HTTP client cannot
   * choose its own).
   */
  private static int postFrom(String localAddress, ReportIntakeServer server, String body)
      throws Exception {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    try (Socket socket = new Socket()) {
      socket.bind(new InetSocketAddress(localAddress, 0));
      socket.connect(new InetSocketAddress("127.0.0.1", server.port()));
      String head =
          "POST /v1/reports HTTP/1.1\r\nHost: 127.0.0.1\r\nX-API-Key: "
              + KEY
              + "\r\nContent-Type: application/json\r\n"
              + "Content-Length: "
              + bytes.length
              + "\r\nConnection: close\r\n\r\n";
      OutputStream out = socket.getOutputStream();
      out.write(head.getBytes(StandardCharsets.US_ASCII));
      out.write(bytes);
      out.flush();
      String statusLine =
          new BufferedReader(
                  new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII))
              .readLine();
      return Integer.parseInt(statusLine.split(" ")[1]);
    }
  }

  @Test
  void thousandsOfHostileRequestsGetNo5xxKeepTheHeapFlatAndStoreOnlyValidReports(
      KafkaTestContext kafka) throws Exception {
    Started intake =
        start(
            kafka.bootstrapServers(),
            kafka.topicPrefix(),
            new IntakeConfig(
                Set.of(KEY),
                Set.of("whatsapp"),
                1e6,
                1e6,
                Duration.ofSeconds(10),
                64 * 1024,
                1024 * 1024));
    HostileRequests hostile = new HostileRequests(20211004, 64 * 1024);
    long heapBefore = usedHeapAfterGc();

    // eight clients at once, each sending every eighth request in order (a reused key's two
    // requests fall to the same client, so the second always finds the first answered)
    Map<Integer, Integer> statuses = new ConcurrentSkipListMap<>();
    Set<String> accepted = ConcurrentHashMap.newKeySet();
    ExecutorService clients = Executors.newFixedThreadPool(LANES);
    List<Future<?>> lanes = new ArrayList<>();
    for (int lane = 0; lane < LANES; lane++) {
      int first = lane;
      lanes.add(
          clients.submit(
              () -> {
                for (int i = first; i < 5_000; i += LANES) {
                  HostileRequests.Request request = hostile.request(i);
                  Answer answer =
                      post(
                          intake.server(),
                          request.path(),
                          request.body(),
                          KEY,
                          request.idempotencyKey());
                  statuses.merge(answer.status(), 1, Integer::sum);
                  if (answer.status() == 202 || answer.status() == 400) {
                    answer.body().path("accepted").forEach(id -> accepted.add(id.asText()));
                  }
                }
                return null;
              }));
    }
    for (Future<?> lane : lanes) {
      lane.get(5, TimeUnit.MINUTES);
    }
    clients.shutdown();
    long heapGrowth = usedHeapAfterGc() - heapBefore;

    assertThat(statuses.keySet())
        .as("answers by status: %s", statuses)
        .allMatch(status -> status < 500);
    assertThat(statuses).containsKeys(202, 400, 413, 422);
    assertThat(heapGrowth).as("heap growth in bytes").isLessThan(32L * 1024 * 1024);
    List<UserReport> stored = stored(kafka, intake.topics(), accepted.size());
    assertThat(stored)
        .extracting(UserReport::getReportId)
        .containsExactlyInAnyOrderElementsOf(accepted);
    assertThat(stored)
        .allSatisfy(
            report -> {
              assertThat(report.getService()).isEqualTo("whatsapp");
              assertThat(report.getReporterId().length()).isLessThanOrEqualTo(128);
              assertThat(report.getReportedAt()).isAfter(Instant.parse("2000-01-01T00:00:00Z"));
            });
  }

  private static long usedHeapAfterGc() {
    Runtime runtime = Runtime.getRuntime();
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    return runtime.totalMemory() - runtime.freeMemory();
  }
}
