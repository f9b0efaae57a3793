package io.outageradar.pager;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.outageradar.avro.CauseHint;
import io.outageradar.avro.OutageScope;
import io.outageradar.avro.Page;
import io.outageradar.avro.PageAction;
import io.outageradar.avro.PageSeverity;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real Prometheus Alertmanager (the Debian package, which .ci/run installs) started on a free
 * port: it lists the outage's alerts through its own API after a TRIGGER and drops them after the
 * RESOLVE. Without the binary the test is skipped, unless OUTAGE_RADAR_REQUIRE_EXTERNALS says it
 * must run (as CI does).
 */
class AlertmanagerIT {
  private static final Path BINARY = Path.of("/usr/bin/prometheus-alertmanager");
  @TempDir static Path dir;
  private static Process alertmanager;
  private static URI base;
  private final HttpClient http = HttpClient.newHttpClient();
  private final Deliverer deliverer =
      new Deliverer(
          http,
          new RetryPolicy(3, Duration.ofMillis(100), Duration.ofSeconds(1)),
          d -> {},
          Clock.systemUTC());

  /** Built per test, after {@link #start} has the Alertmanager's address. */
  private final AlertmanagerIntegration integration =
      new AlertmanagerIntegration(base, Duration.ofHours(1), Clock.systemUTC());

  @BeforeAll
  static void start() throws Exception {
    boolean required = "true".equals(System.getenv("OUTAGE_RADAR_REQUIRE_EXTERNALS"));
    assumeTrue(
        required || Files.isExecutable(BINARY),
        "prometheus-alertmanager is not installed (bash .ci/run installs it)");
    int port;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = socket.getLocalPort();
    }
    Path config = dir.resolve("alertmanager.yml");
    Files.writeString(config, "route:\n  receiver: discard\nreceivers:\n  - name: discard\n");
    alertmanager =
        new ProcessBuilder(
                BINARY.toString(),
                "--config.file=" + config,
                "--storage.path=" + dir.resolve("data"),
                "--web.listen-address=127.0.0.1:" + port,
                "--cluster.listen-address=")
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("alertmanager.log").toFile())
            .start();
    base = URI.create("http://127.0.0.1:" + port + "/");
    HttpClient client = HttpClient.newHttpClient();
    await()
        .atMost(Duration.ofSeconds(30))
        .ignoreExceptions()
        .until(
            () ->
                client
                        .send(
                            HttpRequest.newBuilder(base.resolve("-/ready")).build(),
                            HttpResponse.BodyHandlers.discarding())
                        .statusCode()
                    == 200);
  }

  @AfterAll
  static void stop() throws InterruptedException {
    if (alertmanager != null) {
      alertmanager.destroy();
      alertmanager.waitFor();
    }
  }

  private List<JsonNode> alertsOf(String outageId) throws IOException, InterruptedException {
    String body =
        http.send(
                HttpRequest.newBuilder(base.resolve("api/v2/alerts")).build(),
                HttpResponse.BodyHandlers.ofString())
            .body();
    List<JsonNode> alerts = new java.util.ArrayList<>();
    PageJson.MAPPER
        .readTree(body)
        .forEach(
            alert -> {
              if (outageId.equals(alert.path("labels").path("outage_id").asText())) {
                alerts.add(alert);
              }
            });
    return alerts;
  }

  @Test
  void listsTheOutageAfterTriggerAndResolvesItAfterResolve() throws Exception {
    Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);

    assertThat(
            deliverer
                .deliver(integration, Pages.page(PageAction.TRIGGER, now, List.of("BR", "US")))
                .delivered())
        .isTrue();
    await()
        .atMost(Duration.ofSeconds(15))
        .untilAsserted(
            () -> {
              List<JsonNode> alerts = alertsOf("whatsapp-global-20211004T154030Z");
              assertThat(alerts)
                  .extracting(a -> a.path("labels").path("region").asText())
                  .containsExactlyInAnyOrder("BR", "US");
              assertThat(alerts)
                  .extracting(a -> a.path("status").path("state").asText())
                  .containsOnly("active");
              assertThat(alerts)
                  .extracting(a -> a.path("annotations").path("cause").asText())
                  .containsOnly("DNS");
            });

    assertThat(
            deliverer
                .deliver(
                    integration,
                    Pages.page(PageAction.RESOLVE, now.plusSeconds(1), List.of("BR", "US")))
                .delivered())
        .isTrue();
    // Alertmanager lists only alerts that have not ended
    await()
        .atMost(Duration.ofSeconds(15))
        .untilAsserted(() -> assertThat(alertsOf("whatsapp-global-20211004T154030Z")).isEmpty());
  }

  @Test
  void aResolveEndsTheAlertEvenWhenTheCauseChangedSinceTheTrigger() throws Exception {
    Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    Page trigger = regionalPage(PageAction.TRIGGER, now, CauseHint.UNKNOWN);
    Page resolve = regionalPage(PageAction.RESOLVE, now.plusSeconds(1), CauseHint.NETWORK);

    assertThat(deliverer.deliver(integration, trigger).delivered()).isTrue();
    await()
        .atMost(Duration.ofSeconds(15))
        .untilAsserted(
            () ->
                assertThat(alertsOf("instagram-BR-cause-change"))
                    .extracting(a -> a.path("annotations").path("cause").asText())
                    .containsExactly("UNKNOWN"));

    assertThat(deliverer.deliver(integration, resolve).delivered()).isTrue();
    await()
        .atMost(Duration.ofSeconds(15))
        .untilAsserted(() -> assertThat(alertsOf("instagram-BR-cause-change")).isEmpty());
  }

  /** A regional instagram outage in BR, with the cause known at {@code at}. */
  private static Page regionalPage(PageAction action, Instant at, CauseHint cause) {
    Page page = Pages.page(action, at, List.of("BR"));
    page.setDedupKey("instagram-BR-cause-change");
    page.setService("instagram");
    page.setScope(OutageScope.REGIONAL);
    page.setSeverity(PageSeverity.ERROR);
    page.setCause(cause);
    return page;
  }
}
