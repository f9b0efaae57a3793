package io.outageradar.tools.chaos;

import io.outageradar.service.cli.OutageRadar;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A command of {@code outage-radar} — the pipeline ({@code run}), the business notifier — as a
 * separate process on the same class path, so that it can be killed with SIGKILL like a crashed
 * container, and started again on its state.
 */
public final class RadarChild {
  private final List<String> command = new ArrayList<>();

  /** What the command prints once it works. */
  private final String readyLine;

  private final Path log;
  private Process process;

  /** Lines of the log before the latest start: what the latest start said comes after them. */
  private long linesBeforeStart;

  /**
   * {@code outage-radar} with {@code arguments}, logging to {@code log}, ready once a line of the
   * log contains {@code readyLine}.
   */
  public RadarChild(Path log, String readyLine, List<String> arguments) {
    this.log = log;
    this.readyLine = readyLine;
    command.add(ProcessHandle.current().info().command().orElse("java"));
    command.addAll(
        List.of(
            "-Xmx512m", "-cp", System.getProperty("java.class.path"), OutageRadar.class.getName()));
    command.addAll(arguments);
  }

  /** {@code outage-radar run}: the pipeline of {@code applicationId} with its own state. */
  public static RadarChild pipeline(
      String bootstrapServers,
      String registryUrl,
      String applicationId,
      boolean exactlyOnce,
      Path stateDir,
      Path log) {
    return new RadarChild(
        log,
        "outage-radar run: running against",
        List.of(
            "run",
            "--bootstrap-servers",
            bootstrapServers,
            "--schema-registry-url",
            registryUrl,
            "--set",
            "application.id=" + applicationId,
            "--set",
            "processing.exactly-once=" + exactlyOnce,
            "--set",
            "state.dir=" + stateDir));
  }

  /**
   * The same child with more settings ({@code key=value}), e.g. for several instances of one
   * application.
   */
  public RadarChild with(String... settings) {
    for (String setting : settings) {
      command.addAll(List.of("--set", setting));
    }
    return this;
  }

  public void start() throws IOException {
    linesBeforeStart = Files.exists(log) ? Files.readAllLines(log).size() : 0;
    process =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
            .start();
  }

  /**
   * Waits until the latest start has said it is running, so that a caller measuring quiet outputs
   * does not count the child's start-up (an earlier start may have been killed before it said so).
   */
  public boolean awaitRunning(Duration timeout) throws IOException, InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (Files.exists(log)
          && Files.readAllLines(log).stream()
              .skip(linesBeforeStart)
              .anyMatch(line -> line.contains(readyLine))) {
        return true;
      }
      if (process != null && !process.isAlive()) {
        return false;
      }
      Thread.sleep(200); // polling the child's log
    }
    return false;
  }

  /** SIGKILL: no shutdown hook runs, nothing is flushed or committed. */
  public void kill() throws InterruptedException {
    if (process != null && process.isAlive()) {
      process.destroyForcibly();
      process.waitFor(30, TimeUnit.SECONDS);
    }
  }

  /** SIGTERM, then SIGKILL if it does not stop. */
  public void stop() throws InterruptedException {
    if (process != null && process.isAlive()) {
      process.destroy();
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        kill();
      }
    }
  }
}
