package io.outageradar.producers.probe;

import io.outageradar.avro.CheckKind;
import java.net.URI;
import java.time.Duration;

/**
 * One thing to check for a service: an HTTP(S) URL (with method, expected status and optional body
 * keyword) or a TCP host:port.
 */
public record ProbeTarget(String service, CheckKind kind, String target, String method, int expectedStatus, String keyword,
    Duration timeout) {

  public ProbeTarget {
    if (kind == CheckKind.HTTP) {
      URI url = URI.create(target);
      if (!"http".equals(url.getScheme()) && !"https".equals(url.getScheme())) {
        throw new IllegalArgumentException("HTTP target of " + service + " must be an http(s) URL: " + target);
      }
    } else if (kind == CheckKind.TCP) {
      int colon = target.lastIndexOf(':');
      if (colon <= 0 || !target.substring(colon + 1).matches("\\d{1,5}")) {
        throw new IllegalArgumentException("TCP target of " + service + " must be host:port: " + target);
      }
    } else {
      throw new IllegalArgumentException(kind + " checks are not supported yet (target " + target + " of " + service + ")");
    }
  }

  /** Runs the check once. */
  public CheckOutcome run(HttpCheck http) {
    if (kind == CheckKind.HTTP) {
      return http.run(method, URI.create(target), expectedStatus, keyword, timeout);
    }
    int colon = target.lastIndexOf(':');
    return TcpCheck.run(target.substring(0, colon), Integer.parseInt(target.substring(colon + 1)), timeout);
  }
}
