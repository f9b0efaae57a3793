package io.outageradar.producers.intake;

import com.fasterxml.jackson.databind.JsonNode;
import io.outageradar.avro.ReportCategory;
import io.outageradar.avro.ReportSource;
import io.outageradar.avro.UserReport;
import io.outageradar.model.ReportText;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

/** Turns one JSON report into a {@link UserReport}, or says which field is wrong and why. */
final class ReportValidator {
  static final Duration MAX_FUTURE = Duration.ofMinutes(5);
  private static final Set<String> REGIONS = Set.of(Locale.getISOCountries());

  /** A field a client got wrong. */
  static final class InvalidReport extends Exception {
    final String field;

    InvalidReport(String field, String message) {
      super(message);
      this.field = field;
    }
  }

  private final Set<String> services;
  private final Clock clock;

  ReportValidator(Set<String> services, Clock clock) {
    this.services = services;
    this.clock = clock;
  }

  UserReport validate(JsonNode report, String idempotencyFallback) throws InvalidReport {
    if (report == null || !report.isObject()) {
      throw new InvalidReport("$", "a report must be a JSON object");
    }
    String service = required(report, "service");
    if (!services.contains(service)) {
      throw new InvalidReport("service", "unknown service \"" + service + "\"");
    }
    String region = required(report, "region").toUpperCase(Locale.ROOT);
    if (!REGIONS.contains(region)) {
      throw new InvalidReport("region", "\"" + region + "\" is not an ISO 3166-1 alpha-2 country code");
    }
    String text = report.hasNonNull("text") ? report.get("text").asText() : "";
    if (text.length() > ReportText.MAX_LENGTH) {
      throw new InvalidReport("text", "text has " + text.length() + " characters, more than " + ReportText.MAX_LENGTH);
    }
    Instant now = clock.instant();
    Instant at = now;
    if (report.hasNonNull("timestamp")) {
      try {
        at = Instant.parse(report.get("timestamp").asText());
      } catch (DateTimeParseException e) {
        throw new InvalidReport("timestamp", "timestamp must be ISO-8601 UTC, e.g. 2021-10-04T15:41:07Z");
      }
      if (at.isAfter(now.plus(MAX_FUTURE))) {
        throw new InvalidReport("timestamp", "timestamp is more than 5 minutes in the future");
      }
    }
    ReportCategory category = enumOf(ReportCategory.class, report, "category", ReportCategory.OTHER);
    ReportSource source = enumOf(ReportSource.class, report, "source", ReportSource.API);
    String id = report.hasNonNull("id") ? report.get("id").asText()
        : idempotencyFallback != null ? idempotencyFallback : UUID.randomUUID().toString();
    return UserReport.newBuilder()
        .setReportId(id)
        .setService(service)
        .setRegion(region)
        .setReporterId(required(report, "reporter"))
        .setSource(source)
        .setCategory(category)
        .setText(text)
        .setLang(report.hasNonNull("lang") ? report.get("lang").asText() : null)
        .setReportedAt(at)
        .setSentiment(null)
        .build();
  }

  private static String required(JsonNode report, String field) throws InvalidReport {
    JsonNode value = report.get(field);
    if (value == null || value.isNull() || value.asText().isBlank()) {
      throw new InvalidReport(field, "missing field \"" + field + "\"");
    }
    return value.asText();
  }

  private static <E extends Enum<E>> E enumOf(Class<E> type, JsonNode report, String field, E fallback) throws InvalidReport {
    if (!report.hasNonNull(field)) {
      return fallback;
    }
    try {
      return Enum.valueOf(type, report.get(field).asText().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new InvalidReport(field, "unknown " + field + " \"" + report.get(field).asText() + "\"");
    }
  }
}
