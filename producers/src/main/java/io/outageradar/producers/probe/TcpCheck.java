package io.outageradar.producers.probe;

import io.outageradar.avro.ProbeStatus;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;

/** Opens a TCP connection to host:port: refused, timed out, or connected (and closed at once). */
public final class TcpCheck {
  private TcpCheck() {}

  public static CheckOutcome run(String host, int port, Duration timeout) {
    long start = System.nanoTime();
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(host, port), (int) timeout.toMillis());
      return CheckOutcome.ok(elapsedMs(start), null, null);
    } catch (SocketTimeoutException e) {
      return CheckOutcome.failed(
          ProbeStatus.CONNECT_TIMEOUT,
          null,
          null,
          "no answer to connect within " + timeout.toMillis() + " ms");
    } catch (ConnectException e) {
      return CheckOutcome.failed(
          ProbeStatus.CONNECT_REFUSED, elapsedMs(start), null, e.getMessage());
    } catch (UnknownHostException e) {
      // The JDK resolver cannot tell NXDOMAIN from SERVFAIL; DNS checks can.
      return CheckOutcome.failed(
          ProbeStatus.DNS_NXDOMAIN, elapsedMs(start), null, "unresolved: " + host);
    } catch (IOException e) {
      return CheckOutcome.failed(ProbeStatus.CONNECT_REFUSED, elapsedMs(start), null, e.toString());
    }
  }

  static long elapsedMs(long startNanos) {
    return (System.nanoTime() - startNanos) / 1_000_000;
  }
}
