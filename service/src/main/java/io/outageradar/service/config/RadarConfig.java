package io.outageradar.service.config;

import io.outageradar.detection.DetectionConfig;
import io.outageradar.detection.impact.RevenueTable;
import io.outageradar.detection.lifecycle.AlertConfig;
import io.outageradar.detection.reports.ReportDetectionConfig;
import io.outageradar.pager.AlertmanagerIntegration;
import io.outageradar.pager.Integration;
import io.outageradar.pager.PagerDutyIntegration;
import io.outageradar.pager.RetryPolicy;
import io.outageradar.pager.SlackIntegration;
import io.outageradar.pager.WebhookIntegration;
import io.outageradar.producers.intake.IntakeConfig;
import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import org.apache.kafka.streams.state.HostInfo;

/**
 * The resolved configuration. Each setting takes the first value found in: command-line flags, the
 * environment ({@code OUTAGE_RADAR_...}), the properties file, the declared default. Unknown keys
 * in the file are an error, so a typo never silently falls back to a default.
 */
public final class RadarConfig {
  private final Map<Setting<?>, Object> values;

  private RadarConfig(Map<Setting<?>, Object> values) {
    this.values = values;
  }

  public static RadarConfig load(Path file, Map<String, String> env, Map<String, String> flags) {
    Map<String, String> fromFile = file == null ? Map.of() : readFile(file);
    Set<String> known = new TreeSet<>();
    RadarSettings.ALL.forEach(s -> known.add(s.key()));
    for (String key : fromFile.keySet()) {
      if (!known.contains(key)) {
        throw new ConfigException(
            "unknown setting "
                + key
                + " in "
                + file
                + " (known: "
                + String.join(", ", known)
                + ")");
      }
    }
    Map<Setting<?>, Object> values = new HashMap<>();
    for (Setting<?> setting : RadarSettings.ALL) {
      String raw = flags.get(setting.key());
      if (raw == null) {
        raw = env.get(setting.envVar());
      }
      if (raw == null) {
        raw = fromFile.get(setting.key());
      }
      if (raw == null) {
        raw = setting.defaultValue();
      }
      if (raw == null) {
        throw new ConfigException(
            "missing setting "
                + setting.key()
                + " (flag, "
                + setting.envVar()
                + " or config file): "
                + setting.description());
      }
      values.put(setting, setting.parse(raw));
    }
    RadarConfig config = new RadarConfig(values);
    // cross-field rules (e.g. confirm-windows <= of-windows) fail here, before anything starts
    config.detection();
    config.reports();
    return config;
  }

  @SuppressWarnings("unchecked")
  public <T> T get(Setting<T> setting) {
    return (T) values.get(setting);
  }

  public DetectionConfig detection() {
    try {
      return DetectionConfig.builder()
          .window(get(RadarSettings.WINDOW))
          .grace(get(RadarSettings.GRACE))
          .minAgents(get(RadarSettings.MIN_AGENTS))
          .downRatio(get(RadarSettings.DOWN_RATIO))
          .confirmWindows(get(RadarSettings.CONFIRM_WINDOWS))
          .ofWindows(get(RadarSettings.OF_WINDOWS))
          .resolveAfterHealthyWindows(get(RadarSettings.RESOLVE_AFTER))
          .globalMinRegions(get(RadarSettings.GLOBAL_MIN_REGIONS))
          .globalMinShare(get(RadarSettings.GLOBAL_MIN_SHARE))
          .rollupWait(get(RadarSettings.ROLLUP_WAIT))
          .idleAdvanceAfter(get(RadarSettings.IDLE_ADVANCE_AFTER))
          .build();
    } catch (IllegalArgumentException e) {
      throw new ConfigException("invalid detection settings: " + e.getMessage());
    }
  }

  /** The query API's advertised address, or null when it is off. */
  public HostInfo queryServer() {
    String value = get(RadarSettings.QUERY_SERVER);
    return value.isEmpty() ? null : HostInfo.buildFromEndpoint(value);
  }

  /** The intake API's rules; fails like any bad setting when no API key is configured. */
  public IntakeConfig intake() {
    try {
      return new IntakeConfig(
          get(RadarSettings.INTAKE_API_KEYS),
          get(RadarSettings.INTAKE_SERVICES),
          get(RadarSettings.INTAKE_PER_KEY_RPS),
          get(RadarSettings.INTAKE_PER_IP_RPS),
          get(RadarSettings.INTAKE_SEND_TIMEOUT),
          get(RadarSettings.INTAKE_MAX_BODY_BYTES),
          get(RadarSettings.INTAKE_IDEMPOTENCY_CACHE_BYTES));
    } catch (IllegalArgumentException e) {
      throw new ConfigException(
          "invalid intake settings: "
              + e.getMessage()
              + " (set intake.api-keys or "
              + RadarSettings.INTAKE_API_KEYS.envVar()
              + ")");
    }
  }

  /**
   * The integrations pages go to, in a fixed order; fails like a bad setting when none is
   * configured.
   */
  public List<Integration> pagerIntegrations(Clock clock) {
    List<Integration> integrations = new ArrayList<>();
    if (!get(RadarSettings.PAGERDUTY_ROUTING_KEY).isEmpty()) {
      integrations.add(
          new PagerDutyIntegration(
              URI.create(get(RadarSettings.PAGERDUTY_URL)),
              get(RadarSettings.PAGERDUTY_ROUTING_KEY)));
    }
    if (!get(RadarSettings.SLACK_WEBHOOK_URL).isEmpty()) {
      integrations.add(new SlackIntegration(URI.create(get(RadarSettings.SLACK_WEBHOOK_URL))));
    }
    if (!get(RadarSettings.WEBHOOK_URL).isEmpty()) {
      if (get(RadarSettings.WEBHOOK_SECRET).isEmpty()) {
        throw new ConfigException(
            "pager.webhook.url is set but pager.webhook.secret is not: webhook bodies are always signed");
      }
      integrations.add(
          new WebhookIntegration(
              URI.create(get(RadarSettings.WEBHOOK_URL)),
              get(RadarSettings.WEBHOOK_SECRET),
              clock));
    }
    if (!get(RadarSettings.ALERTMANAGER_URL).isEmpty()) {
      integrations.add(
          new AlertmanagerIntegration(
              URI.create(get(RadarSettings.ALERTMANAGER_URL)),
              get(RadarSettings.ALERTMANAGER_ALERT_TTL),
              clock));
    }
    if (integrations.isEmpty()) {
      throw new ConfigException(
          "no pager integration configured: set at least one of pager.pagerduty.routing-key, "
              + "pager.slack.webhook-url, pager.webhook.url, pager.alertmanager.url");
    }
    return List.copyOf(integrations);
  }

  public RetryPolicy pagerRetryPolicy() {
    if (get(RadarSettings.PAGER_RETRY_MAX).compareTo(get(RadarSettings.PAGER_RETRY_INITIAL)) < 0) {
      throw new ConfigException("pager.retry-max must be at least pager.retry-initial");
    }
    return new RetryPolicy(
        get(RadarSettings.PAGER_MAX_ATTEMPTS),
        get(RadarSettings.PAGER_RETRY_INITIAL),
        get(RadarSettings.PAGER_RETRY_MAX));
  }

  public AlertConfig alerts() {
    return new AlertConfig(get(RadarSettings.RENOTIFY_INTERVAL), get(RadarSettings.MAINTENANCE));
  }

  public RevenueTable revenue() {
    return get(RadarSettings.REVENUE_PER_HOUR);
  }

  public ReportDetectionConfig reports() {
    try {
      return new ReportDetectionConfig(
          get(RadarSettings.REPORTS_MIN_REPORTERS),
          get(RadarSettings.REPORTS_Z_THRESHOLD),
          get(RadarSettings.REPORTS_WARMUP_SAMPLES),
          get(RadarSettings.REPORTS_WARMUP_FACTOR),
          get(RadarSettings.REPORTS_MAX_SAMPLES),
          get(RadarSettings.REPORTS_CONFIRM_MINUTES));
    } catch (IllegalArgumentException e) {
      throw new ConfigException("invalid report settings: " + e.getMessage());
    }
  }

  private static Map<String, String> readFile(Path file) {
    Properties props = new Properties();
    try (Reader reader = Files.newBufferedReader(file)) {
      props.load(reader);
    } catch (IOException e) {
      throw new ConfigException("cannot read config file " + file + ": " + e.getMessage());
    }
    Map<String, String> map = new HashMap<>();
    props.stringPropertyNames().forEach(k -> map.put(k, props.getProperty(k)));
    return map;
  }
}
