package io.outageradar.service.config;

import io.outageradar.detection.DetectionConfig;
import io.outageradar.detection.impact.RevenueTable;
import io.outageradar.detection.lifecycle.AlertConfig;
import io.outageradar.detection.reports.ReportDetectionConfig;
import io.outageradar.detection.rules.Rules;
import io.outageradar.pager.AlertmanagerIntegration;
import io.outageradar.pager.Integration;
import io.outageradar.pager.PagerDutyIntegration;
import io.outageradar.pager.RetryPolicy;
import io.outageradar.pager.SlackIntegration;
import io.outageradar.pager.WebhookIntegration;
import io.outageradar.producers.intake.IntakeConfig;
import io.outageradar.topics.KafkaClients;
import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.apache.kafka.streams.state.HostInfo;

/**
 * The resolved configuration. Each setting takes the first value found in: command-line flags, the
 * environment ({@code OUTAGE_RADAR_...}), the properties file, the declared default. Unknown keys
 * in the file are an error, so a typo never silently falls back to a default.
 */
public final class RadarConfig {
  private static final String ENV_PREFIX = "OUTAGE_RADAR_";

  /**
   * Variables with the prefix that configure the launcher, the logs or the tests rather than the
   * pipeline.
   */
  private static final Set<String> NOT_SETTINGS =
      Set.of(
          "OUTAGE_RADAR_JAVA_OPTS",
          "OUTAGE_RADAR_LOG_LEVEL",
          "OUTAGE_RADAR_KAFKA_LOG_LEVEL",
          "OUTAGE_RADAR_LOG_FORMAT",
          "OUTAGE_RADAR_REQUIRE_EXTERNALS",
          "OUTAGE_RADAR_TEST_JDBC_URL",
          "OUTAGE_RADAR_TEST_DB_USER",
          "OUTAGE_RADAR_TEST_DB_PASSWORD");

  private final Map<Setting<?>, Object> values;
  private final Map<String, String> clients;

  private RadarConfig(Map<Setting<?>, Object> values, Map<String, String> clients) {
    this.values = values;
    this.clients = clients;
  }

  /**
   * Resolves every setting from the flags (and --set), the environment, the file and the defaults.
   * An unknown key from any of them is an error naming it and where it came from: a typo never
   * silently falls back to a default. Kafka client settings under the pass-through prefixes ({@link
   * KafkaClients}) are collected as they are.
   */
  public static RadarConfig load(Path file, Map<String, String> env, Map<String, String> flags) {
    Map<String, String> fromFile = file == null ? Map.of() : readFile(file);
    Map<String, String> fromEnv = settingsInEnvironment(env);
    Map<String, String> clients = new HashMap<>();
    // flags first: a pass-through key keeps the first value found, as settings do
    checkKeys(flags, "given with --set", clients);
    checkKeys(fromEnv, "in the environment", clients);
    checkKeys(fromFile, "in " + file, clients);
    Map<Setting<?>, Object> values = new HashMap<>();
    for (Setting<?> setting : RadarSettings.ALL) {
      String raw = flags.get(setting.key());
      if (raw == null) {
        raw = fromEnv.get(setting.key());
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
    RadarConfig config = new RadarConfig(values, Map.copyOf(clients));
    // cross-field rules (e.g. confirm-windows <= of-windows) fail here, before anything starts
    config.rules();
    return config;
  }

  /** Every rule the pipeline decides by, built once from these settings. */
  public Rules rules() {
    return new Rules(detection(), reports(), alerts(), revenue());
  }

  /**
   * The environment's settings by key: {@code OUTAGE_RADAR_DETECTION_WINDOW} is {@code
   * detection.window}, {@code OUTAGE_RADAR_KAFKA_SECURITY_PROTOCOL} the pass-through {@code
   * kafka.security.protocol}. Variables that configure the launcher or the logs are not settings.
   */
  private static Map<String, String> settingsInEnvironment(Map<String, String> env) {
    Map<String, Setting<?>> byVar = new HashMap<>();
    RadarSettings.ALL.forEach(setting -> byVar.put(setting.envVar(), setting));
    Map<String, String> settings = new HashMap<>();
    env.forEach(
        (name, value) -> {
          if (!name.startsWith(ENV_PREFIX) || NOT_SETTINGS.contains(name)) {
            return;
          }
          Setting<?> setting = byVar.get(name);
          String key =
              setting != null
                  ? setting.key()
                  : name.substring(ENV_PREFIX.length()).toLowerCase(Locale.ROOT).replace('_', '.');
          settings.put(key, value);
        });
    return settings;
  }

  private static void checkKeys(
      Map<String, String> source, String where, Map<String, String> clients) {
    for (Map.Entry<String, String> entry : source.entrySet()) {
      String key = entry.getKey();
      if (KafkaClients.prefixOf(key).isPresent()) {
        clients.putIfAbsent(key, entry.getValue());
      } else if (RadarSettings.ALL.stream().noneMatch(setting -> setting.key().equals(key))) {
        throw new ConfigException(
            "unknown setting "
                + key
                + " "
                + where
                + closest(key)
                + " (outage-radar settings lists them; Kafka client settings go under kafka., streams., producer., consumer. or admin.)");
      }
    }
  }

  /** ", did you mean X?" for the known key a typo is nearest to, when it is near at all. */
  private static String closest(String key) {
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (Setting<?> setting : RadarSettings.ALL) {
      int distance = editDistance(key, setting.key());
      if (distance < bestDistance) {
        best = setting.key();
        bestDistance = distance;
      }
    }
    return best != null && bestDistance <= Math.max(2, key.length() / 5)
        ? ", did you mean " + best + "?"
        : "";
  }

  private static int editDistance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }

  /**
   * How the clients reach the cluster: bootstrap.servers and the Kafka client settings passed
   * through.
   */
  public KafkaClients kafka() {
    return KafkaClients.of(get(RadarSettings.BOOTSTRAP_SERVERS), clients);
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
          .reopenWithin(get(RadarSettings.REOPEN_WITHIN))
          .degradedShare(get(RadarSettings.DEGRADED_SHARE))
          .degradedWindows(get(RadarSettings.DEGRADED_WINDOWS))
          .pageDegraded(get(RadarSettings.PAGE_DEGRADED))
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
    return new AlertConfig(
        get(RadarSettings.RENOTIFY_INTERVAL),
        get(RadarSettings.MAINTENANCE),
        get(RadarSettings.CERT_WARN_DAYS));
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
