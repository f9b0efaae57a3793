package io.outageradar.producers.probe;

import io.outageradar.avro.ProbeStatus;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;

/**
 * An HTTP(S) request with an expected status and, optionally, a keyword the body must contain.
 * Redirects are followed (except from https to http). The outcome class tells where it broke:
 * resolution, connect, TLS, timeout, or the HTTP answer itself. HTTPS answers also record the
 * server certificate's days to expiry. One client (and its connection pool) serves every target.
 */
public final class HttpCheck {
  private final HttpClient client;
  private final Clock clock;

  public HttpCheck(Duration connectTimeout, SSLContext tls, Clock clock) {
    this.client =
        HttpClient.newBuilder()
            .connectTimeout(connectTimeout)
            .followRedirects(HttpClient.Redirect.NORMAL)
            .sslContext(tls)
            .build();
    this.clock = clock;
  }

  /**
   * The check of one URL, for a targets file entry: any status is an answer when {@code
   * expectedStatus} is null (the target's conditions judge it).
   */
  public Check of(
      String method, URI url, Integer expectedStatus, String keyword, Map<String, String> headers) {
    return timeout -> run(method, url, expectedStatus, keyword, headers, timeout);
  }

  public CheckOutcome run(
      String method, URI url, int expectedStatus, String keyword, Duration timeout) {
    return run(method, url, expectedStatus, keyword, Map.of(), timeout);
  }

  private CheckOutcome run(
      String method,
      URI url,
      Integer expectedStatus,
      String keyword,
      Map<String, String> headers,
      Duration timeout) {
    long start = System.nanoTime();
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(url)
            .timeout(timeout)
            .method(method, HttpRequest.BodyPublishers.noBody())
            .header("User-Agent", "outage-radar-probe");
    headers.forEach(builder::header);
    HttpRequest request = builder.build();
    try {
      HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
      long latency = TcpCheck.elapsedMs(start);
      int status = response.statusCode();
      if (expectedStatus != null && status != expectedStatus) {
        ProbeStatus failure =
            status >= 500
                ? ProbeStatus.HTTP_5XX
                : status >= 400 ? ProbeStatus.HTTP_4XX : ProbeStatus.HTTP_UNEXPECTED;
        return CheckOutcome.failed(
            failure, latency, status, "HTTP " + status + ", expected " + expectedStatus);
      }
      if (keyword != null && !response.body().contains(keyword)) {
        return CheckOutcome.failed(
            ProbeStatus.HTTP_UNEXPECTED, latency, status, "body lacks \"" + keyword + "\"");
      }
      Integer certDays =
          response
              .sslSession()
              .map(
                  session -> {
                    try {
                      return TlsCheck.daysToExpiry(session.getPeerCertificates(), clock.instant());
                    } catch (javax.net.ssl.SSLPeerUnverifiedException e) {
                      return null;
                    }
                  })
              .orElse(null);
      return CheckOutcome.ok(
          latency,
          status,
          certDays,
          Observation.http(status, response.headers().map(), response.body()));
    } catch (HttpConnectTimeoutException e) {
      return CheckOutcome.failed(ProbeStatus.CONNECT_TIMEOUT, null, null, "connect timed out");
    } catch (HttpTimeoutException e) {
      return CheckOutcome.failed(
          ProbeStatus.TIMEOUT, null, null, "no answer within " + timeout.toMillis() + " ms");
    } catch (ConnectException e) {
      return unwrap(e, start);
    } catch (SSLException e) {
      return CheckOutcome.failed(
          ProbeStatus.TLS_ERROR, TcpCheck.elapsedMs(start), null, e.getMessage());
    } catch (IOException e) {
      return unwrap(e, start);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return CheckOutcome.failed(ProbeStatus.UNKNOWN, null, null, "interrupted");
    }
  }

  /** The HTTP client wraps resolution and TLS failures; classify by the cause. */
  private static CheckOutcome unwrap(IOException e, long start) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof UnknownHostException) {
        return CheckOutcome.failed(
            ProbeStatus.DNS_NXDOMAIN,
            TcpCheck.elapsedMs(start),
            null,
            "unresolved: " + cause.getMessage());
      }
      if (cause instanceof SSLException) {
        return CheckOutcome.failed(
            ProbeStatus.TLS_ERROR, TcpCheck.elapsedMs(start), null, cause.getMessage());
      }
    }
    return CheckOutcome.failed(
        ProbeStatus.CONNECT_REFUSED, TcpCheck.elapsedMs(start), null, e.toString());
  }
}
