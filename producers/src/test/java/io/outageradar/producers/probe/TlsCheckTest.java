package io.outageradar.producers.probe;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import io.outageradar.avro.ProbeStatus;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * TLS and HTTPS checks against local servers holding a self-signed certificate made for this test.
 */
class TlsCheckTest {
  private static final Instant NOT_AFTER =
      Instant.now().plus(42, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);

  /** A clock 42 days and an hour before the certificate expires: 42 whole days left. */
  private static final Clock CLOCK =
      Clock.fixed(NOT_AFTER.minus(42, ChronoUnit.DAYS).minus(1, ChronoUnit.HOURS), ZoneOffset.UTC);

  private static SelfSignedCertificate cert;
  private static SSLServerSocket tlsServer;
  private static ServerSocket silentServer;
  private static HttpsServer httpsServer;
  private static final ExecutorService ACCEPTORS = Executors.newCachedThreadPool();

  @BeforeAll
  static void startServers() throws Exception {
    cert = SelfSignedCertificate.valid(Instant.now().minus(1, ChronoUnit.DAYS), NOT_AFTER);
    tlsServer =
        (SSLServerSocket)
            cert.server()
                .getServerSocketFactory()
                .createServerSocket(0, 50, InetAddress.getLoopbackAddress());
    ACCEPTORS.execute(
        () -> {
          while (!tlsServer.isClosed()) {
            try (SSLSocket client = (SSLSocket) tlsServer.accept()) {
              client.setSoTimeout(2_000);
              client.startHandshake();
              client.getInputStream().read(); // until the check hangs up
            } catch (IOException e) {
              // a rejected handshake or the check closing: the next client is served either way
            }
          }
        });
    // accepts connections and never speaks: a TLS handshake to it times out
    silentServer = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    ACCEPTORS.execute(
        () -> {
          while (!silentServer.isClosed()) {
            try (Socket client = silentServer.accept();
                InputStream in = client.getInputStream()) {
              client.setSoTimeout(3_000);
              in.readAllBytes();
            } catch (IOException e) {
              // the check gave up
            }
          }
        });
    httpsServer = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    httpsServer.setHttpsConfigurator(new HttpsConfigurator(cert.server()));
    httpsServer.createContext(
        "/",
        exchange -> {
          exchange.sendResponseHeaders(200, -1);
          exchange.close();
        });
    httpsServer.start();
  }

  @AfterAll
  static void stopServers() throws IOException {
    tlsServer.close();
    silentServer.close();
    httpsServer.stop(0);
    ACCEPTORS.shutdownNow();
  }

  @Test
  void aTrustedHandshakeIsOkAndRecordsDaysToExpiry() {
    CheckOutcome outcome =
        new TlsCheck("127.0.0.1", tlsServer.getLocalPort(), cert.trusting(), CLOCK)
            .run(Duration.ofSeconds(3));
    assertThat(outcome.status()).as(String.valueOf(outcome.detail())).isEqualTo(ProbeStatus.OK);
    assertThat(outcome.certDaysToExpiry()).isEqualTo(42);
    assertThat(outcome.latencyMs()).isNotNull();
  }

  @Test
  void aCertificateNobodyTrustsIsATlsError() {
    CheckOutcome outcome =
        new TlsCheck("127.0.0.1", tlsServer.getLocalPort(), HttpAndTcpCheckTest.defaultTls(), CLOCK)
            .run(Duration.ofSeconds(3));
    assertThat(outcome.status()).isEqualTo(ProbeStatus.TLS_ERROR);
    assertThat(outcome.detail()).containsIgnoringCase("certification path");
    assertThat(outcome.certDaysToExpiry()).isNull();
  }

  @Test
  void aServerThatNeverHandshakesIsATimeout() {
    CheckOutcome outcome =
        new TlsCheck("127.0.0.1", silentServer.getLocalPort(), cert.trusting(), CLOCK)
            .run(Duration.ofMillis(400));
    assertThat(outcome.status()).isEqualTo(ProbeStatus.TIMEOUT);
  }

  @Test
  void aClosedPortIsRefused() throws IOException {
    int closed;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closed = socket.getLocalPort();
    }
    assertThat(
            new TlsCheck("127.0.0.1", closed, cert.trusting(), CLOCK)
                .run(Duration.ofSeconds(1))
                .status())
        .isEqualTo(ProbeStatus.CONNECT_REFUSED);
  }

  @Test
  void httpsChecksRecordDaysToExpiryToo() {
    HttpCheck https = new HttpCheck(Duration.ofSeconds(2), cert.trusting(), CLOCK);
    CheckOutcome outcome =
        https.run(
            "GET",
            URI.create("https://127.0.0.1:" + httpsServer.getAddress().getPort() + "/"),
            200,
            null,
            Duration.ofSeconds(3));
    assertThat(outcome.status()).as(String.valueOf(outcome.detail())).isEqualTo(ProbeStatus.OK);
    assertThat(outcome.certDaysToExpiry()).isEqualTo(42);
  }
}
