package io.outageradar.service.config;

import io.outageradar.detection.impact.RevenueTable;
import io.outageradar.detection.lifecycle.AlertConfig;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/** Every setting of the pipeline with its default and meaning; {@link RadarConfig} reads them. */
public final class RadarSettings {
  // settings add themselves in declaration order: nobody keeps a second list by hand
  private static final List<Setting<?>> DECLARED = new ArrayList<>();

  /**
   * Stands for the JVM's temporary directory in a default, so the generated docs are the same on
   * every machine.
   */
  private static final String TMPDIR = "${java.io.tmpdir}";

  public static final Setting<String> BOOTSTRAP_SERVERS =
      declare(
          text("bootstrap.servers", null, "Kafka bootstrap servers, host:port[,host:port...].")
              .withImportance(Setting.Importance.HIGH));
  public static final Setting<String> SCHEMA_REGISTRY_URL =
      declare(
          new Setting<>(
                  "schema.registry.url",
                  s -> s,
                  null,
                  s ->
                      s.startsWith("http://")
                          || s.startsWith("https://")
                          || s.startsWith("mock://"),
                  "must start with http://, https:// or mock://",
                  "Confluent-compatible schema registry URL, or mock://scope for an in-memory one.")
              .withImportance(Setting.Importance.HIGH));
  public static final Setting<String> SCHEMA_REGISTRY_BASIC_AUTH =
      declare(
          new Setting<>(
                  "schema.registry.basic.auth.user.info",
                  s -> s,
                  "",
                  s -> s.isEmpty() || s.contains(":"),
                  "must be user:password",
                  "user:password for the registry's HTTP basic auth; empty for none.")
              .asSecret());
  public static final Setting<String> SCHEMA_REGISTRY_TRUSTSTORE =
      declare(
          new Setting<>(
              "schema.registry.ssl.truststore.location",
              s -> s,
              "",
              "Trust store (PKCS12 or JKS) for an https:// registry whose certificate the JVM does not trust; empty: the JVM's."));
  public static final Setting<String> SCHEMA_REGISTRY_TRUSTSTORE_PASSWORD =
      declare(
          new Setting<>(
                  "schema.registry.ssl.truststore.password",
                  s -> s,
                  "",
                  "Password of schema.registry.ssl.truststore.location.")
              .asSecret());
  public static final Setting<String> APPLICATION_ID =
      declare(
          text(
              "application.id",
              "outage-radar",
              "Kafka Streams application id: the consumer group of the pipeline and the prefix of its internal topics."));
  public static final Setting<String> TOPIC_PREFIX =
      declare(
          new Setting<>(
              "topic.prefix",
              s -> s,
              "",
              s -> s.matches("[A-Za-z0-9._-]*"),
              "may only contain letters, digits, '.', '_' and '-'",
              "Prefix for every topic name of the catalog."));
  public static final Setting<Short> REPLICATION_FACTOR =
      declare(
          new Setting<>(
              "replication.factor",
              Short::parseShort,
              "-1",
              r -> r == -1 || r >= 1,
              "must be -1 (broker default) or at least 1",
              "Replication factor of the topics the pipeline creates."));
  public static final Setting<Boolean> TOPICS_CREATE =
      declare(
          new Setting<>(
              "topics.create",
              RadarSettings::bool,
              "false",
              "Whether intake, probe, social and replay create the topics they write when missing (run and pager always create theirs, dev all of the catalog's); when false they name the missing topic: replay and social exit 2, intake and probe stay unready."));
  public static final Setting<String> STATE_DIR =
      declare(
          new Setting<>(
                  "state.dir",
                  raw -> raw.replace(TMPDIR, System.getProperty("java.io.tmpdir")),
                  TMPDIR + "/outage-radar-state",
                  s -> !s.isBlank(),
                  "must not be empty",
                  "Directory of the Kafka Streams state stores ("
                      + TMPDIR
                      + " is the JVM's temporary directory).")
              .withImportance(Setting.Importance.LOW));
  public static final Setting<Boolean> EXACTLY_ONCE =
      declare(
          new Setting<>(
              "processing.exactly-once",
              RadarSettings::bool,
              "false",
              "Run the topologies with exactly_once_v2 instead of at_least_once."));
  public static final Setting<Duration> WINDOW =
      declare(duration("detection.window", "30s", "Size of the event-time probe window."));
  public static final Setting<Duration> GRACE =
      declare(
          new Setting<>(
              "detection.grace",
              RadarSettings::parseDuration,
              "10s",
              d -> !d.isNegative(),
              "must not be negative",
              "How late a probe may arrive and still count in its window."));
  public static final Setting<Integer> MIN_AGENTS =
      declare(
          atLeast(
              "detection.min-agents",
              "2",
              1,
              "Distinct failing agents needed before a region can be DOWN."));
  public static final Setting<Double> DOWN_RATIO =
      declare(
          new Setting<>(
              "detection.down-ratio",
              Double::parseDouble,
              "0.5",
              r -> r > 0 && r <= 1,
              "must be in (0, 1]",
              "Share of a region's agents that must fail for DOWN."));
  public static final Setting<Integer> CONFIRM_WINDOWS =
      declare(
          atLeast(
              "detection.confirm-windows",
              "2",
              1,
              "DOWN windows among the last detection.of-windows that confirm an outage."));
  public static final Setting<Integer> OF_WINDOWS =
      declare(atLeast("detection.of-windows", "3", 1, "The M of the N-of-M confirmation rule."));
  public static final Setting<Integer> RESOLVE_AFTER =
      declare(
          atLeast(
              "detection.resolve-after-healthy-windows",
              "3",
              1,
              "Consecutive healthy windows before a region counts as recovered."));
  public static final Setting<Integer> GLOBAL_MIN_REGIONS =
      declare(
          atLeast(
              "detection.global-min-regions",
              "3",
              2,
              "Regions of one service down together that make one GLOBAL outage."));

  public static final Setting<Double> GLOBAL_MIN_SHARE =
      declare(
          new Setting<>(
              "detection.global-min-share",
              Double::parseDouble,
              "0.75",
              r -> r > 0 && r <= 1,
              "must be in (0, 1]",
              "Share of a service's monitored regions (at least two) down together that also makes one GLOBAL outage."));
  public static final Setting<Duration> ROLLUP_WAIT =
      declare(
          new Setting<>(
              "detection.rollup-wait",
              RadarSettings::parseDuration,
              "60s",
              d -> !d.isNegative(),
              "must not be negative",
              "Event time a confirmed REGIONAL outage waits before paging, in case it becomes part of a GLOBAL one."));
  public static final Setting<Duration> IDLE_ADVANCE_AFTER =
      declare(
          duration(
                  "detection.idle-advance-after",
                  "10s",
                  "Wall-clock silence of a task's inputs after which its stream time follows the wall clock (closes the last windows of quiet inputs). A live input (within a minute of the wall clock) counts as idle after at most 250 ms.")
              .withImportance(Setting.Importance.LOW));

  public static final Setting<Duration> REOPEN_WITHIN =
      declare(
          new Setting<>(
              "detection.reopen-within",
              RadarSettings::parseDuration,
              "15m",
              d -> !d.isNegative(),
              "must not be negative",
              "Event time after a resolution within which a region failing again re-opens the same outage (same id and dedup key)."));
  public static final Setting<Double> DEGRADED_SHARE =
      declare(
          new Setting<>(
              "detection.degraded-share",
              Double::parseDouble,
              "0.3",
              r -> r > 0 && r <= 1,
              "must be in (0, 1]",
              "Share of the last detection.degraded-windows windows in which an agent saw a failed check for it to count as degraded; detection.min-agents such agents make the region DEGRADED."));
  public static final Setting<Integer> DEGRADED_WINDOWS =
      declare(
          new Setting<>(
              "detection.degraded-windows",
              Integer::parseInt,
              "10",
              n -> n >= 1 && n <= 31,
              "must be in [1, 31]",
              "Windows the degraded (partial failure) rule looks back over."));
  public static final Setting<Boolean> PAGE_DEGRADED =
      declare(
          new Setting<>(
              "detection.page-degraded",
              RadarSettings::bool,
              "false",
              "Page on-call (at warning severity) for an outage that is only DEGRADED; when false it is recorded and shown, and pages once confirmed down."));

  public static final Setting<Integer> CERT_WARN_DAYS =
      declare(
          atLeast(
              "probe.cert-warn-days",
              "14",
              0,
              "Days to expiry at which a probed certificate pages, once per certificate, at warning severity (resolved when it is renewed)."));

  public static final Setting<Integer> REPORTS_MIN_REPORTERS =
      declare(
          atLeast(
              "reports.min-reporters",
              "10",
              1,
              "Distinct reporters per minute below which reports are never anomalous."));
  public static final Setting<Double> REPORTS_Z_THRESHOLD =
      declare(
          new Setting<>(
              "reports.z-threshold",
              Double::parseDouble,
              "5.0",
              z -> z > 0,
              "must be positive",
              "Robust z-score ((count - median) / (1.4826 MAD)) at which a minute is anomalous."));
  public static final Setting<Integer> REPORTS_WARMUP_SAMPLES =
      declare(
          atLeast(
                  "reports.warmup-samples",
                  "30",
                  1,
                  "Baseline samples an hour-of-week slot needs before it is trusted.")
              .withImportance(Setting.Importance.LOW));
  public static final Setting<Integer> REPORTS_WARMUP_FACTOR =
      declare(
          atLeast(
                  "reports.warmup-factor",
                  "3",
                  1,
                  "While the baseline is not warm, a minute must beat this many times reports.z-threshold (nothing alarms before 5 samples).")
              .withImportance(Setting.Importance.LOW));
  public static final Setting<Integer> REPORTS_MAX_SAMPLES =
      declare(
          atLeast(
                  "reports.max-samples",
                  "240",
                  1,
                  "Most recent samples kept per hour-of-week slot.")
              .withImportance(Setting.Importance.LOW));
  public static final Setting<Integer> REPORTS_CONFIRM_MINUTES =
      declare(
          atLeast(
              "reports.confirm-minutes",
              "3",
              1,
              "Consecutive anomalous minutes after which reports alone confirm an outage."));

  public static final Setting<RevenueTable> REVENUE_PER_HOUR =
      declare(
          new Setting<>(
                  "impact.revenue-per-hour",
                  RevenueTable::parse,
                  "",
                  "Revenue per hour through each channel: service|region=amount CUR, comma-separated (e.g. whatsapp|BR=2500.00 BRL).")
              .withImportance(Setting.Importance.HIGH));

  public static final Setting<Duration> RENOTIFY_INTERVAL =
      declare(
          new Setting<>(
              "alerts.renotify-interval",
              RadarSettings::parseDuration,
              "30m",
              d -> !d.isNegative(),
              "must not be negative",
              "Wall-clock time after which a still-open outage pages again; 0s turns it off."));
  public static final Setting<List<AlertConfig.MaintenanceWindow>> MAINTENANCE =
      declare(
          new Setting<>(
              "alerts.maintenance",
              AlertConfig.MaintenanceWindow::parseAll,
              "",
              "Maintenance windows that hold pages back: service|region@start/end, comma-separated, * for any (outages are still recorded)."));

  public static final Setting<String> QUERY_SERVER =
      declare(
          new Setting<>(
              "query.server",
              s -> s,
              "",
              s -> s.isEmpty() || s.matches("[^:]+:\\d{1,5}"),
              "must be host:port, or empty to turn the query API off",
              "Address other instances reach this one's query API at (host:port); it listens on that port. Empty: no query API."));

  public static final Setting<Boolean> STATUS_PUBLIC =
      declare(
          new Setting<>(
              "status.public",
              RadarSettings::bool,
              "false",
              "Serve the status page (on the query API's port) for the public: revenue and estimated losses are left out of the page and of every answer of the API."));

  public static final Setting<Integer> HEALTH_PORT =
      declare(
          new Setting<>(
              "health.port",
              Integer::parseInt,
              "0",
              p -> p >= -1 && p <= 65535,
              "must be a port, 0 for any free one, or -1 for none",
              "Port of GET /health/live, /health/ready and /metrics (Prometheus) of run, intake, probe and pager; 0: any free port (printed at start), -1: off."));
  public static final Setting<Duration> FATAL_EXIT_AFTER =
      declare(
          duration(
              "health.fatal-exit-after",
              "15s",
              "How long a process whose pager thread died or whose stream threads failed stays up, unready, before it exits with 1."));

  public static final Setting<Set<String>> INTAKE_API_KEYS =
      declare(
          new Setting<>(
                  "intake.api-keys",
                  RadarSettings::csv,
                  "",
                  "API keys the report intake accepts, comma-separated (never logged).")
              .withImportance(Setting.Importance.HIGH)
              .asSecret());
  public static final Setting<Set<String>> INTAKE_SERVICES =
      declare(
          new Setting<>(
              "intake.services",
              RadarSettings::csv,
              "whatsapp,instagram,facebook,messenger",
              s -> !s.isEmpty(),
              "must name at least one service",
              "Services reports may be about, comma-separated."));
  public static final Setting<Double> INTAKE_PER_KEY_RPS =
      declare(
          new Setting<>(
              "intake.per-key-rps",
              Double::parseDouble,
              "50",
              r -> r > 0,
              "must be positive",
              "Requests per second each API key earns (bursts of ten seconds' worth)."));
  public static final Setting<Double> INTAKE_PER_IP_RPS =
      declare(
          new Setting<>(
              "intake.per-ip-rps",
              Double::parseDouble,
              "20",
              r -> r > 0,
              "must be positive",
              "Requests per second each client address earns (bursts of ten seconds' worth)."));
  public static final Setting<Duration> INTAKE_SEND_TIMEOUT =
      declare(
          duration(
              "intake.send-timeout",
              "5s",
              "How long an intake request may take, queueing and Kafka's acknowledgement included, before it is answered 503."));
  public static final Setting<Integer> INTAKE_MAX_BODY_BYTES =
      declare(
          atLeast(
              "intake.max-body-bytes",
              "4194304",
              1024,
              "Largest request body the intake reads, in bytes; larger ones are answered 413 without being read."));
  public static final Setting<Integer> INTAKE_IDEMPOTENCY_CACHE_BYTES =
      declare(
          atLeast(
                  "intake.idempotency-cache-bytes",
                  "33554432",
                  1024,
                  "Memory the intake's remembered answers to idempotent requests may use, in bytes; the oldest are forgotten first.")
              .withImportance(Setting.Importance.LOW));

  public static final Setting<String> PAGER_GROUP_ID =
      declare(
          text(
              "pager.group-id",
              "outage-radar-pager",
              "Consumer group of the pager: pagers in one group share the pages, each page is sent once per group."));
  public static final Setting<Boolean> PAGER_FROM_BEGINNING =
      declare(
          new Setting<>(
              "pager.from-beginning",
              RadarSettings::bool,
              "false",
              "Whether a new pager group starts at the oldest retained page instead of the newest."));
  public static final Setting<String> PAGERDUTY_ROUTING_KEY =
      declare(
          new Setting<>(
                  "pager.pagerduty.routing-key",
                  s -> s,
                  "",
                  "PagerDuty Events v2 integration key; pages go to PagerDuty when it is set.")
              .asSecret());
  public static final Setting<String> PAGERDUTY_URL =
      declare(
          url(
                  "pager.pagerduty.url",
                  "https://events.pagerduty.com/v2/enqueue",
                  "PagerDuty Events v2 endpoint.")
              .withImportance(Setting.Importance.LOW));
  public static final Setting<String> SLACK_WEBHOOK_URL =
      declare(
          url(
                  "pager.slack.webhook-url",
                  "",
                  "Slack incoming webhook URL (it is the secret); pages go to Slack when it is set.")
              .asSecret());
  public static final Setting<String> WEBHOOK_URL =
      declare(
          url(
              "pager.webhook.url",
              "",
              "Generic webhook URL; pages go there as JSON, signed with pager.webhook.secret, when it is set."));
  public static final Setting<String> WEBHOOK_SECRET =
      declare(
          new Setting<>(
                  "pager.webhook.secret",
                  s -> s,
                  "",
                  "Shared secret of the generic webhook's X-Signature: t=<unix seconds>,v1=<HMAC-SHA256 of \"t.body\">.")
              .asSecret());
  public static final Setting<String> ALERTMANAGER_URL =
      declare(
          url(
              "pager.alertmanager.url",
              "",
              "Prometheus Alertmanager base URL (e.g. http://alertmanager:9093); pages go there as alerts when it is set."));
  public static final Setting<Duration> ALERTMANAGER_ALERT_TTL =
      declare(
          duration(
              "pager.alertmanager.alert-ttl",
              "1h",
              "How long a triggered Alertmanager alert stays firing without a re-notification; keep it above alerts.renotify-interval."));
  public static final Setting<Integer> PAGER_MAX_ATTEMPTS =
      declare(
          atLeast(
              "pager.max-attempts",
              "5",
              1,
              "Delivery attempts per page and integration before it goes to alerts.dlq."));
  public static final Setting<Duration> PAGER_RETRY_INITIAL =
      declare(
          duration(
                  "pager.retry-initial",
                  "1s",
                  "Ceiling of the first retry's jittered delay; it doubles with each attempt.")
              .withImportance(Setting.Importance.LOW));
  public static final Setting<Duration> PAGER_RETRY_MAX =
      declare(
          duration(
                  "pager.retry-max",
                  "60s",
                  "Longest wait between attempts, also for a receiver's Retry-After.")
              .withImportance(Setting.Importance.LOW));

  public static final Setting<Set<String>> BUSINESS_ADMIN_KEYS =
      declare(
          new Setting<>(
                  "business.admin-keys",
                  RadarSettings::csv,
                  "",
                  "Admin keys of the business API on the intake server (PUT/GET/DELETE /v1/businesses/{id}, header X-Admin-Key), comma-separated; empty: the API is off.")
              .asSecret());
  public static final Setting<String> BUSINESS_GROUP_ID =
      declare(
          text(
              "business.group-id",
              "outage-radar-business-notifier",
              "Consumer group of notify-businesses: notifiers in one group share the notices, each is sent once per group."));
  public static final Setting<String> BUSINESS_SMTP_HOST =
      declare(
          new Setting<>(
              "business.smtp.host",
              s -> s,
              "",
              "SMTP server the business notices go out through by email; empty: email contacts are not written to."));
  public static final Setting<Integer> BUSINESS_SMTP_PORT =
      declare(
          new Setting<>(
              "business.smtp.port",
              Integer::parseInt,
              "587",
              n -> n > 0 && n < 65_536,
              "must be a port (1-65535)",
              "Port of the SMTP server."));
  public static final Setting<String> BUSINESS_SMTP_FROM =
      declare(
          text(
              "business.smtp.from",
              "outage-radar@localhost",
              "Sender address of the business notices."));
  public static final Setting<String> BUSINESS_SMTP_USER =
      declare(
          new Setting<>(
              "business.smtp.user", s -> s, "", "SMTP login; empty: send without logging in."));
  public static final Setting<String> BUSINESS_SMTP_PASSWORD =
      declare(new Setting<>("business.smtp.password", s -> s, "", "SMTP password.").asSecret());
  public static final Setting<Boolean> BUSINESS_SMTP_STARTTLS =
      declare(
          new Setting<>(
              "business.smtp.starttls",
              RadarSettings::bool,
              "true",
              "Whether the SMTP connection must be upgraded with STARTTLS before anything is sent."));
  public static final Setting<String> BUSINESS_WEBHOOK_SECRET =
      declare(
          new Setting<>(
                  "business.webhook.secret",
                  s -> s,
                  "",
                  "Shared secret of the X-Signature on business notices sent to webhooks, SMS gateways and Slack: t=<unix seconds>,v1=<HMAC-SHA256 of \"t.body\">.")
              .asSecret());

  /** Every setting, in the order declared above: what the loader accepts and the docs list. */
  public static final List<Setting<?>> ALL = List.copyOf(DECLARED);

  private RadarSettings() {}

  private static <T> Setting<T> declare(Setting<T> setting) {
    DECLARED.add(setting);
    return setting;
  }

  private static Setting<String> text(String key, String defaultValue, String description) {
    return new Setting<>(
        key, s -> s, defaultValue, s -> !s.isBlank(), "must not be empty", description);
  }

  /** An http(s) URL, or empty for "off". */
  private static Setting<String> url(String key, String defaultValue, String description) {
    return new Setting<>(
        key,
        s -> s,
        defaultValue,
        s -> s.isEmpty() || s.matches("https?://[^\\s]+"),
        "must be an http(s) URL or empty",
        description);
  }

  private static Setting<Integer> atLeast(
      String key, String defaultValue, int min, String description) {
    return new Setting<>(
        key,
        Integer::parseInt,
        defaultValue,
        n -> n >= min,
        "must be at least " + min,
        description);
  }

  private static Setting<Duration> duration(String key, String defaultValue, String description) {
    return new Setting<>(
        key,
        RadarSettings::parseDuration,
        defaultValue,
        d -> !d.isNegative() && !d.isZero(),
        "must be positive",
        description);
  }

  private static Set<String> csv(String raw) {
    return Arrays.stream(raw.split(","))
        .map(String::trim)
        .filter(s -> !s.isEmpty())
        .collect(Collectors.toUnmodifiableSet());
  }

  private static Boolean bool(String raw) {
    return switch (raw.toLowerCase(Locale.ROOT)) {
      case "true", "yes", "on" -> true;
      case "false", "no", "off" -> false;
      default -> throw new IllegalArgumentException("must be true or false");
    };
  }

  /** {@code 500ms}, {@code 30s}, {@code 5m}, {@code 1h} or an ISO-8601 duration ({@code PT30S}). */
  static Duration parseDuration(String raw) {
    String value = raw.toLowerCase(Locale.ROOT);
    try {
      if (value.startsWith("p")) {
        return Duration.parse(raw);
      }
      if (value.endsWith("ms")) {
        return Duration.ofMillis(Long.parseLong(value.substring(0, value.length() - 2)));
      }
      long amount = Long.parseLong(value.substring(0, value.length() - 1));
      return switch (value.charAt(value.length() - 1)) {
        case 's' -> Duration.ofSeconds(amount);
        case 'm' -> Duration.ofMinutes(amount);
        case 'h' -> Duration.ofHours(amount);
        default -> throw new IllegalArgumentException("unknown unit");
      };
    } catch (NumberFormatException | DateTimeParseException | StringIndexOutOfBoundsException e) {
      throw new IllegalArgumentException("must be a duration like 30s, 500ms, 5m or PT30S");
    }
  }
}
