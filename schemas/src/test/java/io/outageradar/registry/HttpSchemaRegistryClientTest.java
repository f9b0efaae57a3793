package io.outageradar.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.outageradar.avro.ProbeResult;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.apache.avro.Schema;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Contract tests against a local HTTP server that answers the way the Confluent Schema Registry
 * documents (content type, bodies, error_code values).
 */
class HttpSchemaRegistryClientTest {
  private static final String V1 = "application/vnd.schemaregistry.v1+json";
  private static final Schema SCHEMA = ProbeResult.getClassSchema();

  private HttpServer server;
  private final Deque<Answer> answers = new ArrayDeque<>();
  private final List<Request> requests = new ArrayList<>();
  private SchemaRegistryClient client;

  record Answer(int status, String body) {}

  record Request(
      String method, String path, String contentType, String authorization, String body) {}

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", this::answer);
    server.start();
    client =
        RegistryOptions.of("http://127.0.0.1:" + server.getAddress().getPort() + "/")
            .withRetries(2, Duration.ofMillis(1))
            .withBasicAuth("radar:s3cret")
            .connect();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  private void answer(HttpExchange exchange) throws IOException {
    String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    synchronized (requests) {
      requests.add(
          new Request(
              exchange.getRequestMethod(),
              exchange.getRequestURI().getRawPath(),
              exchange.getRequestHeaders().getFirst("Content-Type"),
              exchange.getRequestHeaders().getFirst("Authorization"),
              body));
    }
    Answer answer =
        answers.isEmpty()
            ? new Answer(500, "{\"error_code\":50001,\"message\":\"no answer scripted\"}")
            : answers.poll();
    byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", V1);
    exchange.sendResponseHeaders(answer.status(), bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  @Test
  void registersUnderTheSubjectAndCachesTheId() {
    answers.add(new Answer(200, "{\"id\":7}"));

    assertThat(client.register("probe-results-value", SCHEMA)).isEqualTo(7);
    assertThat(client.register("probe-results-value", SCHEMA)).isEqualTo(7);

    assertThat(requests).hasSize(1);
    Request request = requests.get(0);
    assertThat(request.method()).isEqualTo("POST");
    assertThat(request.path()).isEqualTo("/subjects/probe-results-value/versions");
    assertThat(request.contentType()).isEqualTo(V1);
    assertThat(request.authorization()).isEqualTo("Basic cmFkYXI6czNjcmV0");
    assertThat(request.body())
        .contains("\"schemaType\":\"AVRO\"")
        .contains("\"schema\":\"{\\\"type\\\":\\\"record\\\"");
  }

  @Test
  void fetchesASchemaByIdOnce() {
    answers.add(new Answer(200, "{\"schema\":" + quoted(SCHEMA.toString()) + "}"));

    assertThat(client.getById(7)).isEqualTo(SCHEMA);
    assertThat(client.getById(7)).isEqualTo(SCHEMA);

    assertThat(requests).extracting(Request::path).containsExactly("/schemas/ids/7");
  }

  @Test
  void readsTheLatestVersion() {
    answers.add(
        new Answer(
            200,
            "{\"subject\":\"probe-results-value\",\"id\":7,\"version\":3,\"schema\":"
                + quoted(SCHEMA.toString())
                + "}"));

    RegisteredSchema latest = client.latest("probe-results-value");

    assertThat(latest.id()).isEqualTo(7);
    assertThat(latest.version()).isEqualTo(3);
    assertThat(latest.schema()).isEqualTo(SCHEMA);
    assertThat(requests.get(0).path()).isEqualTo("/subjects/probe-results-value/versions/latest");
  }

  @Test
  void checksCompatibilityAgainstTheLatestVersion() {
    answers.add(new Answer(200, "{\"is_compatible\":false}"));
    answers.add(new Answer(200, "{\"is_compatible\":true}"));

    assertThat(client.isCompatible("probe-results-value", SCHEMA)).isFalse();
    assertThat(client.isCompatible("probe-results-value", SCHEMA)).isTrue();
    assertThat(requests.get(0).path())
        .isEqualTo("/compatibility/subjects/probe-results-value/versions/latest");
  }

  @Test
  void aSubjectWithoutVersionsAcceptsAnySchema() {
    answers.add(
        new Answer(
            404,
            "{\"error_code\":40401,\"message\":\"Subject 'probe-results-value' not found.\"}"));

    assertThat(client.isCompatible("probe-results-value", SCHEMA)).isTrue();
  }

  @Test
  void surfacesTheErrorCodeAndMessageWithoutRetryingA4xx() {
    answers.add(new Answer(404, "{\"error_code\":40403,\"message\":\"Schema 99 not found\"}"));

    assertThatThrownBy(() -> client.getById(99))
        .isInstanceOfSatisfying(
            SchemaRegistryException.class,
            e -> {
              assertThat(e.httpStatus()).isEqualTo(404);
              assertThat(e.errorCode()).isEqualTo(40403);
            })
        .hasMessageContaining("Schema 99 not found");
    assertThat(requests).hasSize(1);
  }

  @Test
  void anIncompatibleRegistrationIsA409() {
    answers.add(
        new Answer(
            409,
            "{\"error_code\":409,\"message\":\"Schema being registered is incompatible with an earlier schema\"}"));

    assertThatThrownBy(() -> client.register("probe-results-value", SCHEMA))
        .isInstanceOfSatisfying(
            SchemaRegistryException.class, e -> assertThat(e.errorCode()).isEqualTo(409))
        .hasMessageContaining("incompatible");
  }

  @Test
  void retries5xxThenSucceeds() {
    answers.add(
        new Answer(
            503,
            "{\"error_code\":50003,\"message\":\"Error while forwarding the request to the leader\"}"));
    answers.add(
        new Answer(500, "{\"error_code\":50001,\"message\":\"Error in the backend data store\"}"));
    answers.add(new Answer(200, "{\"id\":3}"));

    assertThat(client.register("alerts-value", SCHEMA)).isEqualTo(3);
    assertThat(requests).hasSize(3);
  }

  @Test
  void givesUpAfterTheBoundedRetries() {
    for (int i = 0; i < 5; i++) {
      answers.add(
          new Answer(
              500, "{\"error_code\":50001,\"message\":\"Error in the backend data store\"}"));
    }

    assertThatThrownBy(() -> client.register("alerts-value", SCHEMA))
        .isInstanceOfSatisfying(
            SchemaRegistryException.class, e -> assertThat(e.errorCode()).isEqualTo(50001));
    assertThat(requests).hasSize(3);
  }

  @Test
  void anUnreachableRegistryFailsWithACause() {
    server.stop(0);

    assertThatThrownBy(() -> client.getById(1))
        .isInstanceOf(SchemaRegistryException.class)
        .hasMessageContaining("after 3 attempts")
        .hasCauseInstanceOf(IOException.class);
  }

  @Test
  void rejectsAnUnknownUrlScheme() {
    assertThatThrownBy(() -> RegistryOptions.of("ftp://registry").connect())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("ftp://registry");
  }

  private static String quoted(String json) {
    return "\"" + json.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }
}
