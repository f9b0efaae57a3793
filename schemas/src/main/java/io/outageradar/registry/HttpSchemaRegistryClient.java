package io.outageradar.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Client of the Confluent Schema Registry REST API (v1 content type). Ids and schemas are immutable
 * in a registry, so both directions are cached for the life of the client; {@code latest} is not.
 * 5xx answers and I/O errors are retried with exponential backoff; 4xx answers are not, and surface
 * the API's {@code error_code} and {@code message} in a {@link SchemaRegistryException}.
 */
public final class HttpSchemaRegistryClient implements SchemaRegistryClient {
  private static final Logger LOG = LoggerFactory.getLogger(HttpSchemaRegistryClient.class);
  private static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final RegistryOptions options;
  private final String baseUrl;
  private final HttpClient http;
  private final Map<Integer, Schema> schemaById = new ConcurrentHashMap<>();
  private final Map<String, Map<Schema, Integer>> idBySubjectAndSchema = new ConcurrentHashMap<>();

  HttpSchemaRegistryClient(RegistryOptions options) {
    this.options = options;
    this.baseUrl =
        options.url().endsWith("/")
            ? options.url().substring(0, options.url().length() - 1)
            : options.url();
    HttpClient.Builder builder = HttpClient.newBuilder().connectTimeout(options.requestTimeout());
    if (options.sslContext() != null) {
      builder.sslContext(options.sslContext());
    }
    this.http = builder.build();
  }

  @Override
  public int register(String subject, Schema schema) {
    Map<Schema, Integer> ids =
        idBySubjectAndSchema.computeIfAbsent(subject, s -> new ConcurrentHashMap<>());
    Integer cached = ids.get(schema);
    if (cached != null) {
      return cached;
    }
    JsonNode answer =
        send("POST", "/subjects/" + encode(subject) + "/versions", schemaBody(schema));
    int id = answer.path("id").asInt(-1);
    if (id < 0) {
      throw new SchemaRegistryException("register answer has no id: " + answer, null);
    }
    ids.put(schema, id);
    schemaById.putIfAbsent(id, schema);
    return id;
  }

  @Override
  public Schema getById(int id) {
    Schema cached = schemaById.get(id);
    if (cached != null) {
      return cached;
    }
    JsonNode answer = send("GET", "/schemas/ids/" + id, null);
    Schema schema = new Schema.Parser().parse(answer.path("schema").asText());
    schemaById.putIfAbsent(id, schema);
    return schema;
  }

  @Override
  public RegisteredSchema latest(String subject) {
    JsonNode answer = send("GET", "/subjects/" + encode(subject) + "/versions/latest", null);
    Schema schema = new Schema.Parser().parse(answer.path("schema").asText());
    int id = answer.path("id").asInt();
    schemaById.putIfAbsent(id, schema);
    return new RegisteredSchema(
        answer.path("subject").asText(subject), id, answer.path("version").asInt(), schema);
  }

  @Override
  public boolean isCompatible(String subject, Schema schema) {
    try {
      JsonNode answer =
          send(
              "POST",
              "/compatibility/subjects/" + encode(subject) + "/versions/latest",
              schemaBody(schema));
      return answer.path("is_compatible").asBoolean(false);
    } catch (SchemaRegistryException e) {
      if (e.errorCode() == SUBJECT_NOT_FOUND || e.errorCode() == VERSION_NOT_FOUND) {
        return true;
      }
      throw e;
    }
  }

  /** The URL without any user info, so that credentials written into it never reach a message. */
  @Override
  public String location() {
    URI uri = URI.create(baseUrl);
    return uri.getUserInfo() == null ? baseUrl : baseUrl.replace(uri.getRawUserInfo() + "@", "");
  }

  private static final int SUBJECT_NOT_FOUND = 40401;
  private static final int VERSION_NOT_FOUND = 40402;

  private String schemaBody(Schema schema) {
    ObjectNode body = JSON.createObjectNode();
    body.put("schemaType", "AVRO");
    body.put("schema", schema.toString());
    return body.toString();
  }

  private JsonNode send(String method, String path, String body) {
    HttpRequest request = request(method, path, body);
    Duration backoff = options.initialBackoff();
    for (int attempt = 0; ; attempt++) {
      boolean lastAttempt = attempt >= options.maxRetries();
      try {
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 == 2) {
          return JSON.readTree(response.body());
        }
        SchemaRegistryException error = errorOf(response);
        if (response.statusCode() < 500 || lastAttempt) {
          throw error;
        }
        LOG.warn(
            "{} {} failed ({}), retrying in {} ms",
            method,
            path,
            error.getMessage(),
            backoff.toMillis());
      } catch (IOException e) {
        if (lastAttempt) {
          throw new SchemaRegistryException(
              method + " " + path + " failed after " + (attempt + 1) + " attempts", e);
        }
        LOG.warn(
            "{} {} failed ({}), retrying in {} ms", method, path, e.toString(), backoff.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new SchemaRegistryException(method + " " + path + " interrupted", e);
      }
      pause(backoff);
      backoff = backoff.multipliedBy(2);
    }
  }

  private HttpRequest request(String method, String path, String body) {
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(URI.create(baseUrl + path))
            .timeout(options.requestTimeout())
            .header("Accept", CONTENT_TYPE + ", application/json")
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    if (body != null) {
      builder.header("Content-Type", CONTENT_TYPE);
    }
    if (options.basicAuthUserInfo() != null) {
      String token =
          Base64.getEncoder()
              .encodeToString(options.basicAuthUserInfo().getBytes(StandardCharsets.UTF_8));
      builder.header("Authorization", "Basic " + token);
    }
    return builder.build();
  }

  private static SchemaRegistryException errorOf(HttpResponse<String> response) {
    int errorCode = response.statusCode();
    String message = response.body();
    try {
      JsonNode error = JSON.readTree(response.body());
      errorCode = error.path("error_code").asInt(errorCode);
      message = error.path("message").asText(message);
    } catch (IOException notJson) {
      // A proxy in front of the registry may answer with HTML; keep its body as the message.
    }
    return new SchemaRegistryException(response.statusCode(), errorCode, message);
  }

  private static void pause(Duration backoff) {
    try {
      Thread.sleep(backoff.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SchemaRegistryException("interrupted during retry backoff", e);
    }
  }

  private static String encode(String subject) {
    return URLEncoder.encode(subject, StandardCharsets.UTF_8);
  }
}
