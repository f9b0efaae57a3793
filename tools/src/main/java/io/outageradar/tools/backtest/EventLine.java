package io.outageradar.tools.backtest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.outageradar.avro.CheckKind;
import io.outageradar.avro.ProbeResult;
import io.outageradar.avro.ProbeStatus;
import io.outageradar.avro.ReportCategory;
import io.outageradar.avro.ReportSource;
import io.outageradar.avro.UserReport;
import io.outageradar.avro.VendorState;
import io.outageradar.avro.VendorStatus;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;

/**
 * One line of the {@code backtest --events} format (a public contract: fields may be added, never
 * renamed): {@code {"type":"probe",...}}, {@code {"type":"report",...}} or {@code
 * {"type":"vendor",...}} (what a service's status page said of a component: vendor, component,
 * state, incident, url). Parsing any gives the record the pipeline would have received, or an error
 * naming what is wrong.
 */
public final class EventLine {
  private static final ObjectMapper JSON = new ObjectMapper();

  private EventLine() {}

  /** A line that is not a valid event. */
  public static final class InvalidEventException extends Exception {
    private static final long serialVersionUID = 1L;

    InvalidEventException(String message) {
      super(message);
    }
  }

  /**
   * The line for a probe or report: the inverse of {@link #parse}, used by {@code replay
   * --to-file}.
   */
  public static String format(SpecificRecord event) {
    ObjectNode node = JSON.createObjectNode();
    if (event instanceof ProbeResult probe) {
      node.put("type", "probe");
      node.put("timestamp", probe.getObservedAt().toString());
      node.put("service", probe.getService());
      node.put("region", probe.getRegion());
      node.put("agent", probe.getAgent());
      node.put("check", probe.getKind().name());
      node.put("target", probe.getTarget());
      node.put("status", probe.getStatus().name());
      if (probe.getLatencyMs() != null) {
        node.put("latencyMs", probe.getLatencyMs());
      }
      if (probe.getHttpStatus() != null) {
        node.put("httpStatus", probe.getHttpStatus());
      }
      node.put("id", probe.getProbeId());
    } else if (event instanceof UserReport report) {
      node.put("type", "report");
      node.put("timestamp", report.getReportedAt().toString());
      node.put("service", report.getService());
      node.put("region", report.getRegion());
      node.put("reporter", report.getReporterId());
      node.put("category", report.getCategory().name());
      node.put("text", report.getText());
      node.put("source", report.getSource().name());
      if (report.getLang() != null) {
        node.put("lang", report.getLang());
      }
      if (report.getSentiment() != null) {
        node.put("sentiment", report.getSentiment());
      }
      node.put("id", report.getReportId());
    } else if (event instanceof VendorStatus status) {
      node.put("type", "vendor");
      node.put("timestamp", status.getObservedAt().toString());
      node.put("service", status.getService());
      node.put("region", status.getRegion());
      node.put("vendor", status.getVendor());
      node.put("component", status.getComponent());
      node.put("state", status.getState().name());
      if (status.getIncident() != null) {
        node.put("incident", status.getIncident());
      }
      if (status.getIncidentStatus() != null) {
        node.put("incidentStatus", status.getIncidentStatus());
      }
      if (status.getUrl() != null) {
        node.put("url", status.getUrl());
      }
      if (status.getStatedAt() != null) {
        node.put("statedAt", status.getStatedAt().toString());
      }
      node.put("id", status.getStatusId());
    } else {
      throw new IllegalArgumentException("not an event: " + event.getClass().getSimpleName());
    }
    return node.toString();
  }

  public static SpecificRecord parse(String line) throws InvalidEventException {
    JsonNode node;
    try {
      node = JSON.readTree(line);
    } catch (JsonProcessingException e) {
      throw new InvalidEventException("not JSON: " + e.getOriginalMessage());
    }
    if (node == null || !node.isObject()) {
      throw new InvalidEventException("not a JSON object");
    }
    String type = text(node, "type");
    return switch (type) {
      case "probe" -> probe(node);
      case "report" -> report(node);
      case "vendor" -> vendor(node);
      default ->
          throw new InvalidEventException(
              "unknown type \"" + type + "\" (expected probe, report or vendor)");
    };
  }

  private static ProbeResult probe(JsonNode node) throws InvalidEventException {
    return ProbeResult.newBuilder()
        .setProbeId(optionalText(node, "id", UUID.randomUUID().toString()))
        .setService(text(node, "service"))
        .setRegion(text(node, "region"))
        .setAgent(text(node, "agent"))
        .setKind(enumValue(CheckKind.class, node, "check"))
        .setTarget(optionalText(node, "target", ""))
        .setStatus(enumValue(ProbeStatus.class, node, "status"))
        .setLatencyMs(node.hasNonNull("latencyMs") ? node.get("latencyMs").asInt() : null)
        .setObservedAt(timestamp(node))
        .setHttpStatus(node.hasNonNull("httpStatus") ? node.get("httpStatus").asInt() : null)
        .setCertDaysToExpiry(
            node.hasNonNull("certDaysToExpiry") ? node.get("certDaysToExpiry").asInt() : null)
        .setDetail(node.hasNonNull("detail") ? node.get("detail").asText() : null)
        .build();
  }

  private static UserReport report(JsonNode node) throws InvalidEventException {
    return UserReport.newBuilder()
        .setReportId(optionalText(node, "id", UUID.randomUUID().toString()))
        .setService(text(node, "service"))
        .setRegion(text(node, "region"))
        .setReporterId(text(node, "reporter"))
        .setSource(
            node.hasNonNull("source")
                ? enumValue(ReportSource.class, node, "source")
                : ReportSource.UNKNOWN)
        .setCategory(
            node.hasNonNull("category")
                ? enumValue(ReportCategory.class, node, "category")
                : ReportCategory.OTHER)
        .setText(optionalText(node, "text", ""))
        .setLang(node.hasNonNull("lang") ? node.get("lang").asText() : null)
        .setReportedAt(timestamp(node))
        .setSentiment(node.hasNonNull("sentiment") ? node.get("sentiment").asDouble() : null)
        .build();
  }

  private static VendorStatus vendor(JsonNode node) throws InvalidEventException {
    Instant at = timestamp(node);
    String vendor = text(node, "vendor");
    String component = text(node, "component");
    String region = text(node, "region");
    return VendorStatus.newBuilder()
        .setStatusId(
            optionalText(
                node, "id", vendor + '|' + component + '|' + region + '|' + at.toEpochMilli()))
        .setVendor(vendor)
        .setService(text(node, "service"))
        .setRegion(region)
        .setComponent(component)
        .setState(enumValue(VendorState.class, node, "state"))
        .setIncident(optionalText(node, "incident", null))
        .setIncidentStatus(optionalText(node, "incidentStatus", null))
        .setUrl(optionalText(node, "url", null))
        .setObservedAt(at)
        .setStatedAt(node.hasNonNull("statedAt") ? time(node, "statedAt") : null)
        .build();
  }

  private static Instant timestamp(JsonNode node) throws InvalidEventException {
    return time(node, "timestamp");
  }

  private static Instant time(JsonNode node, String field) throws InvalidEventException {
    String raw = text(node, field);
    try {
      return Instant.parse(raw);
    } catch (DateTimeParseException e) {
      throw new InvalidEventException(
          field + " \"" + raw + "\" is not ISO-8601 UTC (e.g. 2021-10-04T15:40:00Z)");
    }
  }

  private static String text(JsonNode node, String field) throws InvalidEventException {
    JsonNode value = node.get(field);
    if (value == null || value.isNull() || value.asText().isBlank()) {
      throw new InvalidEventException("missing field \"" + field + "\"");
    }
    return value.asText();
  }

  private static String optionalText(JsonNode node, String field, String fallback) {
    return node.hasNonNull(field) ? node.get(field).asText() : fallback;
  }

  private static <E extends Enum<E>> E enumValue(Class<E> type, JsonNode node, String field)
      throws InvalidEventException {
    String raw = text(node, field);
    try {
      return Enum.valueOf(type, raw);
    } catch (IllegalArgumentException e) {
      throw new InvalidEventException("field \"" + field + "\" has unknown value \"" + raw + "\"");
    }
  }
}
