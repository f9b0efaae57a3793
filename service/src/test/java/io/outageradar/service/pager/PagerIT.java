package io.outageradar.service.pager;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import io.outageradar.avro.CauseHint;
import io.outageradar.avro.OutageScope;
import io.outageradar.avro.Page;
import io.outageradar.avro.PageAction;
import io.outageradar.avro.PageDeadLetter;
import io.outageradar.avro.PageSeverity;
import io.outageradar.pager.Deliverer;
import io.outageradar.pager.Integration;
import io.outageradar.pager.Pager;
import io.outageradar.pager.PagerDutyIntegration;
import io.outageradar.pager.RetryPolicy;
import io.outageradar.pager.WebhookIntegration;
import io.outageradar.registry.MockSchemaRegistry;
import io.outageradar.registry.RegistryOptions;
import io.outageradar.testkit.EmbeddedKafkaExtension;
import io.outageradar.testkit.EmbeddedKafkaExtension.KafkaTestContext;
import io.outageradar.topics.KafkaClients;
import io.outageradar.topics.TopicCreator;
import io.outageradar.topics.Topics;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The pager on a real broker: a page reaches the working integration, goes to alerts.dlq for the
 * one that keeps failing, and a pager restarted in the same group sends only what came after.
 */
@ExtendWith(EmbeddedKafkaExtension.class)
class PagerIT {
  private final String scope = "pager-it-" + UUID.randomUUID();
  private HttpServer server;
  private final List<String> webhookBodies = new CopyOnWriteArrayList<>();
  private final List<String> signatures = new CopyOnWriteArrayList<>();
  private final List<String> slowBodies = new CopyOnWriteArrayList<>();
  private final CountDownLatch slowReceiverHangs = new CountDownLatch(1);

  @BeforeEach
  void startReceivers() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/hook",
        exchange -> {
          webhookBodies.add(
              new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
          signatures.add(exchange.getRequestHeaders().getFirst("X-Signature"));
          exchange.sendResponseHeaders(204, -1);
          exchange.close();
        });
    server.createContext(
        "/slow",
        exchange -> {
          slowBodies.add(
              new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
          try {
            slowReceiverHangs.await(60, TimeUnit.SECONDS);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          exchange.sendResponseHeaders(204, -1);
          exchange.close();
        });
    server.createContext(
        "/v2/enqueue",
        exchange -> {
          exchange.getRequestBody().readAllBytes();
          byte[] body = "{\"status\":\"unavailable\"}".getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(503, body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    server.setExecutor(Executors.newCachedThreadPool());
    server.start();
  }

  @AfterEach
  void stop() {
    slowReceiverHangs.countDown();
    server.stop(0);
    MockSchemaRegistry.drop(scope);
  }

  private URI url(String path) {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
  }

  private static Page page(PageAction action, Instant at) {
    return Page.newBuilder()
        .setDedupKey("whatsapp-global-20211004T154030Z")
        .setAction(action)
        .setAt(at)
        .setService("whatsapp")
        .setScope(OutageScope.GLOBAL)
        .setRegions(List.of("BR", "US"))
        .setCause(CauseHint.DNS)
        .setSeverity(PageSeverity.CRITICAL)
        .setSummary("whatsapp is down in 2 regions (BR, US), cause hint DNS")
        .setOnset(Instant.parse("2021-10-04T15:40:30Z"))
        .setRenotify(false)
        .setEstimatedLoss(List.of())
        .build();
  }

  /**
   * The alerts topics, created, and a pager's settings for {@code integrations} with quick retries.
   */
  private Pager.Settings pagerSettings(
      KafkaTestContext kafka, Topics topics, List<Integration> integrations) throws Exception {
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", kafka.bootstrapServers()))) {
      TopicCreator.ensure(admin, List.of(topics.alerts, topics.alertsDeadLetters), (short) 1);
    }
    RetryPolicy retries = new RetryPolicy(2, Duration.ofMillis(10), Duration.ofMillis(20));
    Deliverer deliverer =
        new Deliverer(HttpClient.newHttpClient(), retries, d -> {}, Clock.systemUTC());
    return new Pager.Settings(
        KafkaClients.plain(kafka.bootstrapServers()),
        kafka.uniqueName(),
        topics.alerts,
        topics.alertsDeadLetters,
        integrations,
        deliverer,
        retries,
        true,
        Clock.systemUTC());
  }

  @Test
  void deliversDeadLettersAndResumesAfterTheLastDeliveredPage(KafkaTestContext kafka)
      throws Exception {
    Topics topics =
        Topics.withPrefix(kafka.topicPrefix(), RegistryOptions.of("mock://" + scope).connect());
    Pager.Settings settings =
        pagerSettings(
            kafka,
            topics,
            List.of(
                new WebhookIntegration(url("/hook"), "hook-secret", Clock.systemUTC()),
                new PagerDutyIntegration(url("/v2/enqueue"), "routing-key-42")));
    Instant t0 = Instant.parse("2021-10-04T15:41:30Z");

    try (KafkaProducer<String, Page> producer =
        new KafkaProducer<>(
            Map.of("bootstrap.servers", kafka.bootstrapServers()),
            topics.alerts.keySerde().serializer(),
            topics.alerts.valueSerde().serializer())) {
      producer
          .send(
              new ProducerRecord<>(
                  topics.alerts.name(),
                  "whatsapp-global-20211004T154030Z",
                  page(PageAction.TRIGGER, t0)))
          .get();
      try (Pager pager = Pager.start(settings)) {
        await().atMost(Duration.ofSeconds(30)).until(() -> webhookBodies.size() == 1);
        assertThat(readDeadLetters(kafka, topics))
            .singleElement()
            .satisfies(
                letter -> {
                  assertThat(letter.getIntegration()).isEqualTo("pagerduty");
                  assertThat(letter.getAttempts()).isEqualTo(2);
                  assertThat(letter.getLastError())
                      .isEqualTo("HTTP 503: {\"status\":\"unavailable\"}");
                  assertThat(letter.getPage().getAction()).isEqualTo(PageAction.TRIGGER);
                });
      }
      assertThat(
              WebhookIntegration.verify(
                  "hook-secret",
                  signatures.get(0),
                  webhookBodies.get(0).getBytes(StandardCharsets.UTF_8),
                  Instant.now(),
                  Duration.ofMinutes(5)))
          .isTrue();

      producer
          .send(
              new ProducerRecord<>(
                  topics.alerts.name(),
                  "whatsapp-global-20211004T154030Z",
                  page(PageAction.RESOLVE, t0.plus(Duration.ofHours(6)))))
          .get();
      try (Pager restarted = Pager.start(settings)) {
        await().atMost(Duration.ofSeconds(30)).until(() -> webhookBodies.size() >= 2);
        // the committed TRIGGER is not sent again: only the RESOLVE follows it
        await()
            .during(Duration.ofSeconds(2))
            .atMost(Duration.ofSeconds(5))
            .until(() -> webhookBodies.size() == 2);
      }
    }
    assertThat(webhookBodies.get(1)).contains("\"action\":\"RESOLVE\"");
  }

  @Test
  void aHangingReceiverDelaysOnlyItsOwnPagesAndNothingIsCommittedBeforeItHasThem(
      KafkaTestContext kafka) throws Exception {
    Topics topics =
        Topics.withPrefix(kafka.topicPrefix(), RegistryOptions.of("mock://" + scope).connect());
    Pager.Settings settings =
        pagerSettings(
            kafka,
            topics,
            List.of(
                new WebhookIntegration(url("/slow"), "slow-secret", Clock.systemUTC()),
                new WebhookIntegration(url("/hook"), "hook-secret", Clock.systemUTC())));
    Instant t0 = Instant.parse("2021-10-04T15:41:30Z");
    try (KafkaProducer<String, Page> producer =
        new KafkaProducer<>(
            Map.of("bootstrap.servers", kafka.bootstrapServers()),
            topics.alerts.keySerde().serializer(),
            topics.alerts.valueSerde().serializer())) {
      for (int i = 0; i < 3; i++) {
        Page page = page(PageAction.TRIGGER, t0.plusSeconds(i));
        page.setDedupKey("outage-" + i);
        producer.send(new ProducerRecord<>(topics.alerts.name(), page.getDedupKey(), page)).get();
      }
    }

    try (Pager pager = Pager.start(settings)) {
      // the fast receiver has every page while the slow one still holds the first
      await().atMost(Duration.ofSeconds(30)).until(() -> webhookBodies.size() == 3);
      assertThat(slowBodies).hasSize(1);
    }
    // closed before the slow receiver answered: nothing was committed, so a new pager sends all
    // again
    slowReceiverHangs.countDown();
    try (Pager again = Pager.start(settings)) {
      await()
          .atMost(Duration.ofSeconds(30))
          .until(() -> webhookBodies.size() == 6 && slowBodies.size() >= 4);
    }
  }

  private static List<PageDeadLetter> readDeadLetters(KafkaTestContext kafka, Topics topics) {
    Properties props = new Properties();
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
    props.put(ConsumerConfig.GROUP_ID_CONFIG, kafka.uniqueName() + "-dlq");
    props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    List<PageDeadLetter> letters = new ArrayList<>();
    try (KafkaConsumer<String, PageDeadLetter> consumer =
        new KafkaConsumer<>(
            props,
            topics.alertsDeadLetters.keySerde().deserializer(),
            topics.alertsDeadLetters.valueSerde().deserializer())) {
      consumer.subscribe(List.of(topics.alertsDeadLetters.name()));
      await()
          .atMost(Duration.ofSeconds(30))
          .until(
              () -> {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> letters.add(r.value()));
                return !letters.isEmpty();
              });
    }
    return letters;
  }
}
