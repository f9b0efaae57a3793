package io.outageradar.service.business;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.outageradar.avro.Business;
import io.outageradar.avro.BusinessKey;
import io.outageradar.detection.business.IncidentReport;
import io.outageradar.pager.business.BusinessDirectory;
import io.outageradar.producers.business.BadProfileException;
import io.outageradar.producers.business.BusinessJson;
import io.outageradar.producers.business.BusinessProfiles;
import io.outageradar.producers.intake.TokenBucket;
import io.outageradar.service.http.QueryParams;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * {@code PUT/GET/DELETE /v1/businesses/{id}}, {@code GET /v1/businesses/{id}/impact}, {@code GET
 * /v1/businesses/{id}/report} and {@code POST/DELETE /v1/businesses/{id}/key} on the intake server,
 * for an administrator ({@code X-Admin-Key}) and for each business itself ({@code Authorization:
 * Bearer <its API key>}).
 *
 * <p>The administrator registers, changes and deletes any business; registering one makes its API
 * key, shown in that answer only ({@link ApiKeys}: kept as a salted slow hash). With its key a
 * business reads and changes its own profile, reads its impact and incident report, and rotates or
 * revokes its key, and nothing else: a key that does not open the business in the path — another
 * business's, a revoked one, a wrong one — answers 404 exactly as an unknown id does, after the
 * same work, so nobody learns which ids exist. Keys are compared in constant time; failed attempts
 * are limited per address as the intake's are. A profile is checked whole as {@code business add}
 * checks it — 400 with the field at fault, never half-applied; an id that is not one answers 404
 * like an unknown one.
 */
public final class BusinessApi implements HttpHandler {
  static final String PATH = "/v1/businesses/";
  private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int MAX_BODY_BYTES = 256 * 1024;

  /** What a path names under a business: its profile, its key, its impact or its report. */
  private enum Part {
    KEY("/key"),
    IMPACT("/impact"),
    REPORT("/report"),
    PROFILE("");

    final String suffix;

    Part(String suffix) {
      this.suffix = suffix;
    }

    static Part of(String rest) {
      for (Part part : values()) {
        if (rest.endsWith(part.suffix)) {
          return part; // PROFILE, last, ends every path
        }
      }
      throw new IllegalStateException("unreachable");
    }
  }

  /** Writes profiles and key hashes (deleting is a tombstone); throws when it cannot. */
  public interface Store {
    void put(Business business);

    void delete(String businessId);

    void putKey(BusinessKey key);

    void deleteKey(String businessId);
  }

  /** Who asks: the administrator, or the business the path names. */
  private enum Caller {
    ADMIN,
    TENANT
  }

  private final List<byte[]> adminKeys;
  private final BusinessProfiles profiles;
  private final BusinessDirectory directory;
  private final Store store;
  private final TokenBucket authFailures;
  private final ApiKeys keys = new ApiKeys();
  private final Clock clock;

  public BusinessApi(
      Set<String> adminKeys,
      Set<String> services,
      BusinessDirectory directory,
      Store store,
      Clock clock) {
    this(adminKeys, services, directory, store, clock, new TokenBucket(0.2, 5, System::nanoTime));
  }

  /** As above, with its own budget of failed authentications per address (tests). */
  BusinessApi(
      Set<String> adminKeys,
      Set<String> services,
      BusinessDirectory directory,
      Store store,
      Clock clock,
      TokenBucket authFailures) {
    this.authFailures = authFailures;
    this.adminKeys = adminKeys.stream().map(k -> k.getBytes(StandardCharsets.UTF_8)).toList();
    this.profiles = new BusinessProfiles(services::contains);
    this.directory = directory;
    this.store = store;
    this.clock = clock;
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String ip = "ip:" + exchange.getRemoteAddress().getAddress().getHostAddress();
      long wait = authFailures.waitFor(ip, 1);
      if (wait > 0) {
        send(
            exchange,
            429,
            error("X-Admin-Key", "too many failed authentications"),
            r -> r.add("Retry-After", Long.toString(wait)));
        return;
      }
      String rest = exchange.getRequestURI().getRawPath().substring(PATH.length());
      Part part = Part.of(rest);
      String id = rest.substring(0, rest.length() - part.suffix.length());
      Caller caller = caller(exchange, id);
      if (caller == null) {
        authFailures.tryTake(ip, 1);
        if (exchange.getRequestHeaders().containsKey("Authorization")) {
          send(exchange, 404, error("id", "no such business"), r -> {});
        } else {
          send(
              exchange,
              401,
              error("X-Admin-Key", "an admin key or the business's own API key is required"),
              r -> {});
        }
        return;
      }
      if (!ID.matcher(id).matches()) {
        send(exchange, 404, error("id", "no such business"), r -> {});
        return;
      }
      String method = exchange.getRequestMethod();
      if (part == Part.IMPACT || part == Part.REPORT) {
        if (!method.equals("GET")) {
          notAllowed(exchange, "GET");
        } else if (part == Part.IMPACT) {
          impact(exchange, id);
        } else {
          report(exchange, id);
        }
        return;
      }
      if (part == Part.KEY) {
        switch (method) {
          case "POST" -> rotateKey(exchange, id);
          case "DELETE" -> revokeKey(exchange, id);
          default -> notAllowed(exchange, "POST, DELETE");
        }
        return;
      }
      switch (method) {
        case "GET" -> get(exchange, id);
        case "PUT" -> put(exchange, id, caller);
        case "DELETE" -> {
          if (caller == Caller.ADMIN) {
            delete(exchange, id);
          } else {
            notAllowed(exchange, "GET, PUT");
          }
        }
        default -> notAllowed(exchange, caller == Caller.ADMIN ? "GET, PUT, DELETE" : "GET, PUT");
      }
    }
  }

  /**
   * The administrator by a right admin key; the business {@code id} by its own API key; else null.
   * A business key is checked against the id's stored hash even when there is none, so a wrong key
   * costs the same time whatever the id.
   */
  private Caller caller(HttpExchange exchange, String id) {
    String admin = exchange.getRequestHeaders().getFirst("X-Admin-Key");
    if (admin != null) {
      return authorised(admin) ? Caller.ADMIN : null;
    }
    String authorization = exchange.getRequestHeaders().getFirst("Authorization");
    if (authorization == null) {
      return null;
    }
    String presented = ApiKeys.bearer(authorization);
    BusinessKey stored = ID.matcher(id).matches() ? directory.apiKey(id) : null;
    return ApiKeys.matches(stored, presented) ? Caller.TENANT : null;
  }

  /** What the outages open now cost the business, per channel and currency; empty when none. */
  private void impact(HttpExchange exchange, String id) throws IOException {
    if (directory.profile(id) == null) {
      send(exchange, 404, error("id", "no such business"), r -> {});
      return;
    }
    send(exchange, 200, ImpactJson.of(id, directory.impact(id)), r -> {});
  }

  /**
   * The business's incident report: {@code ?outage=ID} for one incident, {@code
   * ?format=md|html|json} (json when absent); amounts written as in the business's first language.
   */
  private void report(HttpExchange exchange, String id) throws IOException {
    // the server refuses a request line with a malformed %-escape before it gets here
    Map<String, String> query = QueryParams.of(exchange.getRequestURI());
    IncidentReport report = directory.report(id, query.get("outage"));
    if (report == null) {
      send(exchange, 404, error("id", "no such business"), r -> {});
      return;
    }
    IncidentReportText.Format format;
    try {
      format = IncidentReportText.Format.of(query.getOrDefault("format", "json"));
    } catch (IllegalArgumentException e) {
      send(exchange, 400, error("format", e.getMessage()), r -> {});
      return;
    }
    byte[] bytes =
        IncidentReportText.write(report, format, directory.profile(id))
            .getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", format.contentType());
    exchange.getResponseHeaders().add("Cache-Control", "private, no-store");
    exchange.sendResponseHeaders(200, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  private void rotateKey(HttpExchange exchange, String id) throws IOException {
    if (directory.profile(id) == null) {
      send(exchange, 404, error("id", "no such business"), r -> {});
      return;
    }
    ApiKeys.Issued issued = keys.issue(id, clock.instant());
    store.putKey(issued.stored());
    send(exchange, 200, withKey(JSON.createObjectNode().put("id", id), issued), r -> {});
  }

  private void revokeKey(HttpExchange exchange, String id) throws IOException {
    if (directory.profile(id) == null) {
      send(exchange, 404, error("id", "no such business"), r -> {});
      return;
    }
    store.deleteKey(id);
    send(exchange, 204, null, r -> {});
  }

  private static ObjectNode withKey(ObjectNode answer, ApiKeys.Issued issued) {
    return answer
        .put("apiKey", issued.key())
        .put("note", "shown this once: keep it; a new one replaces it (POST .../key)");
  }

  private static void notAllowed(HttpExchange exchange, String allow) throws IOException {
    send(exchange, 405, error("$", "use " + allow), r -> r.add("Allow", allow));
  }

  private void get(HttpExchange exchange, String id) throws IOException {
    Business business = directory.profile(id);
    if (business == null) {
      send(exchange, 404, error("id", "no such business"), r -> {});
    } else {
      send(exchange, 200, BusinessJson.of(business), r -> {});
    }
  }

  private void put(HttpExchange exchange, String id, Caller caller) throws IOException {
    byte[] body = exchange.getRequestBody().readNBytes(MAX_BODY_BYTES + 1);
    if (body.length > MAX_BODY_BYTES) {
      send(exchange, 413, error("$", "a profile is at most " + MAX_BODY_BYTES + " bytes"), r -> {});
      return;
    }
    Business business;
    try {
      List<Business> read = profiles.read(new String(body, StandardCharsets.UTF_8), "profile");
      if (read.size() != 1) {
        send(exchange, 400, error("$", "one profile per request"), r -> {});
        return;
      }
      business = read.get(0);
    } catch (BadProfileException e) {
      send(exchange, 400, error("$", e.getMessage()), r -> {});
      return;
    }
    if (!business.getId().equals(id)) {
      send(exchange, 400, error("id", "the profile's id is not the one in the path"), r -> {});
      return;
    }
    boolean existed = directory.profile(id) != null;
    store.put(business);
    ObjectNode answer = JSON.createObjectNode().put("id", id);
    if (!existed && caller == Caller.ADMIN && directory.apiKey(id) == null) {
      ApiKeys.Issued issued = keys.issue(id, clock.instant());
      store.putKey(issued.stored());
      withKey(answer, issued);
    }
    if (business.getContacts().isEmpty()) {
      answer
          .putArray("warnings")
          .add("no contact: the business will not be told of anything until one is added");
    }
    send(exchange, existed ? 200 : 201, answer, r -> {});
  }

  private void delete(HttpExchange exchange, String id) throws IOException {
    if (directory.profile(id) == null) {
      send(exchange, 404, error("id", "no such business"), r -> {});
      return;
    }
    store.delete(id);
    store.deleteKey(id);
    send(exchange, 204, null, r -> {});
  }

  private boolean authorised(String presented) {
    if (presented == null || adminKeys.isEmpty()) {
      return false;
    }
    byte[] candidate = presented.getBytes(StandardCharsets.UTF_8);
    boolean match = false;
    for (byte[] key : adminKeys) {
      match |= MessageDigest.isEqual(key, candidate); // no early exit
    }
    return match;
  }

  private static ObjectNode error(String field, String message) {
    return JSON.createObjectNode().put("error", message).put("field", field);
  }

  private static void send(
      HttpExchange exchange,
      int status,
      ObjectNode body,
      Consumer<com.sun.net.httpserver.Headers> headers)
      throws IOException {
    headers.accept(exchange.getResponseHeaders());
    if (body == null) {
      exchange.sendResponseHeaders(status, -1);
      return;
    }
    byte[] bytes = JSON.writeValueAsBytes(body);
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }
}
