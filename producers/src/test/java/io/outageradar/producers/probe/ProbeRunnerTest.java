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
    server.createContext(
        "/ok",
        exchange -> {
          exchange.sendResponseHeaders(200, 2);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write("ok".getBytes());
          }
        });
    server.createContext(
        "/slow",
        exchange -> {
          try {
            release.await(
                1,
                TimeUnit
                    .SECONDS); // slower than the check's timeout, short enough to free the server
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
    Files.writeString(
        targets,
        "{\"interval\":\"PT0.3S\",\"timeout\":\"PT0.3S\",\"services\":{"
            + "\"whatsapp\":[{\"kind\":\"HTTP\",\"url\":\""
            + base
            + "/ok\",\"keyword\":\"ok\"},"
            + "{\"kind\":\"TCP\",\"target\":\"127.0.0.1:"
            + closed
            + "\"}],"
            + "\"instagram\":[{\"kind\":\"HTTP\",\"url\":\""
            + base
            + "/slow\",\"timeout\":\"PT0.15S\"}]}}");
    List<ProbeResult> results = new CopyOnWriteArrayList<>();

    try (ProbeRunner runner =
        ProbeRunner.start(
            TargetsFile.read(targets), "BR", "br-sao-1", 4, Clock.systemUTC(), results::add)) {
      await()
          .atMost(Duration.ofSeconds(10))
          .untilAsserted(
              () -> {
                // a first request may be slow while the JVM warms up; the rounds after it are
                // healthy
                assertThat(results)
                    .filteredOn(
                        r -> r.getTarget().endsWith("/ok") && r.getStatus() == ProbeStatus.OK)
                    .hasSizeGreaterThanOrEqualTo(4);
                assertThat(results)
                    .filteredOn(r -> r.getService().equals("instagram"))
                    .isNotEmpty();
              });
    }

    assertThat(results)
        .filteredOn(r -> r.getKind().name().equals("TCP"))
        .extracting(ProbeResult::getStatus)
        .containsOnly(ProbeStatus.CONNECT_REFUSED);
    assertThat(results)
        .filteredOn(r -> r.getService().equals("instagram"))
        .extracting(ProbeResult::getStatus)
        .containsOnly(ProbeStatus.TIMEOUT);
    assertThat(results).extracting(ProbeResult::getRegion).containsOnly("BR");
    assertThat(results).extracting(ProbeResult::getAgent).containsOnly("br-sao-1");
  }

  @Test
  void aYamlTargetsFileRunsDnsAndTlsChecksAndRecordsCertificateExpiry() throws Exception {
    java.time.Instant notAfter = java.time.Instant.now().plus(Duration.ofDays(30));
    SelfSignedCertificate cert =
        SelfSignedCertificate.valid(java.time.Instant.now().minus(Duration.ofDays(1)), notAfter);
    try (FakeDnsServer dns =
            new FakeDnsServer(
                java.util.Map.of(
                    "facebook.com",
                    FakeDnsServer.Answer.SERVFAIL,
                    "instagram.com",
                    FakeDnsServer.Answer.ADDRESS));
        javax.net.ssl.SSLServerSocket tls =
            (javax.net.ssl.SSLServerSocket)
                cert.server()
                    .getServerSocketFactory()
                    .createServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      Thread acceptor =
          new Thread(
              () -> {
                while (!tls.isClosed()) {
                  try (javax.net.ssl.SSLSocket client = (javax.net.ssl.SSLSocket) tls.accept()) {
                    client.startHandshake();
                  } catch (IOException e) {
                    // the check hung up or the test is over
                  }
                }
              });
      acceptor.setDaemon(true);
      acceptor.start();
      String resolver = "127.0.0.1:" + dns.address().getPort();
      Path targets = dir.resolve("targets.yaml");
      Files.writeString(
          targets,
          String.join(
              "\n",
              "interval: PT0.3S",
              "timeout: PT0.25S",
              "services:",
              "  facebook:",
              "    - {kind: DNS, name: facebook.com, resolver: \"" + resolver + "\"}",
              "  instagram:",
              "    - {kind: dns, name: instagram.com, type: A, resolver: \"" + resolver + "\"}",
              "    - {kind: TLS, target: \"127.0.0.1:" + tls.getLocalPort() + "\", timeout: PT2S}",
              ""));
      List<ProbeResult> results = new CopyOnWriteArrayList<>();

      try (ProbeRunner runner =
          ProbeRunner.start(
              TargetsFile.read(targets, cert.trusting(), Clock.systemUTC()),
              "BR",
              "br-sao-1",
              4,
              Clock.systemUTC(),
              results::add)) {
        await()
            .atMost(Duration.ofSeconds(10))
            .untilAsserted(
                () ->
                    assertThat(results)
                        .extracting(r -> r.getService() + " " + r.getKind() + " " + r.getStatus())
                        .contains(
                            "facebook DNS DNS_SERVFAIL", "instagram DNS OK", "instagram TLS OK"));
      }

      assertThat(results)
          .filteredOn(r -> r.getKind().name().equals("TLS") && r.getStatus() == ProbeStatus.OK)
          .extracting(ProbeResult::getCertDaysToExpiry)
          .containsOnly(29);
      assertThat(results)
          .filteredOn(r -> r.getKind().name().equals("DNS"))
          .extracting(ProbeResult::getCertDaysToExpiry)
          .containsOnlyNulls();
    }
  }

  @Test
  void rejectsTargetsItCannotRun() throws IOException {
    Path bad = dir.resolve("bad.json");
    Files.writeString(bad, "{\"services\":{\"x\":[{\"kind\":\"TCP\",\"target\":\"no-port\"}]}}");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> TargetsFile.read(bad))
        .hasMessageContaining("host:port");
    Files.writeString(bad, "{\"services\":{\"x\":[{\"kind\":\"ICMP\",\"target\":\"a:1\"}]}}");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> TargetsFile.read(bad))
        .hasMessageContaining("not one of HTTP, DNS, TCP, TLS");
    Files.writeString(bad, "{\"services\":{\"x\":[{\"kind\":\"DNS\"}]}}");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> TargetsFile.read(bad))
        .hasMessageContaining("needs \"name\"");
  }
}
