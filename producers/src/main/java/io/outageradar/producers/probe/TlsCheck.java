package io.outageradar.producers.probe;

import io.outageradar.avro.ProbeStatus;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;

/**
 * Connects to host:port and completes a TLS handshake with certificate and host-name verification,
 * recording how many days the server's certificate has left: expiry is one of the commonest
 * self-inflicted outages, and this sees it coming.
 */
public final class TlsCheck implements Check {
  private final String host;
  private final int port;
  private final SSLContext tls;
  private final Clock clock;

  public TlsCheck(String host, int port, SSLContext tls, Clock clock) {
    this.host = host;
    this.port = port;
    this.tls = tls;
    this.clock = clock;
  }

  @Override
  public CheckOutcome run(Duration timeout) {
    long start = System.nanoTime();
    int timeoutMs = (int) timeout.toMillis();
    try (Socket raw = new Socket()) {
      try {
        raw.connect(new InetSocketAddress(host, port), timeoutMs);
      } catch (SocketTimeoutException e) {
        return CheckOutcome.failed(
            ProbeStatus.CONNECT_TIMEOUT,
            null,
            null,
            "no answer to connect within " + timeoutMs + " ms");
      } catch (ConnectException e) {
        return CheckOutcome.failed(
            ProbeStatus.CONNECT_REFUSED, TcpCheck.elapsedMs(start), null, e.getMessage());
      } catch (UnknownHostException e) {
        return CheckOutcome.failed(
            ProbeStatus.DNS_NXDOMAIN, TcpCheck.elapsedMs(start), null, "unresolved: " + host);
      }
      // the handshake gets what is left of the timeout, so the whole check stays within it
      raw.setSoTimeout((int) Math.max(1, timeoutMs - TcpCheck.elapsedMs(start)));
      try (SSLSocket socket =
          (SSLSocket) tls.getSocketFactory().createSocket(raw, host, port, false)) {
        SSLParameters parameters = socket.getSSLParameters();
        parameters.setEndpointIdentificationAlgorithm("HTTPS");
        socket.setSSLParameters(parameters);
        socket.startHandshake();
        Integer days = daysToExpiry(socket.getSession().getPeerCertificates(), clock.instant());
        return CheckOutcome.ok(TcpCheck.elapsedMs(start), null, days);
      }
    } catch (SocketTimeoutException e) {
      return CheckOutcome.failed(
          ProbeStatus.TIMEOUT, null, null, "no TLS handshake within " + timeoutMs + " ms");
    } catch (SSLException e) {
      return CheckOutcome.failed(
          ProbeStatus.TLS_ERROR, TcpCheck.elapsedMs(start), null, e.getMessage());
    } catch (IOException e) {
      return CheckOutcome.failed(
          ProbeStatus.TLS_ERROR, TcpCheck.elapsedMs(start), null, e.toString());
    }
  }

  /**
   * Whole days from {@code now} until the leaf certificate's notAfter (negative once expired); null
   * without one.
   */
  static Integer daysToExpiry(Certificate[] chain, Instant now) {
    if (chain.length == 0 || !(chain[0] instanceof X509Certificate leaf)) {
      return null;
    }
    return (int) Duration.between(now, leaf.getNotAfter().toInstant()).toDays();
  }
}
