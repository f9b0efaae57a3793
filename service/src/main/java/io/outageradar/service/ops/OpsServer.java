package io.outageradar.service.ops;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.outageradar.producers.http.Listening;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.Executors;

/**
 * {@code GET /health/live}, {@code GET /health/ready} (200 or 503 with the failing checks as JSON)
 * and {@code GET /metrics} (Prometheus text format) on a port of their own, so a probe of the
 * process never waits behind its real work.
 */
public final class OpsServer implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpServer server;

  private OpsServer(HttpServer server) {
    this.server = server;
  }

  /** Listens on {@code port} (0 for any free one) on every interface. */
  public static OpsServer start(int port, Health health, PrometheusMeterRegistry metrics)
      throws IOException {
    HttpServer server = Listening.on(port, "health", "health.port");
    server.createContext(
        "/health/live",
        exchange -> {
          boolean live = health.live();
          send(
              exchange,
              live ? 200 : 503,
              "application/json",
              status(live ? Map.of() : Map.of("process", health.fatal().orElse(""))));
        });
    server.createContext(
        "/health/ready",
        exchange -> {
          Map<String, String> problems = health.problems();
          send(exchange, problems.isEmpty() ? 200 : 503, "application/json", status(problems));
        });
    server.createContext(
        "/metrics",
        exchange ->
            send(exchange, 200, "text/plain; version=0.0.4; charset=utf-8", metrics.scrape()));
    server.setExecutor(
        Executors.newSingleThreadExecutor(
            runnable -> {
              Thread thread = new Thread(runnable, "outage-radar-ops-http");
              thread.setDaemon(true);
              return thread;
            }));
    server.start();
    return new OpsServer(server);
  }

  public int port() {
    return server.getAddress().getPort();
  }

  private static String status(Map<String, String> problems) {
    ObjectNode node = JSON.createObjectNode();
    node.put("status", problems.isEmpty() ? "UP" : "DOWN");
    ObjectNode failing = node.putObject("problems");
    problems.forEach(failing::put);
    return node.toString();
  }

  private static void send(HttpExchange exchange, int status, String type, String body)
      throws IOException {
    try (exchange) {
      if (!exchange.getRequestMethod().equals("GET")) {
        exchange.sendResponseHeaders(405, -1);
        return;
      }
      byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", type);
      exchange.sendResponseHeaders(status, bytes.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(bytes);
      }
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
