package io.outageradar.producers.probe;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.outageradar.avro.CheckKind;
import io.outageradar.avro.ProbeStatus;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One condition a successful check must also meet, written as in Gatus: {@code [SUBJECT] OP
 * EXPECTED}. Subjects: {@code [STATUS]}, {@code [RESPONSE_TIME]} (ms), {@code [HEADER].Name},
 * {@code [BODY]}, {@code [BODY].json.path[0]}, {@code [DNS_ANSWER]}, {@code
 * [CERTIFICATE_EXPIRATION]} (days, or with a unit: {@code 14d}, {@code 48h}). Operators: {@code ==
 * != < <= > >=}. Expected: a value, {@code any(a, b, …)} (one of them), or {@code pat(glob)}
 * ({@code *} matches anything). {@code has([HEADER].Name)} and {@code has([BODY].path)} ask for
 * presence ({@code has(…) == false} for absence). A subject with several values (a header given
 * twice, DNS answers) meets {@code ==} when one of them does.
 */
public final class Condition {
  private static final Pattern HAS =
      Pattern.compile("has\\((\\[[A-Z_]+\\](?:\\.\\S+)?)\\)(?:\\s*==\\s*(true|false))?");
  private static final Pattern COMPARISON =
      Pattern.compile("(\\[[A-Z_]+\\](?:\\.[^\\s=!<>]+)?)\\s*(==|!=|<=|>=|<|>)\\s*(.+)");
  private static final ObjectMapper JSON = new ObjectMapper();

  private enum Subject {
    STATUS,
    RESPONSE_TIME,
    HEADER,
    BODY,
    DNS_ANSWER,
    CERTIFICATE_EXPIRATION
  }

  private final String text;
  private final Subject subject;
  private final String path;
  private final String operator;
  private final String expected;
  private final boolean presence;

  private Condition(
      String text,
      Subject subject,
      String path,
      String operator,
      String expected,
      boolean presence) {
    this.text = text;
    this.subject = subject;
    this.path = path;
    this.operator = operator;
    this.expected = expected;
    this.presence = presence;
  }

  /**
   * Parses a condition for a check of the given kind.
   *
   * @throws IllegalArgumentException saying what is wrong with it
   */
  public static Condition parse(String text, CheckKind kind) {
    String trimmed = text.trim();
    Matcher has = HAS.matcher(trimmed);
    Matcher comparison = COMPARISON.matcher(trimmed);
    Condition condition;
    if (has.matches()) {
      String[] subject = splitSubject(has.group(1));
      condition =
          new Condition(
              trimmed,
              subject(subject[0]),
              subject[1],
              "==",
              has.group(2) == null ? "true" : has.group(2),
              true);
      if (condition.subject != Subject.HEADER && condition.subject != Subject.BODY
          || condition.path == null) {
        throw new IllegalArgumentException(
            "condition \"" + trimmed + "\": has() takes [HEADER].Name or [BODY].path");
      }
    } else if (comparison.matches()) {
      String[] subject = splitSubject(comparison.group(1));
      condition =
          new Condition(
              trimmed,
              subject(subject[0]),
              subject[1],
              comparison.group(2),
              comparison.group(3).trim(),
              false);
    } else {
      throw new IllegalArgumentException(
          "condition \""
              + trimmed
              + "\" is not \"[SUBJECT] OP EXPECTED\" or \"has([SUBJECT].path)\"");
    }
    condition.validate(kind);
    return condition;
  }

  private static String[] splitSubject(String subject) {
    int close = subject.indexOf(']');
    String path = subject.length() > close + 1 ? subject.substring(close + 2) : null;
    return new String[] {subject.substring(1, close), path};
  }

  private static Subject subject(String name) {
    try {
      return Subject.valueOf(name);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "condition subject ["
              + name
              + "] is not one of "
              + Arrays.stream(Subject.values()).map(s -> "[" + s + "]").toList());
    }
  }

  private void validate(CheckKind kind) {
    List<CheckKind> kinds =
        switch (subject) {
          case STATUS, HEADER, BODY -> List.of(CheckKind.HTTP);
          case DNS_ANSWER -> List.of(CheckKind.DNS);
          case CERTIFICATE_EXPIRATION -> List.of(CheckKind.HTTP, CheckKind.TLS);
          case RESPONSE_TIME -> List.of(CheckKind.values());
        };
    if (!kinds.contains(kind)) {
      throw new IllegalArgumentException(
          "condition \""
              + text
              + "\": ["
              + subject
              + "] applies to "
              + kinds
              + " checks, not "
              + kind);
    }
    if (subject == Subject.HEADER && path == null) {
      throw new IllegalArgumentException(
          "condition \"" + text + "\": [HEADER] needs a name: [HEADER].Name");
    }
    boolean numeric =
        subject == Subject.STATUS
            || subject == Subject.RESPONSE_TIME
            || subject == Subject.CERTIFICATE_EXPIRATION;
    if (numeric && !expected.startsWith("any(")) {
      number(expected);
    }
    if (!numeric && !presence && !operator.equals("==") && !operator.equals("!=")) {
      if (!(subject == Subject.BODY && path != null)) {
        throw new IllegalArgumentException(
            "condition \"" + text + "\": [" + subject + "] compares with == or != only");
      }
    }
    if (expected.startsWith("any(") && !expected.endsWith(")")) {
      throw new IllegalArgumentException("condition \"" + text + "\": any( without )");
    }
  }

  /** A number, or days with a unit: {@code 14d}, {@code 48h}. */
  private double number(String value) {
    String v = value.trim().toLowerCase(Locale.ROOT);
    try {
      if (subject == Subject.CERTIFICATE_EXPIRATION && v.endsWith("h")) {
        return Double.parseDouble(v.substring(0, v.length() - 1)) / 24.0;
      }
      if (subject == Subject.CERTIFICATE_EXPIRATION && v.endsWith("d")) {
        return Double.parseDouble(v.substring(0, v.length() - 1));
      }
      if (subject == Subject.RESPONSE_TIME && v.endsWith("ms")) {
        return Double.parseDouble(v.substring(0, v.length() - 2));
      }
      return Double.parseDouble(v);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "condition \"" + text + "\": \"" + value + "\" is not a number for [" + subject + "]");
    }
  }

  /** Whether the condition judges the HTTP status (then it, not expectStatus, decides). */
  public boolean judgesStatus() {
    return subject == Subject.STATUS;
  }

  /** The condition as written, as failed probe results name it. */
  public String text() {
    return text;
  }

  /** Whether a check that reached its target with this outcome meets the condition. */
  public boolean holds(CheckOutcome outcome) {
    Observation seen = outcome.observed() == null ? Observation.none() : outcome.observed();
    return switch (subject) {
      case STATUS -> compare(seen.status());
      case RESPONSE_TIME -> compare(outcome.latencyMs());
      case CERTIFICATE_EXPIRATION -> compare(outcome.certDaysToExpiry());
      case HEADER -> presence ? present(!seen.header(path).isEmpty()) : matchAny(seen.header(path));
      case BODY -> body(seen.body());
      case DNS_ANSWER -> matchAny(seen.answers());
    };
  }

  /** The status class of a check that reached its target but failed this condition. */
  ProbeStatus failureStatus(CheckOutcome outcome) {
    return switch (subject) {
      case STATUS -> {
        Integer status = outcome.httpStatus();
        yield status != null && status >= 500
            ? ProbeStatus.HTTP_5XX
            : status != null && status >= 400 ? ProbeStatus.HTTP_4XX : ProbeStatus.HTTP_UNEXPECTED;
      }
      case RESPONSE_TIME -> ProbeStatus.TIMEOUT;
      case CERTIFICATE_EXPIRATION -> ProbeStatus.TLS_ERROR;
      case DNS_ANSWER -> ProbeStatus.DNS_NXDOMAIN;
      case HEADER, BODY -> ProbeStatus.HTTP_UNEXPECTED;
    };
  }

  private boolean present(boolean present) {
    return present == Boolean.parseBoolean(expected);
  }

  private boolean compare(Number actual) {
    if (actual == null) {
      return false;
    }
    double value = actual.doubleValue();
    if (expected.startsWith("any(")) {
      boolean any = values().stream().anyMatch(v -> number(v) == value);
      return operator.equals("!=") ? !any : any;
    }
    double bound = number(expected);
    return switch (operator) {
      case "==" -> value == bound;
      case "!=" -> value != bound;
      case "<" -> value < bound;
      case "<=" -> value <= bound;
      case ">" -> value > bound;
      default -> value >= bound;
    };
  }

  private boolean body(String body) {
    if (path == null) {
      return matchAny(body == null ? List.of() : List.of(body));
    }
    Optional<JsonNode> node = jsonPath(body, path);
    if (presence) {
      return present(node.isPresent());
    }
    if (node.isEmpty()) {
      return operator.equals("!=");
    }
    JsonNode value = node.get();
    if (!operator.equals("==") && !operator.equals("!=")) {
      return value.isNumber() && compare(value.asDouble());
    }
    return matchAny(List.of(value.isValueNode() ? value.asText() : value.toString()));
  }

  /** == holds when one of the values matches; != when none does. */
  private boolean matchAny(List<String> actual) {
    boolean any = actual.stream().anyMatch(this::matches);
    return operator.equals("!=") ? !any : any;
  }

  private boolean matches(String actual) {
    if (expected.startsWith("pat(") && expected.endsWith(")")) {
      String glob = expected.substring(4, expected.length() - 1);
      String regex =
          Arrays.stream(glob.split("\\*", -1))
              .map(Pattern::quote)
              .reduce((a, b) -> a + ".*" + b)
              .orElse("");
      return Pattern.compile(regex, Pattern.DOTALL).matcher(actual).matches();
    }
    if (expected.startsWith("any(")) {
      return values().contains(actual);
    }
    return actual.equals(expected);
  }

  private List<String> values() {
    return Arrays.stream(expected.substring(4, expected.length() - 1).split(","))
        .map(String::trim)
        .toList();
  }

  /** A dot path with array indices, {@code data[0].id}, into a JSON body. */
  private static Optional<JsonNode> jsonPath(String body, String path) {
    if (body == null) {
      return Optional.empty();
    }
    JsonNode node;
    try {
      node = JSON.readTree(body);
    } catch (JsonProcessingException e) {
      return Optional.empty();
    }
    for (String step : path.split("\\.")) {
      Matcher indexed = Pattern.compile("([^\\[]*)((?:\\[\\d+])*)").matcher(step);
      if (!indexed.matches()) {
        return Optional.empty();
      }
      if (!indexed.group(1).isEmpty()) {
        node = node.get(indexed.group(1));
      }
      Matcher index = Pattern.compile("\\[(\\d+)]").matcher(indexed.group(2));
      while (node != null && index.find()) {
        node = node.get(Integer.parseInt(index.group(1)));
      }
      if (node == null || node.isMissingNode()) {
        return Optional.empty();
      }
    }
    return Optional.of(node);
  }

  @Override
  public String toString() {
    return text;
  }
}
