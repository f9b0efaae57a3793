package io.outageradar.producers.intake;

import com.fasterxml.jackson.databind.JsonNode;
import io.outageradar.avro.ReportCategory;
import io.outageradar.avro.ReportSource;
import io.outageradar.avro.UserReport;
import io.outageradar.model.Regions;
import io.outageradar.model.ReportText;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/** Turns one JSON report into a {@link UserReport}, or says which field is wrong and why. */
final class ReportValidator {
  static final Duration MAX_FUTURE = Duration.ofMinutes(5);

  /** Nothing older is a live report; older timestamps are typos or clocks that were never set. */
  static final Instant EARLIEST = Instant.parse("2000-01-01T00:00:00Z");

  /**
   * Longest report id and reporter id (and Idempotency-Key): generous for UUIDs and hashes, small
   * enough to remember many.
   */
  static final int MAX_ID_LENGTH = 128;

  /**
   * A BCP-47 language tag: a 2–3 letter language, then optional subtags (script, region, variant).
   */
  private static final Pattern LANGUAGE_TAG =
      Pattern.compile("[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8}){0,4}");

  private static final int MAX_LANGUAGE_TAG = 35;

  /** How much of a client's wrong value an error message repeats. */
  private static final int ECHO_LENGTH = 40;

  /** A field a client got wrong. */
  static final class InvalidReport extends Exception {
    private static final long serialVersionUID = 1L;

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
      throw new InvalidReport("service", "unknown service " + echo(service));
    }
    String given = required(report, "region");
    String region =
        Regions.normalize(given)
            .orElseThrow(() -> new InvalidReport("region", Regions.notACode(given)));
    String reporter = limited("reporter", required(report, "reporter"), MAX_ID_LENGTH);
    String text = limited("text", optional(report, "text", ""), ReportText.MAX_LENGTH);
    Instant at = timestamp(report);
    ReportCategory category =
        enumOf(ReportCategory.class, report, "category", ReportCategory.OTHER);
    String lang = optional(report, "lang", null);
    if (lang != null
        && (lang.length() > MAX_LANGUAGE_TAG || !LANGUAGE_TAG.matcher(lang).matches())) {
      throw new InvalidReport(
          "lang",
          "lang must be a BCP-47 language tag such as en, pt-BR or es-419, not " + echo(lang));
    }
    String id = optional(report, "id", null);
    if (id != null) {
      limited("id", id, MAX_ID_LENGTH);
    } else {
      id = idempotencyFallback != null ? idempotencyFallback : UUID.randomUUID().toString();
    }
    return UserReport.newBuilder()
        .setReportId(id)
        .setService(service)
        .setRegion(region)
        .setReporterId(reporter)
        // The channel is ours to say: a client of this API cannot pass its reports off as social
        // posts.
        .setSource(ReportSource.API)
        .setCategory(category)
        .setText(text)
        .setLang(lang)
        .setReportedAt(at)
        .setSentiment(null)
        .build();
  }

  private Instant timestamp(JsonNode report) throws InvalidReport {
    Instant now = clock.instant();
    String text = optional(report, "timestamp", null);
    if (text == null) {
      return now;
    }
    Instant at;
    try {
      at = Instant.parse(text);
    } catch (DateTimeParseException e) {
      throw new InvalidReport(
          "timestamp", "timestamp must be ISO-8601 UTC, e.g. 2021-10-04T15:41:07Z");
    }
    if (at.isAfter(now.plus(MAX_FUTURE))) {
      throw new InvalidReport("timestamp", "timestamp is more than 5 minutes in the future");
    }
    if (at.isBefore(EARLIEST)) {
      throw new InvalidReport("timestamp", "timestamp is before 2000-01-01");
    }
    return at;
  }

  private static String required(JsonNode report, String field) throws InvalidReport {
    String value = optional(report, field, null);
    if (value == null || value.isBlank()) {
      throw new InvalidReport(field, "missing field \"" + field + "\"");
    }
    return value;
  }

  /**
   * The field's text, {@code fallback} when absent or null; a number, object or array is an error.
   */
  private static String optional(JsonNode report, String field, String fallback)
      throws InvalidReport {
    JsonNode value = report.get(field);
    if (value == null || value.isNull()) {
      return fallback;
    }
    if (!value.isTextual()) {
      throw new InvalidReport(
          field,
          field + " must be a string, not " + value.getNodeType().name().toLowerCase(Locale.ROOT));
    }
    return value.asText();
  }

  private static String limited(String field, String value, int maxLength) throws InvalidReport {
    if (value.length() > maxLength) {
      throw new InvalidReport(
          field, field + " has " + value.length() + " characters, more than " + maxLength);
    }
    return value;
  }

  /**
   * A client's value quoted for an error message, cut short: errors must not grow with hostile
   * input.
   */
  static String echo(String value) {
    return "\""
        + (value.length() > ECHO_LENGTH ? value.substring(0, ECHO_LENGTH) + "…" : value)
        + "\"";
  }

  private static <E extends Enum<E>> E enumOf(
      Class<E> type, JsonNode report, String field, E fallback) throws InvalidReport {
    if (!report.hasNonNull(field)) {
      return fallback;
    }
    try {
      return Enum.valueOf(type, optional(report, field, "").toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new InvalidReport(field, "unknown " + field + " " + echo(report.get(field).asText()));
    }
  }
}
