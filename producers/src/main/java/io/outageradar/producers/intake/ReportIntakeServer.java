package io.outageradar.producers.intake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.outageradar.avro.UserReport;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * The report intake HTTP API: {@code POST /v1/reports} (one report) and {@code POST
 * /v1/reports:batch} (up to 500). A report is acknowledged (202) only after Kafka acknowledged
 * it; when Kafka does not answer in time the client gets 503 with Retry-After, so nothing is
 * acknowledged that is not stored. A retried request with the same {@code Idempotency-Key} (or the
 * same report id) gets the first answer again instead of counting twice.
 */
public final class ReportIntakeServer implements AutoCloseable {
  static final int MAX_BATCH = 500;
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int MAX_REMEMBERED = 100_000;

  private final IntakeConfig config;
  private final Function<UserReport, CompletableFuture<?>> store;
  private final ReportValidator validator;
  private final TokenBucket perKey;
  private final TokenBucket perIp;
  private final Map<String, Answer> answered = new LinkedHashMap<>(16, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, Answer> eldest) {
      return size() > MAX_REMEMBERED;
    }
  };
  private final List<byte[]> keys;
  private final HttpServer server;

  private record Answer(int status, ObjectNode body, long retryAfter) {}

  private ReportIntakeServer(IntakeConfig config, Function<UserReport, CompletableFuture<?>> store, Clock clock, HttpServer server) {
    this.config = config;
    this.store = store;
    this.validator = new ReportValidator(config.services(), clock);
    this.perKey = new TokenBucket(config.perKeyPerSecond(), config.perKeyPerSecond() * 10, System::nanoTime);
    this.perIp = new TokenBucket(config.perIpPerSecond(), config.perIpPerSecond() * 10, System::nanoTime);
    this.keys = config.apiKeys().stream().map(k -> k.getBytes(StandardCharsets.UTF_8)).toList();
    this.server = server;
  }

  /**
   * Listens on {@code port} (0 for any free one). {@code store} writes a report and completes when
   * Kafka acknowledged it.
   */
  public static ReportIntakeServer start(int port, IntakeConfig config, Function<UserReport, CompletableFuture<?>> store, Clock clock)
      throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress(port), 0);
    ReportIntakeServer intake = new ReportIntakeServer(config, store, clock, server);
    server.createContext("/v1/reports", intake::handle);
    server.setExecutor(Executors.newFixedThreadPool(8));
    server.start();
    return intake;
  }

  public int port() {
    return server.getAddress().getPort();
  }

  @Override
  public void close() {
    server.stop(0);
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String path = exchange.getRequestURI().getPath();
      boolean batch = path.equals("/v1/reports:batch");
      if (!batch && !path.equals("/v1/reports")) {
        send(exchange, new Answer(404, error("$", "no such endpoint " + path), 0));
      } else if (!exchange.getRequestMethod().equals("POST")) {
        send(exchange, new Answer(405, error("$", "use POST"), 0));
      } else {
        send(exchange, answer(exchange, batch));
      }
    }
  }

  private Answer answer(HttpExchange exchange, boolean batch) throws IOException {
    String key = apiKey(exchange);
    if (key == null) {
      return new Answer(401, error("X-API-Key", "a valid API key is required"), 0);
    }
    long wait = Math.max(perKey.tryTake("key:" + key, 1),
        perIp.tryTake("ip:" + exchange.getRemoteAddress().getAddress().getHostAddress(), 1));
    if (wait > 0) {
      return new Answer(429, error("$", "too many requests"), wait);
    }
    JsonNode body;
    try {
      body = JSON.readTree(exchange.getRequestBody().readNBytes(4 * 1024 * 1024));
    } catch (IOException e) {
      return new Answer(400, error("$", "the body is not JSON"), 0);
    }
    String idempotencyKey = exchange.getRequestHeaders().getFirst("Idempotency-Key");
    if (idempotencyKey == null && !batch && body != null && body.hasNonNull("id")) {
      idempotencyKey = "id:" + body.get("id").asText();
    }
    if (idempotencyKey != null) {
      Answer earlier;
      synchronized (answered) {
        earlier = answered.get(key + "|" + idempotencyKey);
      }
      if (earlier != null) {
        return earlier;
      }
    }
    Answer answer = batch ? batch(body, idempotencyKey) : single(body, idempotencyKey);
    if (idempotencyKey != null && answer.status() != 503 && answer.status() != 429) {
      synchronized (answered) {
        answered.put(key + "|" + idempotencyKey, answer);
      }
    }
    return answer;
  }

  private Answer single(JsonNode body, String idempotencyKey) {
    UserReport report;
    try {
      report = validator.validate(body, idempotencyKey);
    } catch (ReportValidator.InvalidReport e) {
      return new Answer(400, error(e.field, e.getMessage()), 0);
    }
    if (!stored(List.of(report))) {
      return unavailable();
    }
    ObjectNode ok = JSON.createObjectNode();
    ok.putArray("accepted").add(report.getReportId());
    return new Answer(202, ok, 0);
  }

  private Answer batch(JsonNode body, String idempotencyKey) {
    if (body == null || !body.isArray()) {
      return new Answer(400, error("$", "a batch must be a JSON array of reports"), 0);
    }
    if (body.size() > MAX_BATCH) {
      return new Answer(400, error("$", "a batch holds at most " + MAX_BATCH + " reports, this one " + body.size()), 0);
    }
    List<UserReport> valid = new ArrayList<>();
    ArrayNode rejected = JSON.createArrayNode();
    for (int i = 0; i < body.size(); i++) {
      try {
        valid.add(validator.validate(body.get(i), idempotencyKey == null ? null : idempotencyKey + "#" + i));
      } catch (ReportValidator.InvalidReport e) {
        ObjectNode problem = rejected.addObject();
        problem.put("index", i);
        problem.put("field", e.field);
        problem.put("error", e.getMessage());
      }
    }
    if (!stored(valid)) {
      return unavailable();
    }
    ObjectNode result = JSON.createObjectNode();
    ArrayNode accepted = result.putArray("accepted");
    valid.forEach(report -> accepted.add(report.getReportId()));
    result.set("rejected", rejected);
    if (!rejected.isEmpty()) {
      result.put("error", rejected.size() + " report(s) rejected; the others were stored");
    }
    return new Answer(rejected.isEmpty() ? 202 : 400, result, 0);
  }

  /** Sends all and waits for every acknowledgement, within the send timeout. */
  private boolean stored(List<UserReport> reports) {
    try {
      CompletableFuture<?>[] sends = reports.stream().map(store).toArray(CompletableFuture[]::new);
      CompletableFuture.allOf(sends).get(config.sendTimeout().toMillis(), TimeUnit.MILLISECONDS);
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    } catch (Exception e) {
      return false;
    }
  }

  private static Answer unavailable() {
    return new Answer(503, error("$", "reports could not be stored right now; retry with the same Idempotency-Key"), 5);
  }

  /** The configured key the request presents, compared in constant time, or null. */
  private String apiKey(HttpExchange exchange) {
    String presented = exchange.getRequestHeaders().getFirst("X-API-Key");
    String authorization = exchange.getRequestHeaders().getFirst("Authorization");
    if (presented == null && authorization != null && authorization.startsWith("Bearer ")) {
      presented = authorization.substring("Bearer ".length());
    }
    if (presented == null) {
      return null;
    }
    byte[] candidate = presented.getBytes(StandardCharsets.UTF_8);
    boolean match = false;
    for (byte[] key : keys) {
      match |= MessageDigest.isEqual(key, candidate); // no early exit: timing says nothing about which key
    }
    return match ? presented : null;
  }

  private static ObjectNode error(String field, String message) {
    ObjectNode node = JSON.createObjectNode();
    node.put("error", message);
    node.put("field", field);
    return node;
  }

  private static void send(HttpExchange exchange, Answer answer) throws IOException {
    byte[] bytes = JSON.writeValueAsBytes(answer.body());
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    if (answer.retryAfter() > 0) {
      exchange.getResponseHeaders().add("Retry-After", Long.toString(answer.retryAfter()));
    }
    exchange.sendResponseHeaders(answer.status(), bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }
}
