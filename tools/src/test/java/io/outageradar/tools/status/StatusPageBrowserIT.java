package io.outageradar.tools.status;

import static io.outageradar.simulation.ScenarioEvents.timeOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.outageradar.avro.ReportCategory;
import io.outageradar.avro.ReportSource;
import io.outageradar.avro.UserReport;
import io.outageradar.registry.MockSchemaRegistry;
import io.outageradar.registry.RegistryOptions;
import io.outageradar.service.runtime.Pipeline;
import io.outageradar.simulation.Facebook2021Scenario;
import io.outageradar.simulation.ScenarioEvents;
import io.outageradar.simulation.ScenarioPublisher;
import io.outageradar.testkit.EmbeddedKafkaExtension;
import io.outageradar.testkit.EmbeddedKafkaExtension.KafkaTestContext;
import io.outageradar.testkit.FreePorts;
import io.outageradar.tools.demo.Demo;
import io.outageradar.topics.KafkaClients;
import io.outageradar.topics.TopicCreator;
import io.outageradar.topics.Topics;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.streams.state.HostInfo;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;

/**
 * The status page in a real browser against the real pipeline on the embedded broker, during a
 * replay of 4 October 2021: the three services turn to outage (cause DNS, six regions) and back
 * through the page's event stream without a reload, also across a rebalance when a second instance
 * joins; the map colours the regions; the keyboard reaches every open outage; a report's markup
 * shows as text; the public instance shows no money; unknown pages are friendly 404s.
 */
@ExtendWith(EmbeddedKafkaExtension.class)
class StatusPageBrowserIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final List<String> SERVICES = List.of("facebook", "instagram", "whatsapp");
  private static final List<String> REGIONS = List.of("BR", "DE", "GB", "IN", "NL", "US");
  private static final String MARKUP =
      "<script>window.hacked = true</script><b>bold</b> still down";
  private static final Duration JUDGED = Duration.ofMinutes(5);

  /** Every service down in every region, none back yet (they recover from 21:05). */
  private static final Instant MID_OUTAGE = Instant.parse("2021-10-04T18:00:00Z");

  @TempDir Path stateDir;
  private final String scope = "status-page-it-" + UUID.randomUUID();
  private final List<Pipeline> instances = new ArrayList<>();
  private final List<ChromeDriver> browsers = new ArrayList<>();
  private final HttpClient http = HttpClient.newHttpClient();

  @AfterEach
  void stop() {
    browsers.forEach(ChromeDriver::quit);
    instances.forEach(Pipeline::close);
    MockSchemaRegistry.drop(scope);
  }

  @Test
  void thePageFollowsTheReplayLiveAndTellsItPlainly(KafkaTestContext kafka) throws Exception {
    Topics topics =
        Topics.withPrefix(kafka.topicPrefix(), RegistryOptions.of("mock://" + scope).connect());
    TopicCreator.ensure(KafkaClients.plain(kafka.bootstrapServers()), topics.all(), (short) 1);
    // The replay up to the middle of the outage first, so that the page must show it however fast
    // the pipeline reads (it reads all 8 hours in seconds); the rest once a second instance joins.
    // The pause between the halves is taken for the end of the inputs (the demo's 2 s): the
    // windows open at 18:00 close, and what the second half has for them counts nowhere, which
    // changes nothing the page is asked to show.
    List<SpecificRecord> replay =
        Stream.concat(ScenarioEvents.of(new Facebook2021Scenario(42)), Stream.of(markupReport()))
            .toList();
    publish(kafka, topics, replay.stream().filter(e -> timeOf(e).isBefore(MID_OUTAGE)));
    String app = kafka.uniqueName();
    HostInfo first = start(kafka, topics, app, "first", false);

    ChromeDriver page = browser();
    page.get(url(first, "/"));
    awaitRendered(page);
    ((JavascriptExecutor) page).executeScript("window.sameDocument = 'yes'");

    await("the three services turn to outage on the open page")
        .atMost(JUDGED)
        .ignoreExceptions()
        .untilAsserted(
            () -> {
              for (String service : SERVICES) {
                WebElement row =
                    page.findElement(By.cssSelector("tr[data-service='" + service + "']"));
                assertThat(row.getDomAttribute("data-state")).isEqualTo("outage");
                assertThat(row.findElement(By.className("cause")).getText()).isEqualTo("DNS");
                assertThat(row.findElement(By.className("regions")).getText())
                    .isEqualTo(String.join(", ", REGIONS));
              }
            });
    // the page keeps redrawing as closed windows arrive: an element found a moment ago may be
    // gone, so each look is taken again until it holds
    await("the map and the loss on the open page")
        .atMost(Duration.ofMinutes(1))
        .ignoreExceptions()
        .untilAsserted(
            () -> {
              for (String region : REGIONS) {
                assertThat(
                        page.findElement(By.cssSelector("#map path[data-region='" + region + "']"))
                            .getDomAttribute("data-state"))
                    .as("the map colours " + region)
                    .isEqualTo("outage");
              }
              assertThat(
                      page.findElement(By.cssSelector("#map path[data-region='FR']"))
                          .getDomAttribute("data-state"))
                  .as("a region nobody reported stays operational")
                  .isEqualTo("operational");
              assertThat(page.findElement(By.id("main")).getText())
                  .as("the operator's page shows the loss so far")
                  .contains("Estimated loss")
                  .contains("BRL");
            });
    await("every open outage reachable by keyboard")
        .atMost(Duration.ofMinutes(1))
        .ignoreExceptions()
        .untilAsserted(() -> assertEveryOpenOutageReachableByKeyboard(page));
    screenshot(page, "status-overview.png");

    // a second instance joins: the stream tasks rebalance; the first page keeps its stream
    HostInfo second = start(kafka, topics, app, "second", true);
    publish(kafka, topics, replay.stream().filter(e -> !timeOf(e).isBefore(MID_OUTAGE)));

    await("the outages resolve on the open page, with no reload, across the rebalance")
        .atMost(JUDGED)
        .ignoreExceptions()
        .untilAsserted(
            () -> {
              for (String service : SERVICES) {
                assertThat(
                        page.findElement(By.cssSelector("tr[data-service='" + service + "']"))
                            .getDomAttribute("data-state"))
                    .isEqualTo("operational");
              }
              assertThat(page.findElements(By.cssSelector("[data-outage]"))).isNotEmpty();
            });
    assertThat(((JavascriptExecutor) page).executeScript("return window.sameDocument"))
        .as("the page was never reloaded")
        .isEqualTo("yes");
    assertThat(
            Integer.parseInt(page.findElement(By.tagName("body")).getDomAttribute("data-events")))
        .as("updates came through the event stream")
        .isGreaterThan(3);

    ChromeDriver publicPage = browser();
    publicPage.get(url(second, "/"));
    await("the public page shows the resolved outages")
        .atMost(Duration.ofMinutes(2))
        .ignoreExceptions()
        .untilAsserted(
            () ->
                assertThat(publicPage.findElements(By.cssSelector("[data-outage]"))).isNotEmpty());
    await("once everything is read, no service is catching up with the others")
        .atMost(Duration.ofMinutes(2))
        .ignoreExceptions()
        .untilAsserted(
            () -> {
              publicPage.navigate().refresh();
              awaitRendered(publicPage);
              assertThat(publicPage.findElements(By.cssSelector("td[data-catching-up='false']")))
                  .hasSize(SERVICES.size());
            });
    assertThat(publicPage.findElement(By.tagName("body")).getText())
        .as("no money on the public page")
        .doesNotContain("Estimated loss")
        .doesNotContain("BRL")
        .doesNotContain("INR");
    assertThat(get(second, "/overview").toString()).doesNotContain("\"loss\"");
    assertThat(get(first, "/overview").toString()).contains("\"loss\"");

    page.get(url(first, "/service/whatsapp"));
    await("the service page lists the latest reports")
        .atMost(Duration.ofMinutes(1))
        .ignoreExceptions()
        .untilAsserted(
            () -> assertThat(page.findElement(By.className("texts")).getText()).contains(MARKUP));
    assertThat(((JavascriptExecutor) page).executeScript("return window.hacked === undefined"))
        .as("a report's script never runs")
        .isEqualTo(true);
    assertThat(page.findElements(By.cssSelector(".texts b"))).as("nor becomes markup").isEmpty();
    assertThat(page.findElements(By.cssSelector(".history li")))
        .hasSizeGreaterThanOrEqualTo(90 * REGIONS.size());
    assertThat(page.findElement(By.id("main")).getText())
        .contains("Most reported problems")
        .contains("messaging");
    screenshot(page, "status-service.png");

    page.get(url(first, "/service/myspace"));
    assertThat(page.findElement(By.tagName("main")).getText())
        .contains("No service called “myspace” is monitored here.");
    assertThat(status(first, "/service/myspace")).isEqualTo(404);
    assertThat(status(first, "/outages/no-such-outage")).isEqualTo(404);
    assertThat(status(first, "/status/myspace/history")).isEqualTo(404);

    assertEventStreamResumesAfterLastEventId(first);
  }

  /** A page that comes back with Last-Event-ID first gets what changed since, nothing older. */
  private void assertEventStreamResumesAfterLastEventId(HostInfo host) throws Exception {
    JsonNode outages = get(host, "/overview").get("recentOutages");
    long lastSeen = Instant.parse(outages.get(0).get("resolvedAt").asText()).toEpochMilli();
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(url(host, "/events")))
            .header("Last-Event-ID", Long.toString(lastSeen))
            .build();
    HttpResponse<InputStream> response =
        http.send(request, HttpResponse.BodyHandlers.ofInputStream());
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValueSatisfying(t -> assertThat(t).startsWith("text/event-stream"));
    try (BufferedReader lines =
        new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
      String id = null;
      for (String line = lines.readLine(); line != null; line = lines.readLine()) {
        if (line.startsWith("id: ")) {
          id = line.substring(4);
          break;
        }
      }
      assertThat(id).as("a missed change is sent again").isNotNull();
      assertThat(Long.parseLong(id)).isGreaterThanOrEqualTo(lastSeen);
    }
  }

  /** Tab from the top of the page: every open outage's link takes the focus on the way. */
  private static void assertEveryOpenOutageReachableByKeyboard(ChromeDriver page) {
    Set<String> wanted = new LinkedHashSet<>();
    page.findElements(By.cssSelector("#main section:first-of-type [data-outage] a"))
        .forEach(link -> wanted.add(link.getDomAttribute("href")));
    assertThat(wanted).as("open outages on the page").hasSize(SERVICES.size());
    page.findElement(By.tagName("body")).click();
    Set<String> reached = new LinkedHashSet<>();
    for (int i = 0; i < 40 && !reached.containsAll(wanted); i++) {
      new Actions(page).sendKeys(Keys.TAB).perform();
      String href = page.switchTo().activeElement().getDomAttribute("href");
      if (href != null) {
        reached.add(href);
      }
    }
    assertThat(reached).containsAll(wanted);
  }

  private static void publish(
      KafkaTestContext kafka, Topics topics, Stream<SpecificRecord> events) {
    ScenarioPublisher.publish("fb-2021-10-04", events, topics, kafka.bootstrapServers(), 0);
  }

  private static UserReport markupReport() {
    return UserReport.newBuilder()
        .setReportId("markup-1")
        .setService("whatsapp")
        .setRegion("BR")
        .setReporterId("someone-private")
        .setSource(ReportSource.WEB)
        .setCategory(ReportCategory.MESSAGING)
        .setText(MARKUP)
        .setLang("en")
        .setReportedAt(Instant.parse("2021-10-04T23:00:00Z"))
        .build();
  }

  private Pipeline.Builder builder(KafkaTestContext kafka, Topics topics, String app, String name) {
    return Pipeline.Settings.builder(kafka.bootstrapServers(), app, topics, stateDir.resolve(name));
  }

  private HostInfo start(
      KafkaTestContext kafka, Topics topics, String app, String name, boolean publicMode) {
    HostInfo host = new HostInfo("127.0.0.1", FreePorts.any());
    instances.add(
        Pipeline.start(
            builder(kafka, topics, app, name)
                .detection(Demo.detection())
                .revenue(Demo.DEMO_REVENUE)
                .queryServer(host)
                .statusPublic(publicMode)
                .build(),
            Duration.ofMinutes(2)));
    return host;
  }

  private ChromeDriver browser() {
    ChromeDriver driver = Browser.start(1280, 1000);
    browsers.add(driver);
    return driver;
  }

  private static void awaitRendered(ChromeDriver page) {
    await("the page renders")
        .atMost(Duration.ofSeconds(30))
        .until(() -> page.findElement(By.tagName("body")).getDomAttribute("data-rendered") != null);
  }

  /** The whole page, for docs/img: the window is stretched to the page's height for the shot. */
  private static void screenshot(ChromeDriver page, String name) throws Exception {
    Path dir = Path.of("target", "screenshots");
    Files.createDirectories(dir);
    Dimension window = page.manage().window().getSize();
    long height =
        (Long) ((JavascriptExecutor) page).executeScript("return document.body.scrollHeight");
    page.manage()
        .window()
        .setSize(new Dimension(window.getWidth(), (int) Math.min(height + 150, 4000)));
    Files.write(dir.resolve(name), page.getScreenshotAs(OutputType.BYTES));
    page.manage().window().setSize(window);
  }

  private static String url(HostInfo host, String path) {
    return "http://" + host.host() + ":" + host.port() + path;
  }

  private JsonNode get(HostInfo host, String path) throws Exception {
    return JSON.readTree(
        http.send(
                HttpRequest.newBuilder(URI.create(url(host, path))).build(),
                HttpResponse.BodyHandlers.ofString())
            .body());
  }

  private int status(HostInfo host, String path) throws Exception {
    return http.send(
            HttpRequest.newBuilder(URI.create(url(host, path))).build(),
            HttpResponse.BodyHandlers.discarding())
        .statusCode();
  }
}
