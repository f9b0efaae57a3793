package io.outageradar.tools.status;

import static org.assertj.core.api.Assertions.assertThat;

import io.outageradar.avro.Business;
import io.outageradar.avro.BusinessNotice;
import io.outageradar.avro.CauseHint;
import io.outageradar.avro.NoticeAction;
import io.outageradar.avro.OutageEvent;
import io.outageradar.avro.OutageScope;
import io.outageradar.avro.OutageState;
import io.outageradar.avro.ReportCategoryCounts;
import io.outageradar.avro.ReportWindowStats;
import io.outageradar.producers.business.BusinessPublisher;
import io.outageradar.registry.MockSchemaRegistry;
import io.outageradar.registry.RegistryOptions;
import io.outageradar.testkit.EmbeddedKafkaExtension;
import io.outageradar.testkit.EmbeddedKafkaExtension.KafkaTestContext;
import io.outageradar.tools.cli.OutageRadarTools;
import io.outageradar.tools.demo.DemoBusinesses;
import io.outageradar.topics.KafkaClients;
import io.outageradar.topics.TopicCreator;
import io.outageradar.topics.Topics;
import java.io.PrintWriter;
import java.io.StringWriter;
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
import org.openqa.selenium.Pdf;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.print.PrintOptions;
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
    Topics topics = Topics.create(RegistryOptions.of("mock://" + scope).connect());
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", kafka.bootstrapServers()))) {
      TopicCreator.ensure(
          admin,
          List.of(topics.businesses, topics.outages, topics.businessNotices, topics.reportHealth),
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
        clients, topics.reportHealth, "whatsapp|BR", minute(ONSET.plusSeconds(60), 120, -0.62));

    String markdown = report(kafka, 0, "--business", "loja-da-ana");
    assertThat(markdown)
        .startsWith("# Incident report: Loja da Ana")
        .contains("WhatsApp down in BR from 2021-10-04T15:40:00Z")
        .contains("| wa-sales | BR | 390 | R$\u00a0520,00 |") // 80.00 an hour, 6 h 30
        .contains("TRIGGER 2021-10-04T15:41:30Z: sent to ana-email; not to ana-whatsapp")
        .contains("RESOLVE 2021-10-04T22:10:00Z: sent to ana-whatsapp, ana-email")
        .contains("120 report(s) meanwhile; mean sentiment -0.62");

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
          .isEqualTo("Incident report: Loja da Ana " + HOSTILE);
      assertThat(browser.findElement(org.openqa.selenium.By.tagName("h1")).getText())
          .isEqualTo("Incident report: Loja da Ana " + HOSTILE);
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

  /** Runs {@code report} against the broker; its stdout, or its stderr when it fails. */
  private String report(KafkaTestContext kafka, int exitCode, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cli = OutageRadarTools.commandLine();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    String[] command = new String[args.length + 5];
    command[0] = "report";
    System.arraycopy(args, 0, command, 1, args.length);
    command[args.length + 1] = "--bootstrap-servers";
    command[args.length + 2] = kafka.bootstrapServers();
    command[args.length + 3] = "--schema-registry-url";
    command[args.length + 4] = "mock://" + scope;
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

  private static ReportWindowStats minute(Instant start, int reports, double sentiment) {
    return ReportWindowStats.newBuilder()
        .setService("whatsapp")
        .setRegion("BR")
        .setWindowStart(start)
        .setWindowEnd(start.plusSeconds(60))
        .setReports(reports)
        .setDistinctReporters(reports)
        .setBaselineMedian(2)
        .setBaselineMad(1)
        .setAnomalyScore(1)
        .setAnomalous(true)
        .setWarmingUp(false)
        .setMeanSentiment(sentiment)
        .setNegativeShare(0.8)
        .setCategories(new ReportCategoryCounts())
        .build();
  }
}
