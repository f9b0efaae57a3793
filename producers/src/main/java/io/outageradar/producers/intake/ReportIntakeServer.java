package io.outageradar.producers.intake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import io.outageradar.avro.UserReport;
import io.outageradar.producers.http.Listening;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;

/**
 * The report intake HTTP API: {@code POST /v1/reports} (one report) and {@code POST
 * /v1/reports:batch} (up to 500). A report is acknowledged (202) only after Kafka acknowledged it;
 * when Kafka does not answer in time the client gets 503 with Retry-After, so nothing is
 * acknowledged that is not stored. A retried request with the same {@code Idempotency-Key} (or the
 * same report id) gets the first answer again instead of counting twice; the same key with another
 * body gets 422.
 *
 * <p>Hostile clients are bounded everywhere: bodies over the limit are refused (413) before they
 * are read, remembered answers are bounded in bytes, failed authentications are rate-limited per
 * address, and requests wait in a bounded queue, so every request is answered within the send
 * timeout (503 when it cannot be).
 */
public final class ReportIntakeServer implements AutoCloseable {
  private final Map<Integer, LongAdder> answers = new ConcurrentHashMap<>();

  static final int MAX_BATCH = 500;
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int WORKERS = 8;

  /** Requests that may wait for a worker; beyond them a request is answered 503 at once. */
  private static final int QUEUED = 64;

  /**
   * Wrong keys an address may present: a burst of ten, then one a second — enough for a typo, too
   * few to guess.
   */
  private static final double AUTH_FAILURES_PER_SECOND = 1;

  private static final double AUTH_FAILURE_BURST = 10;

  /** When the current request was accepted from the socket, for the deadline of its answer. */
  private static final ThreadLocal<Long> ACCEPTED_AT = new ThreadLocal<>();

  /**
   * How many limits' worth of a too-large body are read and thrown away before the 413 (see
   * readBody).
   */
  private static final int DISCARDED_BODY_LIMITS = 16;

  private final IntakeConfig config;
  private final Function<UserReport, CompletableFuture<?>> store;
  private final ReportValidator validator;
  private final TokenBucket perKey;
  private final TokenBucket perIp;
  private final TokenBucket authFailures;
  private final IdempotencyCache answered;
  private final List<byte[]> keys;
  private final HttpServer server;
  private final ThreadPoolExecutor workers;
  private final ExecutorService senders;

  private ReportIntakeServer(
      IntakeConfig config,
      Function<UserReport, CompletableFuture<?>> store,
      Clock clock,
      HttpServer server) {
    this.config = config;
    this.store = store;
    this.validator = new ReportValidator(config.services(), clock);
    this.perKey =
        new TokenBucket(config.perKeyPerSecond(), config.perKeyPerSecond() * 10, System::nanoTime);
    this.perIp =
        new TokenBucket(config.perIpPerSecond(), config.perIpPerSecond() * 10, System::nanoTime);
    this.authFailures =
        new TokenBucket(AUTH_FAILURES_PER_SECOND, AUTH_FAILURE_BURST, System::nanoTime);
    this.answered = new IdempotencyCache(config.idempotencyCacheBytes());
    this.keys = config.apiKeys().stream().map(k -> k.getBytes(StandardCharsets.UTF_8)).toList();
    this.server = server;
    this.workers =
        new ThreadPoolExecutor(
            WORKERS,
            WORKERS,
            0,
            TimeUnit.MILLISECONDS,
            new ArrayBlockingQueue<>(QUEUED),
            daemon("intake-worker"));
    this.senders = Executors.newFixedThreadPool(WORKERS, daemon("intake-send"));
  }

  /**
   * Listens on {@code port} (0 for any free one). {@code store} writes a report and completes when
   * Kafka acknowledged it.
   */
  public static ReportIntakeServer start(
      int port, IntakeConfig config, Function<UserReport, CompletableFuture<?>> store, Clock clock)
      throws IOException {
    HttpServer server = Listening.on(port, "intake", "--port");
    ReportIntakeServer intake = new ReportIntakeServer(config, store, clock, server);
    server.createContext("/v1/reports", intake::handle);
    server.setExecutor(intake::dispatch);
    server.start();
    return intake;
  }

  public int port() {
    return server.getAddress().getPort();
  }

  /**
   * Serves another API under {@code path} on this server (the business API), on the same workers.
   */
  public void serve(String path, HttpHandler handler) {
    server.createContext(path, handler);
  }

  @Override
  public void close() {
    server.stop(0);
    workers.shutdownNow();
    senders.shutdownNow();
  }

  /**
   * Hands a request to a worker; when every worker is busy and the queue full, it is answered 503
   * here.
   */
  private void dispatch(Runnable exchange) {
    long acceptedAt = System.nanoTime();
    try {
      workers.execute(
          () -> {
            ACCEPTED_AT.set(acceptedAt);
            exchange.run();
          });
    } catch (RejectedExecutionException busy) {
      ACCEPTED_AT.set(Long.MIN_VALUE); // answered at once, without reading the body
      exchange.run();
    }
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String path = exchange.getRequestURI().getPath();
      boolean batch = path.equals("/v1/reports:batch");
      if (ACCEPTED_AT.get() == Long.MIN_VALUE) {
        send(exchange, unavailable());
      } else if (!batch && !path.equals("/v1/reports")) {
        send(
            exchange,
            new Answer(404, error("$", "no such endpoint " + ReportValidator.echo(path)), 0));
      } else if (!exchange.getRequestMethod().equals("POST")) {
        send(exchange, new Answer(405, error("$", "use POST"), 0));
      } else {
        send(exchange, answer(exchange, batch));
      }
    }
  }

  private Answer answer(HttpExchange exchange, boolean batch) throws IOException {
    String ip = "ip:" + exchange.getRemoteAddress().getAddress().getHostAddress();
    long failedTooOften = authFailures.waitFor(ip, 1);
    if (failedTooOften > 0) {
      return new Answer(
          429,
          error("X-API-Key", "too many failed authentications from this address"),
          failedTooOften);
    }
    String key = apiKey(exchange);
    if (key == null) {
      authFailures.tryTake(ip, 1);
      return new Answer(401, error("X-API-Key", "a valid API key is required"), 0);
    }
    long wait = takeRequestTokens("key:" + key, ip);
    if (wait > 0) {
      return new Answer(429, error("$", "too many requests"), wait);
    }
    String idempotencyKey = exchange.getRequestHeaders().getFirst("Idempotency-Key");
    if (idempotencyKey != null && idempotencyKey.length() > ReportValidator.MAX_ID_LENGTH) {
      return new Answer(
          400,
          error(
              "Idempotency-Key",
              "Idempotency-Key has more than " + ReportValidator.MAX_ID_LENGTH + " characters"),
          0);
    }
    byte[] raw = readBody(exchange);
    if (raw == null) {
      return new Answer(
          413, error("$", "the body is larger than " + config.maxBodyBytes() + " bytes"), 0);
    }
    JsonNode body;
    try {
      body = JSON.readTree(raw);
    } catch (IOException e) {
      return new Answer(400, error("$", "the body is not JSON"), 0);
    }
    if (idempotencyKey == null
        && !batch
        && body != null
        && body.path("id").isTextual()
        && body.get("id").asText().length() <= ReportValidator.MAX_ID_LENGTH) {
      idempotencyKey = "id:" + body.get("id").asText();
    }
    String cacheKey = idempotencyKey == null ? null : key + "|" + idempotencyKey;
    byte[] digest = sha256(raw);
    if (cacheKey != null) {
      IdempotencyCache.Remembered earlier = answered.get(cacheKey);
      if (earlier != null) {
        return Arrays.equals(earlier.bodyDigest(), digest)
            ? earlier.answer()
            : new Answer(
                422,
                error(
                    "Idempotency-Key",
                    "this Idempotency-Key (or report id) was used before with a different body"),
                0);
      }
    }
    Answer answer = batch ? batch(body, idempotencyKey) : single(body, idempotencyKey);
    if (cacheKey != null && answer.status() != 503) {
      answered.put(
          cacheKey,
          new IdempotencyCache.Remembered(digest, answer, answer.body().toString().length()));
    }
    return answer;
  }

  /**
   * Takes a token from the key's and the address's bucket, or from neither: a refused request costs
   * nothing.
   */
  private long takeRequestTokens(String key, String ip) {
    synchronized (perKey) {
      long wait = Math.max(perKey.waitFor(key, 1), perIp.waitFor(ip, 1));
      if (wait == 0) {
        perKey.tryTake(key, 1);
        perIp.tryTake(ip, 1);
      }
      return wait;
    }
  }

  /**
   * The body, or null when it is larger than allowed. A body declared too large is never held: up
   * to {@link #DISCARDED_BODY_LIMITS} limits of it are read and thrown away, so that a client still
   * sending it reads the 413 instead of a connection reset (the HTTP server resets a connection
   * closed with a body unread); a larger one is refused at once.
   */
  private byte[] readBody(HttpExchange exchange) throws IOException {
    long declared = declaredLength(exchange);
    if (declared > config.maxBodyBytes()) {
      if (declared <= (long) config.maxBodyBytes() * DISCARDED_BODY_LIMITS) {
        exchange.getRequestBody().transferTo(OutputStream.nullOutputStream());
      }
      return null;
    }
    byte[] raw = exchange.getRequestBody().readNBytes(config.maxBodyBytes() + 1);
    return raw.length > config.maxBodyBytes() ? null : raw;
  }

  /**
   * The Content-Length, -1 without one (chunked), and more than any limit when it is not a number.
   */
  private static long declaredLength(HttpExchange exchange) {
    String length = exchange.getRequestHeaders().getFirst("Content-Length");
    if (length == null) {
      return -1;
    }
    try {
      return Long.parseLong(length.trim());
    } catch (NumberFormatException e) {
      return Long.MAX_VALUE;
    }
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
      return new Answer(
          400,
          error("$", "a batch holds at most " + MAX_BATCH + " reports, this one " + body.size()),
          0);
    }
    List<UserReport> valid = new ArrayList<>();
    ArrayNode rejected = JSON.createArrayNode();
    for (int i = 0; i < body.size(); i++) {
      try {
        valid.add(
            validator.validate(
                body.get(i), idempotencyKey == null ? null : idempotencyKey + "#" + i));
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

  /**
   * Sends all and waits for every acknowledgement until the request's deadline (accepted + send
   * timeout). The sends run apart from the request, because a producer without the broker's
   * metadata blocks in {@code send}: the answer must not wait for that.
   */
  private boolean stored(List<UserReport> reports) {
    Long acceptedAt = ACCEPTED_AT.get();
    long deadline =
        (acceptedAt == null ? System.nanoTime() : acceptedAt) + config.sendTimeout().toNanos();
    try {
      CompletableFuture<Void> all =
          CompletableFuture.supplyAsync(
                  () -> reports.stream().map(store).toArray(CompletableFuture[]::new), senders)
              .thenCompose(CompletableFuture::allOf);
      all.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    } catch (Exception e) {
      return false;
    }
  }

  private static Answer unavailable() {
    return new Answer(
        503,
        error("$", "reports could not be stored right now; retry with the same Idempotency-Key"),
        5);
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
      match |=
          MessageDigest.isEqual(
              key, candidate); // no early exit: timing says nothing about which key
    }
    return match ? presented : null;
  }

  record Answer(int status, ObjectNode body, long retryAfter) {}

  private static ObjectNode error(String field, String message) {
    ObjectNode node = JSON.createObjectNode();
    node.put("error", message);
    node.put("field", field);
    return node;
  }

  private static byte[] sha256(byte[] body) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(body);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }

  private static ThreadFactory daemon(String name) {
    AtomicInteger count = new AtomicInteger();
    return runnable -> {
      Thread thread = new Thread(runnable, name + "-" + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }

  /**
   * How many requests got each status so far (202 accepted; 4xx refused by reason; 503 overloaded).
   */
  public Map<Integer, Long> answersByStatus() {
    Map<Integer, Long> snapshot = new TreeMap<>();
    answers.forEach((status, count) -> snapshot.put(status, count.sum()));
    return snapshot;
  }

  private void send(HttpExchange exchange, Answer answer) throws IOException {
    answers.computeIfAbsent(answer.status(), status -> new LongAdder()).increment();
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
