package io.outageradar.tools.backtest;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;
import java.util.regex.Pattern;

/**
 * The timestamps series files have in practice: ISO-8601 with {@code T} or a space between date and
 * time, with a zone ({@code Z}, {@code +02:00}, {@code +0200}, {@code +02}) or without (then UTC),
 * a bare date, or epoch seconds (possibly with a fraction) or milliseconds.
 */
final class SeriesTimestamps {
  private static final Pattern EPOCH = Pattern.compile("-?\\d+(\\.\\d+)?");

  /** Epoch values at least this large are milliseconds (1e11 s is the year 5138). */
  private static final BigDecimal MILLIS_FROM = new BigDecimal("1e11");

  private static final DateTimeFormatter ISO =
      new DateTimeFormatterBuilder()
          .parseCaseInsensitive()
          .append(DateTimeFormatter.ISO_LOCAL_DATE_TIME)
          .optionalStart()
          .appendOffset("+HH:MM", "Z")
          .optionalEnd()
          .optionalStart()
          .appendOffset("+HHMM", "Z")
          .optionalEnd()
          .optionalStart()
          .appendOffset("+HH", "Z")
          .optionalEnd()
          .toFormatter();

  private SeriesTimestamps() {}

  /**
   * The instant a field names.
   *
   * @throws IllegalArgumentException saying what was expected, when it names none
   */
  static Instant parse(String field) {
    String text = unquote(field.trim());
    try {
      if (EPOCH.matcher(text).matches()) {
        BigDecimal epoch = new BigDecimal(text);
        BigDecimal millis =
            epoch.abs().compareTo(MILLIS_FROM) >= 0 ? epoch : epoch.movePointRight(3);
        return Instant.ofEpochMilli(
            millis.setScale(0, java.math.RoundingMode.FLOOR).longValueExact());
      }
      if (text.length() == 10) {
        return LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant();
      }
      String iso =
          text.length() > 10 && text.charAt(10) == ' '
              ? text.substring(0, 10) + 'T' + text.substring(11)
              : text;
      TemporalAccessor parsed = ISO.parse(iso);
      LocalDateTime local = LocalDateTime.from(parsed);
      ZoneOffset offset =
          parsed.isSupported(ChronoField.OFFSET_SECONDS) ? ZoneOffset.from(parsed) : ZoneOffset.UTC;
      return OffsetDateTime.of(local, offset).toInstant();
    } catch (DateTimeParseException | ArithmeticException e) {
      throw new IllegalArgumentException(
          "timestamp \""
              + text
              + "\" is neither ISO-8601 (T or space, zone optional) nor epoch seconds or milliseconds");
    }
  }

  static String unquote(String text) {
    return text.length() >= 2 && text.startsWith("\"") && text.endsWith("\"")
        ? text.substring(1, text.length() - 1)
        : text;
  }
}
