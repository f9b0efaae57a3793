package io.outageradar.producers.probe;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.outageradar.avro.ProbeStatus;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Checks against real local servers started here: 200, 500, a slow answer, a wrong body, a closed
 * port.
 */
class HttpAndTcpCheckTest {
  private HttpServer server;
  private final CountDownLatch release = new CountDownLatch(1);
  private final HttpCheck http =
      new HttpCheck(Duration.ofSeconds(2), defaultTls(), java.time.Clock.systemUTC());

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setExecutor(Executors.newFixedThreadPool(4));
    server.createContext("/ok", exchange -> answer(exchange, 200, "welcome to whatsapp web"));
    server.createContext("/broken", exchange -> answer(exchange, 500, "oops"));
    server.createContext(
        "/slow",
        exchange -> {
          try {
            release.await(5, TimeUnit.SECONDS); // holds the answer until the test is done with it
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          answer(exchange, 200, "late");
        });
    server.start();
  }

  @AfterEach
  void stop() {
    release.countDown();
    server.stop(0);
  }

  private static void answer(com.sun.net.httpserver.HttpExchange exchange, int status, String body)
      throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  static javax.net.ssl.SSLContext defaultTls() {
    try {
      return javax.net.ssl.SSLContext.getDefault();
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private URI url(String path) {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
  }

  @Test
  void aHealthyPageWithItsKeywordIsOk() {
    CheckOutcome outcome = http.run("GET", url("/ok"), 200, "whatsapp", Duration.ofSeconds(2));
    assertThat(outcome.status()).isEqualTo(ProbeStatus.OK);
    assertThat(outcome.httpStatus()).isEqualTo(200);
    assertThat(outcome.latencyMs()).isNotNull().isGreaterThanOrEqualTo(0);
  }

  @Test
  void aServerErrorIsHttp5xx() {
    CheckOutcome outcome = http.run("GET", url("/broken"), 200, null, Duration.ofSeconds(2));
    assertThat(outcome.status()).isEqualTo(ProbeStatus.HTTP_5XX);
    assertThat(outcome.httpStatus()).isEqualTo(500);
  }

  @Test
  void aMissingKeywordIsUnexpected() {
    assertThat(http.run("GET", url("/ok"), 200, "instagram", Duration.ofSeconds(2)).status())
        .isEqualTo(ProbeStatus.HTTP_UNEXPECTED);
  }

  @Test
  void aSlowAnswerIsATimeout() {
    CheckOutcome outcome = http.run("GET", url("/slow"), 200, null, Duration.ofMillis(300));
    assertThat(outcome.status()).isEqualTo(ProbeStatus.TIMEOUT);
    assertThat(outcome.latencyMs()).isNull();
  }

  @Test
  void aClosedPortIsRefusedForTcpAndHttp() throws IOException {
    int closed;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closed = socket.getLocalPort();
    }
    assertThat(TcpCheck.run("127.0.0.1", closed, Duration.ofSeconds(1)).status())
        .isEqualTo(ProbeStatus.CONNECT_REFUSED);
    assertThat(
            http.run(
                    "GET",
                    URI.create("http://127.0.0.1:" + closed + "/"),
                    200,
                    null,
                    Duration.ofSeconds(1))
                .status())
        .isEqualTo(ProbeStatus.CONNECT_REFUSED);
  }

  @Test
  void anOpenPortConnects() {
    assertThat(
            TcpCheck.run("127.0.0.1", server.getAddress().getPort(), Duration.ofSeconds(1))
                .status())
        .isEqualTo(ProbeStatus.OK);
  }

  @Test
  void anUnresolvableNameIsADnsFailure() {
    assertThat(TcpCheck.run("no-such-host.invalid", 443, Duration.ofSeconds(1)).status())
        .isEqualTo(ProbeStatus.DNS_NXDOMAIN);
  }
}
