package io.outageradar.service.business;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.outageradar.avro.Business;
import io.outageradar.pager.business.BusinessDirectory;
import io.outageradar.producers.business.BadProfileException;
import io.outageradar.producers.business.BusinessJson;
import io.outageradar.producers.business.BusinessProfiles;
import io.outageradar.producers.intake.TokenBucket;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * {@code PUT/GET/DELETE /v1/businesses/{id}} on the intake server, for an administrator (an admin
 * key of its own, compared in constant time; failed attempts are limited per address as the
 * intake's are). A profile is checked whole as {@code business add} checks it — 400 with the field
 * at fault, never half-applied; an id that is not one answers 404 like an unknown one.
 */
public final class BusinessApi implements HttpHandler {
  static final String PATH = "/v1/businesses/";
  private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int MAX_BODY_BYTES = 256 * 1024;

  /** Writes a profile (or, with a null profile, the tombstone of an id); throws when it cannot. */
  public interface Store {
    void put(Business business);

    void delete(String businessId);
  }

  private final List<byte[]> adminKeys;
  private final BusinessProfiles profiles;
  private final BusinessDirectory directory;
  private final Store store;
  private final TokenBucket authFailures = new TokenBucket(0.2, 5, System::nanoTime);

  public BusinessApi(
      Set<String> adminKeys, Set<String> services, BusinessDirectory directory, Store store) {
    this.adminKeys = adminKeys.stream().map(k -> k.getBytes(StandardCharsets.UTF_8)).toList();
    this.profiles = new BusinessProfiles(services::contains);
    this.directory = directory;
    this.store = store;
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
      if (!authorised(exchange.getRequestHeaders().getFirst("X-Admin-Key"))) {
        authFailures.tryTake(ip, 1);
        send(exchange, 401, error("X-Admin-Key", "a valid admin key is required"), r -> {});
        return;
      }
      String raw = exchange.getRequestURI().getRawPath();
      String id = raw.substring(PATH.length());
      if (!ID.matcher(id).matches()) {
        send(exchange, 404, error("id", "no such business"), r -> {});
        return;
      }
      switch (exchange.getRequestMethod()) {
        case "GET" -> get(exchange, id);
        case "PUT" -> put(exchange, id);
        case "DELETE" -> delete(exchange, id);
        default ->
            send(
                exchange,
                405,
                error("$", "use GET, PUT or DELETE"),
                r -> r.add("Allow", "GET, PUT, DELETE"));
      }
    }
  }

  private void get(HttpExchange exchange, String id) throws IOException {
    Business business = directory.profile(id);
    if (business == null) {
      send(exchange, 404, error("id", "no such business"), r -> {});
    } else {
      send(exchange, 200, BusinessJson.of(business), r -> {});
    }
  }

  private void put(HttpExchange exchange, String id) throws IOException {
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
