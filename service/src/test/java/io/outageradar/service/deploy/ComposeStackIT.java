package io.outageradar.service.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testcontainers.containers.ComposeContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.junit.jupiter.Testcontainers;

/**
 * The docker-compose stack itself, where Docker exists (skipped cleanly here): Grafana healthy with
 * its provisioned dashboard, the three sink connectors created and running, Alertmanager ready.
 * Without Docker the same behaviour is covered by JdbcSinkIT (Connect + sink + PostgreSQL + the
 * dashboard's queries), AlertmanagerIT and PagerIT, and the file itself by ComposeFileTest.
 */
@Testcontainers(disabledWithoutDocker = true)
class ComposeStackIT {
  private static ComposeContainer stack;
  private final HttpClient http = HttpClient.newHttpClient();

  @BeforeAll
  static void start() {
    stack =
        new ComposeContainer(new File("../docker-compose.yml"))
            .withLocalCompose(true)
            .withExposedService(
                "grafana",
                3000,
                Wait.forHttp("/api/health").withStartupTimeout(Duration.ofMinutes(5)))
            .withExposedService(
                "connect",
                8083,
                Wait.forHttp("/connectors").withStartupTimeout(Duration.ofMinutes(10)))
            .withExposedService(
                "alertmanager",
                9093,
                Wait.forHttp("/-/ready").withStartupTimeout(Duration.ofMinutes(5)));
    stack.start();
  }

  @AfterAll
  static void stop() {
    if (stack != null) {
      stack.stop();
    }
  }

  private String get(String service, int port, String path) throws Exception {
    URI uri =
        URI.create(
            "http://"
                + stack.getServiceHost(service, port)
                + ":"
                + stack.getServicePort(service, port)
                + path);
    return http.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString())
        .body();
  }

  @Test
  void theStackComesUpWithItsDashboardAndConnectors() throws Exception {
    org.awaitility.Awaitility.await()
        .atMost(Duration.ofMinutes(3))
        .ignoreExceptions()
        .untilAsserted(
            () ->
                assertThat(get("connect", 8083, "/connectors"))
                    .contains(
                        "outage-radar-outages-sink",
                        "outage-radar-region-impact-sink",
                        "outage-radar-report-health-sink"));
    assertThat(get("grafana", 3000, "/api/health")).contains("\"database\"");
    assertThat(get("alertmanager", 9093, "/api/v2/status")).contains("\"cluster\"");
  }
}
