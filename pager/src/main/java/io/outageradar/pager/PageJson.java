package io.outageradar.pager;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.outageradar.avro.Page;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** JSON building blocks the integrations share. */
final class PageJson {
  static final ObjectMapper MAPPER = new ObjectMapper();
  static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);

  private PageJson() {}

  /** The page itself, field for field, as the generic webhook sends it. */
  static ObjectNode of(Page page) {
    ObjectNode node = MAPPER.createObjectNode();
    node.put("dedupKey", page.getDedupKey());
    node.put("action", page.getAction().name());
    node.put("at", page.getAt().toString());
    node.put("service", page.getService());
    node.put("scope", page.getScope().name());
    page.getRegions().forEach(node.putArray("regions")::add);
    node.put("cause", page.getCause().name());
    node.put("severity", page.getSeverity().name());
    node.put("summary", page.getSummary());
    node.put("onset", page.getOnset().toString());
    node.put("renotify", page.getRenotify());
    return node;
  }

  static byte[] bytes(Object json) {
    try {
      return MAPPER.writeValueAsBytes(json);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a page that cannot be written as JSON", e);
    }
  }

  static HttpRequest.Builder post(URI url, byte[] body) {
    return HttpRequest.newBuilder(url).timeout(REQUEST_TIMEOUT)
        .header("Content-Type", "application/json")
        .header("User-Agent", "outage-radar-pager")
        .POST(HttpRequest.BodyPublishers.ofByteArray(body));
  }

  static String text(byte[] body) {
    return new String(body, StandardCharsets.UTF_8);
  }
}
