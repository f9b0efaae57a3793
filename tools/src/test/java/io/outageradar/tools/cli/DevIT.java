package io.outageradar.tools.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.outageradar.avro.OutageEvent;
import io.outageradar.registry.RegistryOptions;
import io.outageradar.testkit.IntakeRequests;
import io.outageradar.topics.Topics;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code dev} as a user runs it: a process that holds a broker and a registry (and the catalog's
 * topics), then {@code replay}, {@code run} and {@code intake} as more processes pointed at what it
 * printed, in any order, sharing schemas through the registry over HTTP (which {@code mock://}
 * cannot do across processes).
 */
class DevIT {
  @TempDir Path dir;
  private final List<Process> processes = new ArrayList<>();

  @AfterEach
  void stop() {
    processes.forEach(Process::destroyForcibly);
  }

  @Test
  void replayAndRunAsSeparateProcessesShareTheDevBrokerAndRegistry() throws Exception {
    List<String> devOut = new CopyOnWriteArrayList<>();
    start(devOut, "dev", "--kafka-port", "0", "--registry-port", "0");
    await("dev prints its settings")
        .atMost(Duration.ofSeconds(60))
        .until(() -> value(devOut, "schema.registry.url=") != null);
    String bootstrap = value(devOut, "bootstrap.servers=");
    String registry = value(devOut, "schema.registry.url=");

    List<String> cluster =
        List.of("--bootstrap-servers", bootstrap, "--schema-registry-url", registry);
    // the replay before any run: dev made the topics
    List<String> replayOut = new CopyOnWriteArrayList<>();
    Process replay =
        start(replayOut, "replay", cluster, "--scenario", "regional-isp", "--seed", "3");
    await("replay finishes").atMost(Duration.ofMinutes(3)).until(() -> !replay.isAlive());
    assertThat(replay.exitValue()).as(String.join("\n", replayOut)).isZero();
    List<String> runOut = new CopyOnWriteArrayList<>();
    start(
        runOut,
        "run",
        cluster,
        "--set",
        "state.dir=" + dir.resolve("state"),
        "--set",
        "detection.idle-advance-after=2s");

    Topics topics = Topics.withPrefix("", RegistryOptions.of(registry).connect());
    List<OutageEvent> outages = new ArrayList<>();
    try (KafkaConsumer<String, OutageEvent> consumer =
        new KafkaConsumer<>(
            Map.of(
                "bootstrap.servers",
                bootstrap,
                "group.id",
                "dev-it",
                "auto.offset.reset",
                "earliest"),
            topics.outages.keySerde().deserializer(),
            topics.outages.valueSerde().deserializer())) {
      consumer.subscribe(List.of(topics.outages.name()));
      await("outages from the run process: " + String.join("\n", runOut))
          .atMost(Duration.ofMinutes(3))
          .until(
              () -> {
                consumer
                    .poll(Duration.ofMillis(500))
                    .forEach(record -> outages.add(record.value()));
                return !outages.isEmpty();
              });
    }
    assertThat(outages).extracting(OutageEvent::getService).isNotEmpty();
  }

  @Test
  void anIntakeStartedRightAfterDevAcceptsAReportWithNoRunYet() throws Exception {
    List<String> devOut = new CopyOnWriteArrayList<>();
    start(devOut, "dev", "--kafka-port", "0", "--registry-port", "0");
    await("dev prints its settings")
        .atMost(Duration.ofSeconds(60))
        .until(() -> value(devOut, "schema.registry.url=") != null);
    List<String> intakeOut = new CopyOnWriteArrayList<>();
    start(
        intakeOut,
        "intake",
        List.of(
            "--bootstrap-servers",
            value(devOut, "bootstrap.servers="),
            "--schema-registry-url",
            value(devOut, "schema.registry.url=")),
        "--port",
        "0",
        "--set",
        "intake.api-keys=dev-key");
    await("intake listens: " + String.join("\n", intakeOut))
        .atMost(Duration.ofSeconds(60))
        .until(() -> listeningPort(intakeOut) > 0);

    HttpResponse<String> answer =
        IntakeRequests.postValidReport(listeningPort(intakeOut), "dev-key");

    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(202);
  }

  private static int listeningPort(List<String> lines) {
    String after = "intake: listening on port ";
    return lines.stream()
        .filter(line -> line.contains(after))
        .map(line -> line.substring(line.indexOf(after) + after.length()).split(";")[0].trim())
        .mapToInt(Integer::parseInt)
        .findFirst()
        .orElse(-1);
  }

  private static String value(List<String> lines, String prefix) {
    return lines.stream()
        .filter(line -> line.startsWith(prefix))
        .map(line -> line.substring(prefix.length()))
        .findFirst()
        .orElse(null);
  }

  private Process start(List<String> out, String command, List<String> cluster, String... more)
      throws IOException {
    List<String> args = new ArrayList<>(cluster);
    args.addAll(List.of(more));
    return start(out, command, args.toArray(String[]::new));
  }

  private Process start(List<String> out, String command, String... args) throws IOException {
    List<String> line = new ArrayList<>();
    line.add(ProcessHandle.current().info().command().orElse("java"));
    line.addAll(
        List.of(
            "-Xmx512m",
            "-cp",
            System.getProperty("java.class.path"),
            OutageRadarTools.class.getName(),
            command));
    line.addAll(List.of(args));
    Process process = new ProcessBuilder(line).redirectErrorStream(true).start();
    processes.add(process);
    Thread reader =
        new Thread(
            () -> {
              try (BufferedReader lines =
                  new BufferedReader(
                      new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String next = lines.readLine(); next != null; next = lines.readLine()) {
                  out.add(next);
                }
              } catch (IOException e) {
                out.add("(output ended: " + e + ")");
              }
            },
            "dev-it-" + command);
    reader.setDaemon(true);
    reader.start();
    return process;
  }
}
