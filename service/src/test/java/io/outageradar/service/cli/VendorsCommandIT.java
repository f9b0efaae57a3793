package io.outageradar.service.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import io.outageradar.avro.VendorState;
import io.outageradar.avro.VendorStatus;
import io.outageradar.registry.MockSchemaRegistry;
import io.outageradar.registry.RegistryOptions;
import io.outageradar.testkit.EmbeddedKafkaExtension;
import io.outageradar.testkit.EmbeddedKafkaExtension.KafkaTestContext;
import io.outageradar.topics.TopicCreator;
import io.outageradar.topics.Topics;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
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
 * `outage-radar vendors` against a local status page and the embedded broker: each mapped
 * component's word arrives on vendor-status keyed service|region; a bad pages file is one line and
 * exit 2.
 */
@ExtendWith(EmbeddedKafkaExtension.class)
class VendorsCommandIT {
  /** A Statuspage summary.json as the API serves it, cut to what matters here. */
  private static final String SUMMARY =
      """
      {"page": {"id": "kctbh9vrtdwd", "name": "Meta", "url": "https://metastatus.example",
                "updated_at": "2021-10-04T15:58:02.125Z"},
       "components": [
         {"id": "8l4ygp009s5s", "name": "WhatsApp Messaging", "status": "major_outage",
          "updated_at": "2021-10-04T15:57:44.005Z", "group": false},
         {"id": "vtfyk4m37c1b", "name": "Instagram Feed", "status": "operational",
          "updated_at": "2021-10-01T08:00:00.000Z", "group": false}],
       "incidents": [
         {"id": "cz46ym8qzfhm", "name": "Users unable to send or receive messages",
          "status": "investigating", "impact": "critical", "shortlink": "https://stspg.example/cz46",
          "updated_at": "2021-10-04T15:57:44.001Z",
          "components": [{"id": "8l4ygp009s5s", "name": "WhatsApp Messaging",
                          "status": "major_outage"}]}],
       "scheduled_maintenances": [],
       "status": {"indicator": "critical", "description": "Major System Outage"}}
      """;

  @TempDir Path dir;
  private final String scope = "vendors-it-" + UUID.randomUUID();
  private HttpServer page;

  @AfterEach
  void stop() {
    MockSchemaRegistry.drop(scope);
    if (page != null) {
      page.stop(0);
    }
  }

  @Test
  void publishesWhatThePageSaysOfEachMappedComponent(KafkaTestContext kafka) throws Exception {
    page = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    page.createContext(
        "/api/v2/summary.json",
        exchange -> {
          byte[] body = SUMMARY.getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(200, body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    page.start();
    Topics topics = Topics.create(RegistryOptions.of("mock://" + scope).connect());
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", kafka.bootstrapServers()))) {
      TopicCreator.ensure(admin, List.of(topics.vendorStatus), (short) 1);
    }
    Path pages =
        Files.writeString(
            dir.resolve("vendors.yaml"),
            """
            pages:
              - name: meta
                url: http://127.0.0.1:%d/api/v2/summary.json
                components:
                  - {component: WhatsApp Messaging, service: whatsapp, regions: ["*"]}
                  - {component: Instagram Feed, service: instagram, regions: [BR, US]}
            """
                .formatted(page.getAddress().getPort()));
    StringWriter err = new StringWriter();
    CommandLine cli = OutageRadar.commandLine();
    cli.setErr(new PrintWriter(err, true));

    int code =
        cli.execute(
            "vendors",
            "--pages",
            pages.toString(),
            "--once",
            "--bootstrap-servers",
            kafka.bootstrapServers(),
            "--schema-registry-url",
            "mock://" + scope,
            "--set",
            "health.port=-1");

    assertThat(code).as(err.toString()).isZero();
    assertThat(err.toString()).contains("3 statement(s) published");
    List<ConsumerRecord<String, VendorStatus>> received = new ArrayList<>();
    Properties props = new Properties();
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
    props.put(ConsumerConfig.GROUP_ID_CONFIG, kafka.uniqueName());
    props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    try (KafkaConsumer<String, VendorStatus> consumer =
        new KafkaConsumer<>(
            props,
            topics.vendorStatus.keySerde().deserializer(),
            topics.vendorStatus.valueSerde().deserializer())) {
      consumer.subscribe(List.of(topics.vendorStatus.name()));
      await()
          .atMost(Duration.ofSeconds(30))
          .untilAsserted(
              () -> {
                consumer.poll(Duration.ofMillis(200)).forEach(received::add);
                assertThat(received).hasSize(3);
              });
    }
    assertThat(received)
        .extracting(ConsumerRecord::key)
        .containsExactlyInAnyOrder("whatsapp|*", "instagram|BR", "instagram|US");
    VendorStatus whatsapp =
        received.stream()
            .filter(r -> r.key().equals("whatsapp|*"))
            .findFirst()
            .orElseThrow()
            .value();
    assertThat(whatsapp.getState()).isEqualTo(VendorState.MAJOR_OUTAGE);
    assertThat(whatsapp.getIncident()).isEqualTo("Users unable to send or receive messages");
    assertThat(whatsapp.getUrl()).isEqualTo("https://stspg.example/cz46");
  }

  @Test
  void aBadPagesFileIsOneLineNamingFileAndLine() throws Exception {
    Path pages =
        Files.writeString(
            dir.resolve("vendors.yaml"),
            """
            pages:
              - name: meta
                url: https://metastatus.example/api/v2/summary.json
                compnents:
                  - {component: WhatsApp Messaging, service: whatsapp, regions: ["*"]}
            """);
    StringWriter err = new StringWriter();
    CommandLine cli = OutageRadar.commandLine();
    cli.setErr(new PrintWriter(err, true));

    int code = cli.execute("vendors", "--pages", pages.toString(), "--once");

    assertThat(code).isEqualTo(2);
    assertThat(err.toString().strip())
        .doesNotContain("\n")
        .contains(pages + ": line 4: unknown key \"compnents\"");
  }
}
