package io.outageradar.tools.status;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.outageradar.avro.OutageEvent;
import io.outageradar.avro.OutageScope;
import io.outageradar.avro.OutageState;
import io.outageradar.registry.MockSchemaRegistry;
import io.outageradar.registry.RegistryOptions;
import io.outageradar.service.runtime.Pipeline;
import io.outageradar.testkit.EmbeddedKafkaExtension;
import io.outageradar.testkit.EmbeddedKafkaExtension.KafkaTestContext;
import io.outageradar.testkit.FreePorts;
import io.outageradar.testkit.Outages;
import io.outageradar.tools.cli.OutageRadarTools;
import io.outageradar.tools.demo.Demo;
import io.outageradar.topics.InputProducers;
import io.outageradar.topics.KafkaClients;
import io.outageradar.topics.TopicCreator;
import io.outageradar.topics.Topics;
import java.io.PrintWriter;
import java.io.StringWriter;
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
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.streams.state.HostInfo;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.chrome.ChromeDriver;
import picocli.CommandLine;

/**
 * The page stays fast with a long history: 10,000 outages over 90 days, first render of the
 * overview and of a service page within a second on loopback (the page's own clock, from the start
 * of navigation to the drawn data). The times measured are written to
 * target/status-page-render.txt.
 */
@ExtendWith(EmbeddedKafkaExtension.class)
class StatusPageHistoryIT {
  private static final int OUTAGES = 10_000;
  private static final List<String> SERVICES = List.of("whatsapp", "instagram", "facebook", "pix");
  private static final Instant NOW = Instant.parse("2021-10-04T16:00:00Z");
  private static final long FIRST_RENDER_MS = 1_000;

  @TempDir Path stateDir;
  private final String scope = "status-history-it-" + UUID.randomUUID();
  private Pipeline pipeline;
  private ChromeDriver browser;

  @AfterEach
  void stop() {
    if (browser != null) {
      browser.quit();
    }
    if (pipeline != null) {
      pipeline.close();
    }
    MockSchemaRegistry.drop(scope);
  }

  @Test
  void tenThousandOutagesInTheHistoryRenderWithinASecond(KafkaTestContext kafka) throws Exception {
    browser = Browser.start(1280, 1000);
    Topics topics =
        Topics.withPrefix(kafka.topicPrefix(), RegistryOptions.of("mock://" + scope).connect());
    TopicCreator.ensure(KafkaClients.plain(kafka.bootstrapServers()), topics.all(), (short) 1);
    publishHistory(kafka, topics);
    HostInfo host = new HostInfo("127.0.0.1", FreePorts.any());
    pipeline =
        Pipeline.start(
            Pipeline.Settings.builder(
                    kafka.bootstrapServers(), kafka.uniqueName(), topics, stateDir)
                .revenue(Demo.DEMO_REVENUE)
                .queryServer(host)
                .build(),
            Duration.ofMinutes(2));
    String base = "http://127.0.0.1:" + host.port();
    // the view's own answer first (cheap to ask, and says how far it got when it times out on a
    // loaded machine); then the page, loaded once, shows the same count
    await("the view has read the whole history")
        .atMost(Duration.ofMinutes(4))
        .pollInterval(Duration.ofSeconds(1))
        .until(
            () -> overview(base).path("outagesInHistory").asInt(), count -> count == OUTAGES + 1);
    browser.get(base + "/");
    await("the page shows the history's size")
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                browser
                    .findElement(By.id("main"))
                    .getText()
                    .contains("10,001 outage(s) in the history"));

    long overview = firstRender(base + "/");
    long service = firstRender(base + "/service/whatsapp");
    Files.writeString(
        Path.of("target", "status-page-render.txt"),
        String.format(
            "outages in history: %d%noverview first render: %d ms%nservice page first render: %d ms%ncores: %d%n",
            OUTAGES + 1, overview, service, Runtime.getRuntime().availableProcessors()),
        StandardCharsets.UTF_8);
    assertThat(browser.findElements(By.cssSelector("[data-outage]")))
        .as("the service page lists its latest outages, not all of them")
        .hasSizeBetween(1, 50);
    assertTheTerminalShowsTheSame(base);
    assertUsableOnAPhone(base);
    assertThat(overview).as("overview, ms").isLessThanOrEqualTo(FIRST_RENDER_MS);
    assertThat(service).as("service page, ms").isLessThanOrEqualTo(FIRST_RENDER_MS);
  }

  /** At a phone's width nothing is wider than the screen: no sideways scrolling. */
  private void assertUsableOnAPhone(String base) {
    browser.manage().window().setSize(new Dimension(375, 800));
    for (String path : List.of("/", "/service/whatsapp")) {
      browser.get(base + path);
      await()
          .atMost(Duration.ofSeconds(30))
          .until(
              () ->
                  browser.findElement(By.tagName("body")).getDomAttribute("data-rendered") != null);
      Object overflow =
          browser.executeScript(
              "return document.documentElement.scrollWidth - document.documentElement.clientWidth");
      assertThat(((Number) overflow).intValue()).as(path + " on a phone").isLessThanOrEqualTo(0);
    }
  }

  /** outage-radar status against the same instance: plain text in a pipe, and JSON. */
  private static void assertTheTerminalShowsTheSame(String base) throws Exception {
    StringWriter text = new StringWriter();
    CommandLine cli = OutageRadarTools.commandLine();
    cli.setOut(new PrintWriter(text));
    assertThat(cli.execute("status", "--url", base)).isZero();
    assertThat(text.toString())
        .contains(
            "whatsapp     ✕ OUTAGE  global, cause DNS, since 2021-10-04T15:40:00Z, regions BR,IN")
        .contains("pix          ✓ operational")
        .contains("1 open outage(s)")
        .doesNotContain("\u001b[");

    StringWriter json = new StringWriter();
    cli = OutageRadarTools.commandLine();
    cli.setOut(new PrintWriter(json));
    assertThat(cli.execute("status", "--url", base, "--service", "whatsapp", "--json")).isZero();
    JsonNode history = new ObjectMapper().readTree(json.toString());
    assertThat(history.get("service").asText()).isEqualTo("whatsapp");
    assertThat(history.get("days")).hasSize(90);

    StringWriter errors = new StringWriter();
    cli = OutageRadarTools.commandLine();
    cli.setErr(new PrintWriter(errors));
    assertThat(cli.execute("status", "--url", base, "--service", "myspace")).isEqualTo(1);
    assertThat(errors.toString().strip())
        .isEqualTo(
            "outage-radar status: " + base + "/status/myspace/history: unknown service myspace");
  }

  private static JsonNode overview(String base) throws Exception {
    HttpResponse<String> answer =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(base + "/overview")).build(),
                HttpResponse.BodyHandlers.ofString());
    return new ObjectMapper().readTree(answer.body());
  }

  /** The best of three loads: the first pays for the browser's own warm-up. */
  private long firstRender(String url) {
    long best = Long.MAX_VALUE;
    for (int i = 0; i < 3; i++) {
      browser.get(url);
      await()
          .atMost(Duration.ofSeconds(30))
          .until(
              () ->
                  browser.findElement(By.tagName("body")).getDomAttribute("data-first-render-ms")
                      != null);
      best =
          Math.min(
              best,
              Long.parseLong(
                  browser.findElement(By.tagName("body")).getDomAttribute("data-first-render-ms")));
    }
    return best;
  }

  /** 10,000 resolved outages of 30 minutes spread over the 90 days before NOW, and one open. */
  private static void publishHistory(KafkaTestContext kafka, Topics topics) throws Exception {
    Properties props = InputProducers.properties(kafka.bootstrapServers());
    // one request in flight: the topic is new and may answer NOT_LEADER at first (see
    // ScenarioPublisher)
    props.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 1);
    List<Future<RecordMetadata>> sent = new ArrayList<>();
    try (KafkaProducer<String, OutageEvent> producer =
        new KafkaProducer<>(
            props,
            topics.outages.keySerde().serializer(),
            topics.outages.valueSerde().serializer())) {
      long span = Duration.ofDays(89).toMillis();
      for (int i = 0; i < OUTAGES; i++) {
        Instant onset = NOW.minus(Duration.ofDays(90)).plusMillis(span * i / OUTAGES);
        String service = SERVICES.get(i % SERVICES.size());
        OutageEvent outage = Outages.outage(service, OutageScope.REGIONAL, List.of("BR"), 0.8);
        outage.setOutageId(service + "-BR-" + i);
        outage.setOnset(onset);
        outage.setConfirmedAt(onset.plusSeconds(60));
        outage.setResolvedAt(onset.plus(Duration.ofMinutes(30)));
        outage.setUpdatedAt(onset.plus(Duration.ofMinutes(30)));
        outage.setState(OutageState.RESOLVED);
        sent.add(
            producer.send(
                new ProducerRecord<>(topics.outages.name(), outage.getOutageId(), outage)));
      }
      OutageEvent open = Outages.outage("whatsapp", OutageScope.GLOBAL, List.of("BR", "IN"), 1.0);
      open.setOnset(NOW.minus(Duration.ofMinutes(20)));
      open.setUpdatedAt(NOW);
      sent.add(
          producer.send(new ProducerRecord<>(topics.outages.name(), open.getOutageId(), open)));
      producer.flush();
    }
    for (Future<RecordMetadata> ack : sent) {
      ack.get(); // every outage is on the broker, or the test fails here
    }
  }
}
