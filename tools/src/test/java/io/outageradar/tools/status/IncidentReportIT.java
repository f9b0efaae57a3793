package io.outageradar.tools.status;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.outageradar.avro.Business;
import io.outageradar.avro.BusinessNotice;
import io.outageradar.avro.CauseHint;
import io.outageradar.avro.NoticeAction;
import io.outageradar.avro.OutageEvent;
import io.outageradar.avro.OutageScope;
import io.outageradar.avro.OutageState;
import io.outageradar.pager.business.BusinessDirectory;
import io.outageradar.producers.business.BusinessPublisher;
import io.outageradar.producers.intake.TokenBucket;
import io.outageradar.registry.MockSchemaRegistry;
import io.outageradar.registry.RegistryOptions;
import io.outageradar.service.business.ApiKeys;
import io.outageradar.service.query.BusinessPageRoutes;
import io.outageradar.service.query.CustomerNoticeRoutes;
import io.outageradar.testkit.EmbeddedKafkaExtension;
import io.outageradar.testkit.EmbeddedKafkaExtension.KafkaTestContext;
import io.outageradar.testkit.Outages;
import io.outageradar.tools.cli.OutageRadarTools;
import io.outageradar.tools.demo.DemoBusinesses;
import io.outageradar.topics.KafkaClients;
import io.outageradar.topics.TopicCreator;
import io.outageradar.topics.Topics;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Pdf;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.print.PrintOptions;
import org.openqa.selenium.support.ui.WebDriverWait;
import picocli.CommandLine;

/**
 * {@code outage-radar report} on a real broker: a business's incident in Markdown and HTML, the
 * HTML printed to PDF by Chromium with its profile's markup shown as text, and an unknown business
 * a usage error in one line.
 */
@ExtendWith(EmbeddedKafkaExtension.class)
class IncidentReportIT {
  private static final Instant ONSET = Instant.parse("2021-10-04T15:40:00Z");
  private static final Instant CONFIRMED = ONSET.plusSeconds(90);
  private static final Instant RESOLVED = Instant.parse("2021-10-04T22:10:00Z");
  private static final String HOSTILE = "<img src=x onerror=\"document.title='pwned'\">";

  private final String scope = "incident-report-it-" + UUID.randomUUID();

  @TempDir Path dir;

  @AfterEach
  void drop() {
    MockSchemaRegistry.drop(scope);
  }

  @Test
  void aBusinessesIncidentReportReadsAndPrints(KafkaTestContext kafka) throws Exception {
    publishAnasIncident(kafka);

    String markdown = report(kafka, 0, "--business", "loja-da-ana");
    // in Ana's language and time zone (15:40 UTC is 12:40 in São Paulo), as she reads it
    assertThat(markdown)
        .startsWith("# O que as quedas custaram a Loja da Ana")
        .contains("WhatsApp ficou fora do ar onde estão seus clientes (Brasil)")
        .contains("Começou em 4 out. 12:40")
        .contains("| vendas (WhatsApp) | Brasil | 6 h 30 min | R$\u00a0520,00 |") // 80.00 an hour
        .contains(
            "4 out. 12:41 BRT: avisamos que estava fora do ar, escrevendo para o seu e-mail"
                + " ana@example.com. Não escrevemos para o seu telefone (SMS): depende do"
                + " WhatsApp")
        .contains("avisamos que voltou, escrevendo para o seu telefone (SMS), o seu e-mail")
        .contains("Seus clientes de lá enviaram 120 reclamação(ões) sobre WhatsApp")
        .doesNotContain("TRIGGER", "ana-email", "wa-sales", "2021-10-04T");

    Path html = dir.resolve("report.html");
    Files.writeString(
        html,
        report(kafka, 0, "--business", "loja-da-ana", "--format", "html"),
        StandardCharsets.UTF_8);
    ChromeDriver browser = Browser.start(1024, 768, "pt-BR");
    try {
      browser.get(html.toUri().toString());
      assertThat(browser.getTitle())
          .as("markup in a profile is text, its script never ran")
          .isEqualTo("O que as quedas custaram a Loja da Ana " + HOSTILE);
      assertThat(browser.findElement(By.tagName("h1")).getText())
          .isEqualTo("O que as quedas custaram a Loja da Ana " + HOSTILE);
      Pdf pdf = browser.print(new PrintOptions());
      byte[] bytes = Base64.getDecoder().decode(pdf.getContent());
      assertThat(new String(bytes, 0, 5, StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
      Files.write(dir.resolve("report.pdf"), bytes);
      Object overflows =
          browser.executeScript(
              "return document.documentElement.scrollWidth > document.documentElement.clientWidth");
      assertThat(overflows).as("nothing wider than the page").isEqualTo(false);
    } finally {
      browser.quit();
    }

    assertThat(report(kafka, 2, "--business", "nobody")).isEmpty();
  }

  @Test
  void aBusinessOpensItsPrivatePageWithItsKeyOnly(KafkaTestContext kafka) throws Exception {
    Topics topics = publishAnasIncident(kafka);
    KafkaClients clients = KafkaClients.plain(kafka.bootstrapServers());
    ApiKeys.Issued key = new ApiKeys().issue("loja-da-ana", Instant.now());
    BusinessPublisher.put(clients, topics.businessKeys, "loja-da-ana", key.stored());
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    try (BusinessDirectory directory =
        new BusinessDirectory(clients, topics.businesses, topics.outages)
            .withKeys(topics.businessKeys)
            .withHistory(topics.businessNotices, topics.reportHealth)
            .start()) {
      assertThat(directory.awaitLoaded(Duration.ofSeconds(30))).isTrue();
      CustomerNoticeRoutes.register(
          server,
          directory::profile,
          id -> null,
          new BusinessPageRoutes(directory, new TokenBucket(0.2, 5, System::nanoTime)));
      server.start();
      String page = "http://127.0.0.1:" + server.getAddress().getPort() + "/b/loja-da-ana";
      ChromeDriver browser = Browser.start(1024, 768, "pt-BR");
      try {
        browser.get(page);
        open(browser, "orb_" + "A".repeat(43));
        assertThat(browser.findElement(By.tagName("body")).getText())
            .contains("That key does not open this page.")
            .doesNotContain("Loja da Ana");

        browser.get(page);
        open(browser, key.key());
        String shown = browser.findElement(By.tagName("body")).getText();
        assertThat(browser.getTitle()).isEqualTo("Loja da Ana " + HOSTILE);
        assertThat(shown)
            .contains("Seus canais agora")
            .contains("vendas (WhatsApp) Brasil funcionando")
            .contains("Vendas perdidas estimadas até agora: R$ 520,00") // as shown: a plain space
            .contains("avisamos que estava fora do ar, escrevendo para o seu e-mail")
            .contains("120 reclamação(ões)")
            .doesNotContain("TRIGGER", "wa-sales");
      } finally {
        browser.quit();
      }
      HttpResponse<String> json =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(URI.create(page + "/private.json"))
                      .header("Authorization", "Bearer " + key.key())
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
      assertThat(json.statusCode()).isEqualTo(200);
      assertThat(json.body())
          .contains("\"lossSoFar\":[{\"amountMinor\":52000,\"currency\":\"BRL\"}]")
          .contains("\"channel\":\"wa-sales\"");
      HttpResponse<String> other =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(URI.create(page.replace("ana", "bia") + "/private.json"))
                      .header("Authorization", "Bearer " + key.key())
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
      assertThat(other.statusCode()).as("Ana's key opens no other page").isEqualTo(404);

      Path keyFile = dir.resolve("ana.key");
      Files.writeString(keyFile, key.key());
      StringWriter out = new StringWriter();
      CommandLine cli = OutageRadarTools.commandLine();
      cli.setOut(new PrintWriter(out, true));
      StringWriter err = new StringWriter();
      cli.setErr(new PrintWriter(err, true));
      int code =
          cli.execute(
              "status",
              "--url",
              "http://127.0.0.1:" + server.getAddress().getPort(),
              "--business",
              "loja-da-ana",
              "--key-file",
              keyFile.toString());
      assertThat(code).as(err.toString()).isZero();
      assertThat(out.toString())
          .as("the same page in a terminal, in Ana's words")
          .startsWith("Loja da Ana")
          .contains("vendas (WhatsApp) — Brasil — funcionando")
          .contains("Vendas perdidas estimadas até agora: R$\u00a0520,00.")
          .contains("WhatsApp ficou fora do ar onde estão seus clientes (Brasil)")
          .doesNotContain("wa-sales", "2021-10-04T");
    } finally {
      server.stop(0);
    }
  }

  private static void open(ChromeDriver browser, String key) {
    browser.findElement(By.name("key")).sendKeys(key);
    browser.findElement(By.tagName("button")).click();
    new WebDriverWait(browser, Duration.ofSeconds(30))
        .until(
            driver ->
                driver.findElements(By.name("key")).isEmpty()
                    || driver.getPageSource().contains("does not open"));
  }

  /** Loja da Ana (with markup in its name), one WhatsApp outage that hurt it, its notices. */
  private Topics publishAnasIncident(KafkaTestContext kafka) {
    Topics topics =
        Topics.withPrefix(kafka.topicPrefix(), RegistryOptions.of("mock://" + scope).connect());
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", kafka.bootstrapServers()))) {
      TopicCreator.ensure(
          admin,
          List.of(
              topics.businesses,
              topics.outages,
              topics.businessKeys,
              topics.businessNotices,
              topics.reportHealth),
          (short) 1);
    }
    KafkaClients clients = KafkaClients.plain(kafka.bootstrapServers());
    Business ana =
        Business.newBuilder(
                DemoBusinesses.sample().stream()
                    .filter(b -> b.getId().equals("loja-da-ana"))
                    .findFirst()
                    .orElseThrow())
            .setName("Loja da Ana " + HOSTILE)
            .build();
    BusinessPublisher.publish(clients, topics.businesses, List.of(ana));
    for (OutageState state : List.of(OutageState.CONFIRMED, OutageState.RESOLVED)) {
      boolean over = state == OutageState.RESOLVED;
      BusinessPublisher.put(clients, topics.outages, "whatsapp-global-1", outage(state));
      BusinessPublisher.put(
          clients,
          topics.businessNotices,
          ana.getId(),
          notice(over ? NoticeAction.RESOLVE : NoticeAction.TRIGGER, over ? RESOLVED : CONFIRMED));
    }
    BusinessPublisher.put(
        clients,
        topics.reportHealth,
        "whatsapp|BR",
        Outages.reportMinute("whatsapp", "BR", ONSET.plusSeconds(60), 120, -0.62));

    return topics;
  }

  /** Runs {@code report} against the broker; its stdout, or its stderr when it fails. */
  private String report(KafkaTestContext kafka, int exitCode, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cli = OutageRadarTools.commandLine();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    String[] command = new String[args.length + 7];
    command[0] = "report";
    System.arraycopy(args, 0, command, 1, args.length);
    command[args.length + 1] = "--bootstrap-servers";
    command[args.length + 2] = kafka.bootstrapServers();
    command[args.length + 3] = "--schema-registry-url";
    command[args.length + 4] = "mock://" + scope;
    command[args.length + 5] = "--set";
    command[args.length + 6] = "topic.prefix=" + kafka.topicPrefix();
    assertThat(cli.execute(command)).as(err.toString()).isEqualTo(exitCode);
    if (exitCode != 0) {
      assertThat(err.toString().lines()).singleElement().asString().contains("no business nobody");
    }
    return out.toString();
  }

  private static OutageEvent outage(OutageState state) {
    return OutageEvent.newBuilder()
        .setOutageId("whatsapp-global-1")
        .setService("whatsapp")
        .setScope(OutageScope.GLOBAL)
        .setRegions(List.of("BR", "US"))
        .setState(state)
        .setOnset(ONSET)
        .setConfirmedAt(CONFIRMED)
        .setResolvedAt(state == OutageState.RESOLVED ? RESOLVED : null)
        .setCause(CauseHint.DNS)
        .setNotifiedAt(CONFIRMED)
        .setUpdatedAt(state == OutageState.RESOLVED ? RESOLVED : CONFIRMED)
        .build();
  }

  private static BusinessNotice notice(NoticeAction action, Instant at) {
    return BusinessNotice.newBuilder()
        .setBusinessId("loja-da-ana")
        .setOutageId("whatsapp-global-1")
        .setDedupKey("loja-da-ana|whatsapp-global-1")
        .setAction(action)
        .setAt(at)
        .setService("whatsapp")
        .setRegions(List.of("BR"))
        .setChannels(List.of("wa-sales"))
        .setSince(ONSET)
        .setDurationMs(
            action == NoticeAction.RESOLVE ? Duration.between(ONSET, RESOLVED).toMillis() : null)
        .setLoss(List.of())
        .build();
  }
}
