package io.outageradar.service.config;

import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * One configuration setting, declared once: its key, how to parse it, its default, the rule a value
 * must keep (none when the parser already rejects every bad value), how much it matters and what it
 * means. The group comes from the key ({@code detection.window} is in "detection"); the environment
 * variable is derived from the key ({@code detection.min-agents} → {@code
 * OUTAGE_RADAR_DETECTION_MIN_AGENTS}). The README's settings table is generated from these
 * declarations ({@code outage-radar settings --markdown}).
 */
public record Setting<T>(
    String key,
    Function<String, T> parser,
    String defaultValue,
    Predicate<T> rule,
    String ruleText,
    String description,
    boolean secret,
    Importance importance) {

  /**
   * How much a setting matters to someone deploying: HIGH ones must usually be set, LOW ones
   * rarely.
   */
  public enum Importance {
    HIGH,
    MEDIUM,
    LOW
  }

  public Setting {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(parser, "parser");
    Objects.requireNonNull(rule, "rule");
    Objects.requireNonNull(ruleText, "ruleText");
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(importance, "importance");
  }

  /** A setting whose values must also keep {@code rule}, described by {@code ruleText}. */
  public Setting(
      String key,
      Function<String, T> parser,
      String defaultValue,
      Predicate<T> rule,
      String ruleText,
      String description) {
    this(key, parser, defaultValue, rule, ruleText, description, false, Importance.MEDIUM);
  }

  /** A setting whose parser alone decides which values are valid. */
  public Setting(String key, Function<String, T> parser, String defaultValue, String description) {
    this(key, parser, defaultValue, value -> true, "", description, false, Importance.MEDIUM);
  }

  /**
   * The same setting, whose value (a key, a password, a URL with a token) never appears in a
   * message.
   */
  public Setting<T> asSecret() {
    return new Setting<>(key, parser, defaultValue, rule, ruleText, description, true, importance);
  }

  /** The same setting with another importance. */
  public Setting<T> withImportance(Importance level) {
    return new Setting<>(key, parser, defaultValue, rule, ruleText, description, secret, level);
  }

  /**
   * The group the setting is listed under: the key's first part, but the cluster's and the
   * registry's keys each in one.
   */
  public String group() {
    if (key.startsWith("schema.registry.")) {
      return "schema registry";
    }
    return switch (key) {
      case "bootstrap.servers",
          "application.id",
          "replication.factor",
          "state.dir",
          "topic.prefix",
          "processing.exactly-once" ->
          "cluster";
      default -> key.substring(0, key.indexOf('.') < 0 ? key.length() : key.indexOf('.'));
    };
  }

  public String envVar() {
    return "OUTAGE_RADAR_" + key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
  }

  /** Parses and checks a raw value, naming the setting in the error. */
  public T parse(String raw) {
    T value;
    String shown = secret ? "***" : raw;
    try {
      value = parser.apply(raw.trim());
    } catch (RuntimeException e) { // parse errors of any kind become one line naming the setting
      String problem = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
      throw new ConfigException(key, shown, secret ? problem.replace(raw.trim(), "***") : problem);
    }
    if (!rule.test(value)) {
      throw new ConfigException(key, shown, ruleText);
    }
    return value;
  }
}
