package io.outageradar.producers.probe;

import com.fasterxml.jackson.databind.JsonNode;
import io.outageradar.avro.CheckKind;
import io.outageradar.producers.config.StrictFile;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.net.ssl.SSLContext;

/**
 * The probe runner's targets, from YAML ({@code .yaml}/{@code .yml}) or JSON:
 *
 * <pre>
 * interval: PT30S        # every target this often (default 30 s), each with its own random offset
 * timeout: PT5S          # default per check
 * services:
 *   whatsapp:
 *     - {kind: HTTP, url: https://web.whatsapp.com/, expectStatus: 200, keyword: WhatsApp}
 *     - {kind: DNS, name: web.whatsapp.com, type: A, resolver: 1.1.1.1:53}
 *     - {kind: TCP, target: g.whatsapp.net:443}
 *     - {kind: TLS, target: web.whatsapp.com:443, conditions: ["[CERTIFICATE_EXPIRATION] > 14d"]}
 * </pre>
 *
 * <p>Any target may list {@code conditions} (see {@link Condition}); an HTTP target may send {@code
 * headers}. A key the format does not know is an error naming the file, line and key, as is a
 * condition that does not parse or does not apply to its kind of check.
 */
public record TargetsFile(Duration interval, List<ProbeTarget> targets) {

  /** Reads the targets with the JVM's trust store and the system clock. */
  public static TargetsFile read(Path file) throws IOException {
    try {
      return read(file, SSLContext.getDefault(), Clock.systemUTC());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("this JVM has no default TLS context", e);
    }
  }

  /** Reads the targets; HTTPS and TLS checks trust what {@code tls} trusts. */
  public static TargetsFile read(Path file, SSLContext tls, Clock clock) throws IOException {
    StrictFile strict = StrictFile.read(file, "a targets file (expected services: ...)");
    JsonNode root = strict.root();
    try {
      strict.checkKeys("", root, TOP_LEVEL_KEYS);
      Duration interval = Duration.parse(root.path("interval").asText("PT30S"));
      Duration defaultTimeout = Duration.parse(root.path("timeout").asText("PT5S"));
      if (interval.isNegative() || interval.isZero() || defaultTimeout.compareTo(interval) > 0) {
        throw new IllegalArgumentException("interval must be positive and at least the timeout");
      }
      HttpCheck http = new HttpCheck(defaultTimeout, tls, clock);
      List<ProbeTarget> targets = new ArrayList<>();
      for (Map.Entry<String, JsonNode> service : root.path("services").properties()) {
        int index = 0;
        for (JsonNode check : service.getValue()) {
          String pointer = "/services/" + service.getKey() + "/" + index++;
          try {
            CheckKind kind = kindOf(service.getKey(), check.path("kind").asText("HTTP"));
            strict.checkKeys(pointer, check, keysOf(kind));
            targets.add(target(service.getKey(), kind, check, defaultTimeout, http, tls, clock));
          } catch (IllegalArgumentException e) {
            String where =
                e.getMessage().startsWith("line ") ? "" : "line " + strict.lineOf(pointer) + ": ";
            throw new IllegalArgumentException(where + e.getMessage(), e);
          }
        }
      }
      if (targets.isEmpty()) {
        throw new IllegalArgumentException("no targets");
      }
      return new TargetsFile(interval, List.copyOf(targets));
    } catch (IllegalArgumentException | DateTimeParseException e) {
      throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
    }
  }

  private static final List<String> TOP_LEVEL_KEYS = List.of("interval", "timeout", "services");
  private static final List<String> COMMON_KEYS = List.of("kind", "timeout", "conditions");

  private static List<String> keysOf(CheckKind kind) {
    List<String> own =
        switch (kind) {
          case HTTP -> List.of("url", "method", "expectStatus", "keyword", "headers");
          case DNS -> List.of("name", "type", "resolver");
          case TCP, TLS -> List.of("target");
          case UNKNOWN -> List.of();
        };
    List<String> keys = new ArrayList<>(COMMON_KEYS);
    keys.addAll(own);
    return keys;
  }

  private static ProbeTarget target(
      String service,
      CheckKind kind,
      JsonNode check,
      Duration defaultTimeout,
      HttpCheck http,
      SSLContext tls,
      Clock clock) {
    List<Condition> conditions = new ArrayList<>();
    for (JsonNode condition : check.path("conditions")) {
      conditions.add(Condition.parse(condition.asText(), kind));
    }
    boolean judgesStatus = conditions.stream().anyMatch(Condition::judgesStatus);
    Duration timeout =
        check.hasNonNull("timeout")
            ? Duration.parse(check.get("timeout").asText())
            : defaultTimeout;
    return switch (kind) {
      case HTTP -> {
        String url = required(service, check, "url");
        URI uri = URI.create(url);
        if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())) {
          throw new IllegalArgumentException(
              "HTTP target of " + service + " must be an http(s) URL: " + url);
        }
        String keyword = check.hasNonNull("keyword") ? check.get("keyword").asText() : null;
        Map<String, String> headers = new LinkedHashMap<>();
        check
            .path("headers")
            .properties()
            .forEach(h -> headers.put(h.getKey(), h.getValue().asText()));
        // conditions on [STATUS] replace the expected status; otherwise it is expectStatus (200)
        Integer expected =
            judgesStatus && !check.hasNonNull("expectStatus")
                ? null
                : check.path("expectStatus").asInt(200);
        yield new ProbeTarget(
            service,
            kind,
            url,
            timeout,
            http.of(check.path("method").asText("GET"), uri, expected, keyword, headers),
            conditions);
      }
      case DNS -> {
        String name = required(service, check, "name");
        InetSocketAddress resolver = null;
        if (check.hasNonNull("resolver")) {
          InetSocketAddress given = hostPort(service, check.get("resolver").asText());
          resolver = new InetSocketAddress(given.getHostString(), given.getPort());
        }
        yield new ProbeTarget(
            service,
            kind,
            name,
            timeout,
            new DnsCheck(name, check.path("type").asText("A"), resolver),
            conditions);
      }
      case TCP -> {
        String target = required(service, check, "target");
        InetSocketAddress address = hostPort(service, target);
        yield new ProbeTarget(
            service,
            kind,
            target,
            timeout,
            t -> TcpCheck.run(address.getHostString(), address.getPort(), t),
            conditions);
      }
      case TLS -> {
        String target = required(service, check, "target");
        InetSocketAddress address = hostPort(service, target);
        yield new ProbeTarget(
            service,
            kind,
            target,
            timeout,
            new TlsCheck(address.getHostString(), address.getPort(), tls, clock),
            conditions);
      }
      case UNKNOWN -> throw new IllegalStateException("kindOf never returns UNKNOWN");
    };
  }

  private static CheckKind kindOf(String service, String kind) {
    try {
      CheckKind parsed = CheckKind.valueOf(kind.toUpperCase(Locale.ROOT));
      if (parsed != CheckKind.UNKNOWN) {
        return parsed;
      }
    } catch (IllegalArgumentException e) {
      // reported below with the kinds there are
    }
    throw new IllegalArgumentException(
        "check kind \"" + kind + "\" of " + service + " is not one of HTTP, DNS, TCP, TLS");
  }

  private static String required(String service, JsonNode check, String field) {
    if (!check.hasNonNull(field) || check.get(field).asText().isBlank()) {
      throw new IllegalArgumentException(
          check.path("kind").asText("HTTP") + " target of " + service + " needs \"" + field + "\"");
    }
    return check.get(field).asText();
  }

  /** host:port, unresolved: resolution is part of what each check measures. */
  private static InetSocketAddress hostPort(String service, String value) {
    int colon = value.lastIndexOf(':');
    if (colon <= 0 || !value.substring(colon + 1).matches("\\d{1,5}")) {
      throw new IllegalArgumentException("target of " + service + " must be host:port: " + value);
    }
    return InetSocketAddress.createUnresolved(
        value.substring(0, colon), Integer.parseInt(value.substring(colon + 1)));
  }
}
