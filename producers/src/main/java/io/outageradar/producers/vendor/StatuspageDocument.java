package io.outageradar.producers.vendor;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.outageradar.avro.VendorState;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * An Atlassian Statuspage document: {@code /api/v2/summary.json} (components with their status, and
 * the unresolved incidents), {@code components.json}, {@code incidents.json} or {@code
 * incidents/unresolved.json} (incidents only), or {@code status.json} (one indicator for the page).
 *
 * <p>A component's state is its own {@code status} when the document lists components; from an
 * incidents-only document it is the status the unresolved incident gives the component, else what
 * the incident's impact implies, and a component no unresolved incident names is operational.
 */
final class StatuspageDocument {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Set<String> CLOSED = Set.of("resolved", "postmortem", "completed");

  private StatuspageDocument() {}

  /**
   * The words on the components named in {@code wanted} (by name, case-insensitive, or by id), in
   * the order wanted; a wanted component the document does not mention is left out.
   */
  static List<ComponentWord> read(String body, List<String> wanted) {
    JsonNode root;
    try {
      root = JSON.readTree(body);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("not JSON: " + e.getOriginalMessage());
    }
    if (root == null || !(root.has("components") || root.has("incidents") || root.has("status"))) {
      throw new IllegalArgumentException(
          "not a Statuspage document (no \"components\", \"incidents\" or \"status\")");
    }
    if (!root.has("components") && !root.has("incidents")) {
      return pageWide(root, wanted);
    }
    Map<String, ComponentWord> words = new LinkedHashMap<>();
    boolean listsComponents = root.path("components").isArray();
    for (JsonNode component : root.path("components")) {
      String name = component.path("name").asText();
      match(wanted, name, component.path("id").asText())
          .ifPresent(
              key ->
                  words.put(
                      key,
                      new ComponentWord(
                          name,
                          state(component.path("status").asText()),
                          null,
                          null,
                          pageLink(root),
                          time(component.path("updated_at")))));
    }
    for (JsonNode incident : root.path("incidents")) {
      String status = incident.path("status").asText().toLowerCase(Locale.ROOT);
      if (CLOSED.contains(status)) {
        continue;
      }
      for (JsonNode component : incident.path("components")) {
        String name = component.path("name").asText();
        Optional<String> key = match(wanted, name, component.path("id").asText());
        if (key.isEmpty()) {
          continue;
        }
        ComponentWord before = words.get(key.get());
        VendorState state =
            listsComponents && before != null
                ? before.state()
                : component.hasNonNull("status")
                    ? state(component.path("status").asText())
                    : fromImpact(incident.path("impact").asText());
        words.put(
            key.get(),
            new ComponentWord(
                name,
                state,
                incident.path("name").asText(null),
                status,
                incident.hasNonNull("shortlink")
                    ? incident.get("shortlink").asText()
                    : pageLink(root),
                time(incident.path("updated_at"))));
      }
    }
    if (!listsComponents) {
      // an incidents-only document: a component no open incident names is working
      for (String name : wanted) {
        words.putIfAbsent(
            key(name),
            new ComponentWord(name, VendorState.OPERATIONAL, null, null, pageLink(root), null));
      }
    }
    return wanted.stream().map(w -> words.get(key(w))).filter(w -> w != null).toList();
  }

  /**
   * {@code status.json}: one indicator for the whole page (none, minor, major, critical,
   * maintenance), given to every wanted component.
   */
  private static List<ComponentWord> pageWide(JsonNode root, List<String> wanted) {
    String indicator = root.path("status").path("indicator").asText();
    if (indicator.isBlank()) {
      throw new IllegalArgumentException("not a Statuspage document (a status with no indicator)");
    }
    VendorState state =
        "none".equalsIgnoreCase(indicator) ? VendorState.OPERATIONAL : fromImpact(indicator);
    String said = root.path("status").path("description").asText(null);
    return wanted.stream()
        .map(
            name ->
                new ComponentWord(
                    name,
                    state,
                    state == VendorState.OPERATIONAL ? null : said,
                    null,
                    pageLink(root),
                    time(root.path("page").path("updated_at"))))
        .toList();
  }

  private static Optional<String> match(List<String> wanted, String name, String id) {
    for (String w : wanted) {
      if (w.equalsIgnoreCase(name) || w.equals(id)) {
        return Optional.of(key(w));
      }
    }
    return Optional.empty();
  }

  private static String key(String wanted) {
    return wanted.toLowerCase(Locale.ROOT);
  }

  /** A component status as Statuspage spells it; anything else is UNKNOWN, never an error. */
  static VendorState state(String status) {
    return switch (status.toLowerCase(Locale.ROOT)) {
      case "operational" -> VendorState.OPERATIONAL;
      case "degraded_performance" -> VendorState.DEGRADED_PERFORMANCE;
      case "partial_outage" -> VendorState.PARTIAL_OUTAGE;
      case "major_outage" -> VendorState.MAJOR_OUTAGE;
      case "under_maintenance" -> VendorState.UNDER_MAINTENANCE;
      default -> VendorState.UNKNOWN;
    };
  }

  private static VendorState fromImpact(String impact) {
    return switch (impact.toLowerCase(Locale.ROOT)) {
      case "critical" -> VendorState.MAJOR_OUTAGE;
      case "major" -> VendorState.PARTIAL_OUTAGE;
      case "maintenance" -> VendorState.UNDER_MAINTENANCE;
      default -> VendorState.DEGRADED_PERFORMANCE;
    };
  }

  private static String pageLink(JsonNode root) {
    JsonNode url = root.path("page").path("url");
    return url.isTextual() ? url.asText() : null;
  }

  private static Instant time(JsonNode value) {
    if (!value.isTextual()) {
      return null;
    }
    try {
      return OffsetDateTime.parse(value.asText()).toInstant();
    } catch (DateTimeParseException e) {
      return null; // the page's own clock is a detail; the poll time orders statements
    }
  }
}
