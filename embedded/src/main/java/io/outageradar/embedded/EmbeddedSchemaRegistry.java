package io.outageradar.embedded;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.outageradar.producers.http.Listening;
import io.outageradar.registry.MockSchemaRegistry;
import io.outageradar.registry.RegisteredSchema;
import io.outageradar.registry.SchemaRegistryException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.avro.Schema;

/**
 * The part of the Confluent Schema Registry REST API our clients use, over HTTP on a loopback port,
 * backed by an in-memory registry: lets separate processes (a {@code run} child of {@code chaos})
 * share schema ids where {@code mock://} cannot. Register, fetch by id, latest of a subject,
 * compatibility against the latest.
 */
public final class EmbeddedSchemaRegistry implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern VERSIONS = Pattern.compile("/subjects/([^/]+)/versions");
  private static final Pattern LATEST = Pattern.compile("/subjects/([^/]+)/versions/latest");
  private static final Pattern BY_ID = Pattern.compile("/schemas/ids/(\\d+)");
  private static final Pattern COMPATIBILITY =
      Pattern.compile("/compatibility/subjects/([^/]+)/versions/latest");
  private static final int SUBJECT_NOT_FOUND = 40401;

  private final String scope = "embedded-registry-" + UUID.randomUUID();
  private final MockSchemaRegistry registry = MockSchemaRegistry.forScope(scope);
  private final int port;
  private HttpServer server;

  private EmbeddedSchemaRegistry(int port) throws IOException {
    this.server = listen(port);
    this.port = server.getAddress().getPort();
  }

  public static EmbeddedSchemaRegistry start() throws IOException {
    return start(0);
  }

  /** Listens on {@code port} of the loopback interface (0 for any free one). */
  public static EmbeddedSchemaRegistry start(int port) throws IOException {
    return new EmbeddedSchemaRegistry(port);
  }

  private HttpServer listen(int port) throws IOException {
    HttpServer listening = Listening.onLoopback(port, "registry");
    listening.createContext("/", this::handle);
    listening.start();
    return listening;
  }

  public String url() {
    return "http://127.0.0.1:" + port;
  }

  /**
   * Stops answering: connections to its port are refused, as when a registry is down. Keeps its
   * schemas.
   */
  public synchronized void stopListening() {
    server.stop(0);
  }

  /** Answers again on the same port, with the schemas it had. */
  public synchronized void listenAgain() throws IOException {
    server = listen(port);
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String path = exchange.getRequestURI().getPath();
      String method = exchange.getRequestMethod();
      Matcher m;
      if (method.equals("POST") && (m = COMPATIBILITY.matcher(path)).matches()) {
        RegisteredSchema latest = latestOrNull(subject(m));
        if (latest == null) {
          notFound(exchange);
        } else {
          answer(
              exchange,
              200,
              JSON.createObjectNode()
                  .put("is_compatible", registry.isCompatible(subject(m), body(exchange))));
        }
      } else if (method.equals("GET") && (m = LATEST.matcher(path)).matches()) {
        RegisteredSchema latest = latestOrNull(subject(m));
        if (latest == null) {
          notFound(exchange);
        } else {
          answer(
              exchange,
              200,
              JSON.createObjectNode()
                  .put("subject", latest.subject())
                  .put("id", latest.id())
                  .put("version", latest.version())
                  .put("schema", latest.schema().toString()));
        }
      } else if (method.equals("POST") && (m = VERSIONS.matcher(path)).matches()) {
        answer(
            exchange,
            200,
            JSON.createObjectNode().put("id", registry.register(subject(m), body(exchange))));
      } else if (method.equals("GET") && (m = BY_ID.matcher(path)).matches()) {
        Schema schema = registry.getById(Integer.parseInt(m.group(1)));
        answer(exchange, 200, JSON.createObjectNode().put("schema", schema.toString()));
      } else {
        answer(
            exchange,
            404,
            JSON.createObjectNode()
                .put("error_code", 404)
                .put("message", "no such endpoint: " + method + " " + path));
      }
    } catch (RuntimeException e) {
      answer(
          exchange,
          422,
          JSON.createObjectNode()
              .put("error_code", 42201)
              .put("message", String.valueOf(e.getMessage())));
    }
  }

  private RegisteredSchema latestOrNull(String subject) {
    try {
      return registry.latest(subject);
    } catch (SchemaRegistryException | IllegalArgumentException e) {
      return null;
    }
  }

  private static String subject(Matcher m) {
    return URLDecoder.decode(m.group(1), StandardCharsets.UTF_8);
  }

  private static Schema body(HttpExchange exchange) throws IOException {
    JsonNode request = JSON.readTree(exchange.getRequestBody());
    return new Schema.Parser().parse(request.path("schema").asText());
  }

  private static void notFound(HttpExchange exchange) throws IOException {
    answer(
        exchange,
        404,
        JSON.createObjectNode()
            .put("error_code", SUBJECT_NOT_FOUND)
            .put("message", "Subject not found"));
  }

  private static void answer(HttpExchange exchange, int status, ObjectNode body)
      throws IOException {
    byte[] bytes = JSON.writeValueAsBytes(body);
    exchange.getResponseHeaders().set("Content-Type", "application/vnd.schemaregistry.v1+json");
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  @Override
  public synchronized void close() {
    server.stop(0);
    MockSchemaRegistry.drop(scope);
  }
}
