package io.outageradar.producers.probe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import io.outageradar.avro.ProbeResult;
import io.outageradar.avro.ProbeStatus;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProbeRunnerTest {
  @TempDir Path dir;
  private HttpServer server;
  private final CountDownLatch release = new CountDownLatch(1);

  @AfterEach
  void stop() {
    release.countDown();
    if (server != null) {
      server.stop(0);
    }
  }

  @Test
  void runsEveryTargetOnItsScheduleAndASlowOneNeverHoldsUpTheOthers() throws Exception {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setExecutor(Executors.newFixedThreadPool(16));
    server.createContext("/ok", exchange -> {
      exchange.sendResponseHeaders(200, 2);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write("ok".getBytes());
      }
    });
    server.createContext("/slow", exchange -> {
      try {
        release.await(1, TimeUnit.SECONDS); // slower than the check's timeout, short enough to free the server
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      exchange.sendResponseHeaders(200, -1);
      exchange.close();
    });
    server.start();
    int closed;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closed = socket.getLocalPort();
    }
    String base = "http://127.0.0.1:" + server.getAddress().getPort();
    Path targets = dir.resolve("targets.json");
    Files.writeString(targets, "{\"interval\":\"PT0.3S\",\"timeout\":\"PT0.3S\",\"services\":{"
        + "\"whatsapp\":[{\"kind\":\"HTTP\",\"url\":\"" + base + "/ok\",\"keyword\":\"ok\"},"
        + "{\"kind\":\"TCP\",\"target\":\"127.0.0.1:" + closed + "\"}],"
        + "\"instagram\":[{\"kind\":\"HTTP\",\"url\":\"" + base + "/slow\",\"timeout\":\"PT0.15S\"}]}}");
    List<ProbeResult> results = new CopyOnWriteArrayList<>();

    try (ProbeRunner runner = ProbeRunner.start(TargetsFile.read(targets), "BR", "br-sao-1", 4, Clock.systemUTC(), results::add)) {
      await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
        // a first request may be slow while the JVM warms up; the rounds after it are healthy
        assertThat(results).filteredOn(r -> r.getTarget().endsWith("/ok") && r.getStatus() == ProbeStatus.OK)
            .hasSizeGreaterThanOrEqualTo(4);
        assertThat(results).filteredOn(r -> r.getService().equals("instagram")).isNotEmpty();
      });
    }

    assertThat(results).filteredOn(r -> r.getKind().name().equals("TCP")).extracting(ProbeResult::getStatus)
        .containsOnly(ProbeStatus.CONNECT_REFUSED);
    assertThat(results).filteredOn(r -> r.getService().equals("instagram")).extracting(ProbeResult::getStatus)
        .containsOnly(ProbeStatus.TIMEOUT);
    assertThat(results).extracting(ProbeResult::getRegion).containsOnly("BR");
    assertThat(results).extracting(ProbeResult::getAgent).containsOnly("br-sao-1");
  }

  @Test
  void rejectsTargetsItCannotRun() throws IOException {
    Path bad = dir.resolve("bad.json");
    Files.writeString(bad, "{\"services\":{\"x\":[{\"kind\":\"TCP\",\"target\":\"no-port\"}]}}");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> TargetsFile.read(bad)).hasMessageContaining("host:port");
  }
}
