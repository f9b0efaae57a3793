package io.outageradar.service.query;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.outageradar.service.http.HtmlText;
import io.outageradar.service.http.QueryParams;
import io.outageradar.service.status.EventStream;
import io.outageradar.service.status.StatusView;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The status page and the endpoints behind it: {@code GET /} (and {@code /service/{name}}, {@code
 * /outage/{id}}) the page, {@code /assets/*} its files from the jar, {@code /overview}, {@code
 * /outages/{id}}, {@code /status/{service}/history}, {@code /reports/recent?service=S&limit=N} as
 * JSON, and {@code /events} as Server-Sent Events. Every instance holds the whole {@link
 * StatusView}, so none of these is forwarded.
 */
final class StatusRoutes {
  private static final String ASSETS = "/status-page/";
  private static final Pattern ASSET_NAME = Pattern.compile("[a-z0-9-]+(/[a-z0-9-]+)*\\.[a-z]+");
  private static final Map<String, String> TYPES =
      Map.of(
          "html", "text/html; charset=utf-8",
          "js", "text/javascript; charset=utf-8",
          "css", "text/css; charset=utf-8",
          "json", "application/json",
          "svg", "image/svg+xml");
  private static final int DEFAULT_REPORTS = 20;
  private static final int MAX_REPORTS = 50;

  private final StatusView view;
  private final EventStream events;

  private StatusRoutes(StatusView view) {
    this.view = view;
    this.events = new EventStream(view);
  }

  static StatusRoutes register(HttpServer server, StatusView view) {
    StatusRoutes routes = new StatusRoutes(view);
    server.createContext("/", exchange -> answer(exchange, routes::page));
    server.createContext("/assets/", exchange -> answer(exchange, routes::asset));
    server.createContext("/overview", exchange -> answer(exchange, routes::overview));
    server.createContext("/reports/recent", exchange -> answer(exchange, routes::recentReports));
    server.createContext("/events", exchange -> answer(exchange, routes.events::serve));
    return routes;
  }

  private interface Handler {
    void handle(HttpExchange exchange) throws IOException;
  }

  private static void answer(HttpExchange exchange, Handler handler) throws IOException {
    try (exchange) {
      handler.handle(exchange);
    }
  }

  /** {@code /outages/{id}}: one outage, or 404. */
  void outage(HttpExchange exchange, String id) throws IOException {
    sendFound(exchange, view.outage(id), "unknown outage " + id);
  }

  /** {@code /status/{service}/history}: the service page's data, or 404. */
  void history(HttpExchange exchange, String service) throws IOException {
    sendFound(exchange, view.history(service), "unknown service " + service);
  }

  private void overview(HttpExchange exchange) throws IOException {
    Answers.send(exchange, 200, view.overview());
  }

  private void recentReports(HttpExchange exchange) throws IOException {
    Map<String, String> params = QueryParams.of(exchange.getRequestURI());
    String service = params.get("service");
    int limit;
    try {
      limit = Integer.parseInt(params.getOrDefault("limit", Integer.toString(DEFAULT_REPORTS)));
    } catch (NumberFormatException e) {
      limit = -1;
    }
    if (service == null || service.isBlank() || limit < 1 || limit > MAX_REPORTS) {
      Answers.send(
          exchange,
          400,
          Answers.error("give service=NAME and, optionally, limit=1.." + MAX_REPORTS));
      return;
    }
    sendFound(exchange, view.recentReports(service, limit), "unknown service " + service);
  }

  /** What was found, or a 404 whose error says what was not. */
  private static void sendFound(
      HttpExchange exchange, Optional<? extends JsonNode> found, String notFound)
      throws IOException {
    if (found.isPresent()) {
      Answers.send(exchange, 200, found.get());
    } else {
      Answers.send(exchange, 404, Answers.error(notFound));
    }
  }

  private void page(HttpExchange exchange) throws IOException {
    String path = exchange.getRequestURI().getPath();
    if (path.equals("/") || path.equals("/index.html")) {
      sendAsset(exchange, 200, "index.html");
    } else if (path.startsWith("/service/") && view.knows(tail(path, "/service/"))) {
      sendAsset(exchange, 200, "index.html");
    } else if (path.startsWith("/outage/") && view.outage(tail(path, "/outage/")).isPresent()) {
      sendAsset(exchange, 200, "index.html");
    } else {
      notFound(exchange, path);
    }
  }

  private void asset(HttpExchange exchange) throws IOException {
    String name = exchange.getRequestURI().getPath().substring("/assets/".length());
    if (!ASSET_NAME.matcher(name).matches() || read(name) == null) {
      notFound(exchange, exchange.getRequestURI().getPath());
      return;
    }
    exchange.getResponseHeaders().add("Cache-Control", "no-cache");
    sendAsset(exchange, 200, name);
  }

  private static String tail(String path, String prefix) {
    return URLDecoder.decode(path.substring(prefix.length()), StandardCharsets.UTF_8);
  }

  /** A page a person can read, saying what was not found, with the way back. */
  private static void notFound(HttpExchange exchange, String path) throws IOException {
    String what =
        path.startsWith("/service/")
            ? "No service called “" + tail(path, "/service/") + "” is monitored here."
            : path.startsWith("/outage/")
                ? "No outage with the id “" + tail(path, "/outage/") + "” is known here."
                : "There is no page at " + path + ".";
    String html =
        new String(read("not-found.html"), StandardCharsets.UTF_8)
            .replace("{{what}}", HtmlText.escape(what));
    Answers.send(exchange, 404, TYPES.get("html"), html.getBytes(StandardCharsets.UTF_8));
  }

  private static void sendAsset(HttpExchange exchange, int status, String name) throws IOException {
    String extension = name.substring(name.lastIndexOf('.') + 1);
    Answers.send(
        exchange, status, TYPES.getOrDefault(extension, "application/octet-stream"), read(name));
  }

  private static byte[] read(String name) {
    try (InputStream in = StatusRoutes.class.getResourceAsStream(ASSETS + name)) {
      return in == null ? null : in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
