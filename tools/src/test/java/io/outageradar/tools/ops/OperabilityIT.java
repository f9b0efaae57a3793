package io.outageradar.tools.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.outageradar.embedded.EmbeddedSchemaRegistry;
import io.outageradar.registry.RegistryOptions;
import io.outageradar.service.cli.OutageRadar;
import io.outageradar.testkit.EmbeddedKafkaExtension;
import io.outageradar.testkit.EmbeddedKafkaExtension.KafkaTestContext;
import io.outageradar.testkit.IntakeRequests;
import io.outageradar.topics.KafkaClients;
import io.outageradar.topics.TopicCreator;
import io.outageradar.topics.Topics;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each long-running process ({@code run}, {@code intake}, {@code probe}, {@code pager}) started as
 * an operator starts it, as a process of its own: it answers /health/live, turns ready once it has
 * what it needs, and serves Prometheus metrics with its own meters and its Kafka clients'. A probe
 * pointed at a broker that is not there says so in a WARN naming the address within 10 s (as JSON
 * when asked to), and is not ready.
 */
@ExtendWith(EmbeddedKafkaExtension.class)
class OperabilityIT {
  private static final Pattern PORT = Pattern.compile("/metrics on port (\\d+)");
  private static final Pattern INTAKE_PORT = Pattern.compile("intake: listening on port (\\d+)");
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @TempDir Path dir;
  private final List<Child> children = new ArrayList<>();

  @AfterEach
  void stopChildren() {
    children.forEach(child -> child.process.destroyForcibly());
  }

  @Test
  void everyProcessIsLiveReadyAndMeasured(KafkaTestContext kafka) throws Exception {
    try (EmbeddedSchemaRegistry registry = EmbeddedSchemaRegistry.start()) {
      List<String> cluster =
          List.of(
              "--bootstrap-servers",
              kafka.bootstrapServers(),
              "--schema-registry-url",
              registry.url(),
              "--set",
              "topic.prefix=" + kafka.topicPrefix(),
              "--set",
              "health.port=0");
      Path targets = dir.resolve("targets.yaml");
      Files.writeString(
          targets,
          "interval: PT1S\ntimeout: PT1S\nservices:\n  whatsapp:\n    - {kind: TCP, target: \""
              + kafka.bootstrapServers()
              + "\"}\n");

      Child run =
          start(
              cluster,
              "run",
              "--set",
              "application.id=" + kafka.uniqueName(),
              "--set",
              "state.dir=" + dir.resolve("state"));
      Child intake = start(cluster, "intake", "--port", "0", "--set", "intake.api-keys=ops-key");
      Child probe =
          start(
              cluster,
              "probe",
              "--targets",
              targets.toString(),
              "--region",
              "US",
              "--agent",
              "us-ops-1");
      Child pager =
          start(
              cluster,
              "pager",
              "--set",
              "pager.alertmanager.url=http://127.0.0.1:9/",
              "--set",
              "pager.group-id=" + kafka.uniqueName() + "-pager");

      for (Child child : List.of(run, intake, probe, pager)) {
        assertThat(get(child, "/health/live").statusCode())
            .as(child.name + " live; it said:\n" + child.output())
            .isEqualTo(200);
        await(child.name + " ready")
            .atMost(Duration.ofMinutes(2))
            .pollInterval(Duration.ofMillis(500))
            .until(() -> get(child, "/health/ready").statusCode() == 200);
      }
      assertThat(get(run, "/health/ready").body()).contains("\"status\":\"UP\"");
      await("probe results counted")
          .atMost(Duration.ofSeconds(30))
          .until(
              () ->
                  get(probe, "/metrics")
                      .body()
                      .contains("outage_radar_probes_total{outcome=\"OK\""));
      assertThat(get(run, "/metrics").body())
          .contains("outage_radar_outages_open")
          .contains("kafka_stream_")
          .contains("jvm_memory_used_bytes");
      assertThat(get(intake, "/metrics").body())
          .contains("outage_radar_intake_requests_total{")
          .contains("kafka_producer_");
      assertThat(get(pager, "/metrics").body())
          .contains("outage_radar_pages_delivered_total")
          .contains("outage_radar_pages_dead_lettered_total");
    }
  }

  @Test
  void anIntakeWhoseTopicIsMissingIsNotReadyAndSaysWhichUntilTheTopicIsThere(KafkaTestContext kafka)
      throws Exception {
    String prefix = kafka.uniqueName() + ".";
    try (EmbeddedSchemaRegistry registry = EmbeddedSchemaRegistry.start()) {
      List<String> cluster =
          List.of(
              "--bootstrap-servers",
              kafka.bootstrapServers(),
              "--schema-registry-url",
              registry.url(),
              "--set",
              "topic.prefix=" + prefix,
              "--set",
              "health.port=0");
      Child intake = start(cluster, "intake", "--port", "0", "--set", "intake.api-keys=ops-key");

      await("a WARN naming the missing topic and the cluster")
          .atMost(Duration.ofSeconds(30))
          .until(() -> intake.output().contains(prefix + "user-reports is missing on Kafka at"));
      HttpResponse<String> unready = get(intake, "/health/ready");
      assertThat(unready.statusCode()).isEqualTo(503);
      assertThat(unready.body())
          .contains("\"topics\"")
          .contains(prefix + "user-reports is missing")
          .contains("topics.create=true");

      Topics topics = Topics.withPrefix(prefix, RegistryOptions.of(registry.url()).connect());
      TopicCreator.ensure(
          KafkaClients.plain(kafka.bootstrapServers()), List.of(topics.userReports), (short) 1);
      await("ready once the topic is there")
          .atMost(Duration.ofSeconds(30))
          .until(() -> get(intake, "/health/ready").statusCode() == 200);
      assertThat(IntakeRequests.postValidReport(intake.intakePort(), "ops-key").statusCode())
          .isEqualTo(202);

      Child creating =
          start(
              cluster,
              "intake",
              "--port",
              "0",
              "--set",
              "intake.api-keys=ops-key",
              "--set",
              "topic.prefix=" + prefix + "own.",
              "--set",
              "topics.create=true");
      await("an intake that may create its topic is ready")
          .atMost(Duration.ofSeconds(30))
          .until(() -> get(creating, "/health/ready").statusCode() == 200);
      assertThat(IntakeRequests.postValidReport(creating.intakePort(), "ops-key").statusCode())
          .isEqualTo(202);
    }
  }

  @Test
  void aProbeThatCannotReachTheBrokerSaysSoWithinTenSecondsAndIsNotReady() throws Exception {
    Path targets = dir.resolve("targets.yaml");
    Files.writeString(
        targets,
        "interval: PT5S\ntimeout: PT1S\nservices:\n  whatsapp:\n    - {kind: TCP, target: \"127.0.0.1:9\"}\n");
    Child probe =
        start(
            Map.of("OUTAGE_RADAR_LOG_FORMAT", "json"),
            List.of(
                "--bootstrap-servers",
                "127.0.0.1:9",
                "--schema-registry-url",
                "mock://ops-it",
                "--set",
                "health.port=0"),
            "probe",
            "--targets",
            targets.toString(),
            "--region",
            "US",
            "--agent",
            "us-ops-2");

    await("a WARN naming the broker")
        .atMost(Duration.ofSeconds(10))
        .until(() -> probe.output().contains("cannot reach Kafka at 127.0.0.1:9"));
    // OUTAGE_RADAR_LOG_FORMAT=json: one JSON object per log line, for a log shipper
    assertThat(probe.lines)
        .anySatisfy(
            line ->
                assertThat(line)
                    .startsWith("{")
                    .contains("\"level\":\"WARN\"")
                    .contains("\"formattedMessage\":\"cannot reach Kafka at 127.0.0.1:9"));
    HttpResponse<String> ready = get(probe, "/health/ready");
    assertThat(ready.statusCode()).isEqualTo(503);
    assertThat(ready.body()).contains("\"kafka\"").contains("127.0.0.1:9");
    assertThat(get(probe, "/health/live").statusCode()).isEqualTo(200);
  }

  private Child start(List<String> cluster, String command, String... more) throws IOException {
    return start(Map.of(), cluster, command, more);
  }

  private Child start(Map<String, String> env, List<String> cluster, String command, String... more)
      throws IOException {
    List<String> args = new ArrayList<>();
    args.add(ProcessHandle.current().info().command().orElse("java"));
    args.addAll(
        List.of(
            "-Xmx256m",
            // the production logging configuration, not the test classpath's logback-test.xml
            "-Dlogback.configurationFile=logback.xml",
            "-cp",
            System.getProperty("java.class.path"),
            OutageRadar.class.getName(),
            command));
    args.addAll(cluster);
    args.addAll(List.of(more));
    ProcessBuilder builder = new ProcessBuilder(args).redirectErrorStream(true);
    builder.environment().putAll(env);
    Process process = builder.start();
    Child child = new Child(command, process);
    children.add(child);
    Thread reader = new Thread(child::read, "ops-it-" + command);
    reader.setDaemon(true);
    reader.start();
    await(command + " says where its endpoints are")
        .atMost(Duration.ofSeconds(60))
        .until(() -> child.port() > 0);
    return child;
  }

  private static HttpResponse<String> get(Child child, String path)
      throws IOException, InterruptedException {
    return HTTP.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + child.port() + path))
            .timeout(Duration.ofSeconds(10))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** A child process and what it printed. */
  private static final class Child {
    final String name;
    final Process process;
    final List<String> lines = new CopyOnWriteArrayList<>();

    Child(String name, Process process) {
      this.name = name;
      this.process = process;
    }

    void read() {
      try (BufferedReader out =
          new BufferedReader(
              new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
        for (String line = out.readLine(); line != null; line = out.readLine()) {
          lines.add(line);
        }
      } catch (IOException e) {
        lines.add("(output ended: " + e + ")");
      }
    }

    String output() {
      return String.join("\n", lines);
    }

    int port() {
      return number(PORT);
    }

    /** The port an intake child listens on for reports. */
    int intakePort() {
      return number(INTAKE_PORT);
    }

    private int number(Pattern pattern) {
      for (String line : lines) {
        Matcher found = pattern.matcher(line);
        if (found.find()) {
          return Integer.parseInt(found.group(1));
        }
      }
      return -1;
    }
  }
}
