package io.outageradar.app.config;

import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * One configuration setting, declared once: its key, how to parse it, its default, the rule a value
 * must keep and what it means. The environment variable is derived from the key ({@code
 * detection.min-agents} → {@code OUTAGE_RADAR_DETECTION_MIN_AGENTS}).
 */
public record Setting<T>(String key, Function<String, T> parser, String defaultValue, Predicate<T> rule, String ruleText,
    String description, boolean secret) {

  public Setting {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(parser, "parser");
    Objects.requireNonNull(rule, "rule");
    Objects.requireNonNull(description, "description");
  }

  public Setting(String key, Function<String, T> parser, String defaultValue, Predicate<T> rule, String ruleText, String description) {
    this(key, parser, defaultValue, rule, ruleText, description, false);
  }

  /** The same setting, whose value (a key, a password, a URL with a token) never appears in a message. */
  public Setting<T> asSecret() {
    return new Setting<>(key, parser, defaultValue, rule, ruleText, description, true);
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
