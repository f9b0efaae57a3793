package io.outageradar.app.chaos;

import io.outageradar.app.OutageRadar;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The real pipeline as a separate process — {@code outage-radar run} on the same class path — so
 * that it can be killed with SIGKILL like a crashed container, and started again on its state.
 */
final class PipelineChild {
  private final List<String> command = new ArrayList<>();
  private final Path log;
  private Process process;

  PipelineChild(String bootstrapServers, String registryUrl, String applicationId, boolean exactlyOnce, Path stateDir, Path log) {
    this.log = log;
    command.add(ProcessHandle.current().info().command().orElse("java"));
    command.addAll(List.of("-Xmx512m", "-cp", System.getProperty("java.class.path"), OutageRadar.class.getName(), "run",
        "--bootstrap-servers", bootstrapServers, "--schema-registry-url", registryUrl,
        "--set", "application.id=" + applicationId,
        "--set", "processing.exactly-once=" + exactlyOnce,
        "--set", "state.dir=" + stateDir));
  }

  void start() throws IOException {
    process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
        .start();
  }

  /** SIGKILL: no shutdown hook runs, nothing is flushed or committed. */
  void kill() throws InterruptedException {
    if (process != null && process.isAlive()) {
      process.destroyForcibly();
      process.waitFor(30, TimeUnit.SECONDS);
    }
  }

  /** SIGTERM, then SIGKILL if it does not stop. */
  void stop() throws InterruptedException {
    if (process != null && process.isAlive()) {
      process.destroy();
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        kill();
      }
    }
  }
}
