package io.outageradar.topics;

import io.outageradar.avro.Business;
import io.outageradar.avro.BusinessImpact;
import io.outageradar.avro.BusinessKey;
import io.outageradar.avro.BusinessNotice;
import io.outageradar.avro.BusinessNoticeDeadLetter;
import io.outageradar.avro.OutageEvent;
import io.outageradar.avro.Page;
import io.outageradar.avro.PageDeadLetter;
import io.outageradar.avro.ProbeResult;
import io.outageradar.avro.RegionImpact;
import io.outageradar.avro.RegionWindowHealth;
import io.outageradar.avro.ReportWindowStats;
import io.outageradar.avro.ScoredReport;
import io.outageradar.avro.UserReport;
import io.outageradar.avro.VendorStatus;
import io.outageradar.registry.SchemaRegistryClient;
import io.outageradar.serde.AvroSerde;
import java.time.Duration;
import java.util.List;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

/**
 * The catalog of every topic the pipeline reads or writes. Names get an optional prefix so that
 * several pipelines (or tests) share one cluster without seeing each other's data.
 */
public final class Topics {
  public static final String PROBE_RESULTS = "probe-results";
  public static final String USER_REPORTS = "user-reports";
  public static final String PROBE_RESULTS_BY_SERVICE = "probe-results-by-service";
  public static final String USER_REPORTS_BY_SERVICE = "user-reports-by-service";
  public static final String VENDOR_STATUS = "vendor-status";
  public static final String VENDOR_STATUS_BY_SERVICE = "vendor-status-by-service";
  public static final String SCORED_REPORTS = "scored-reports";
  public static final String REGION_HEALTH = "region-health";
  public static final String REPORT_HEALTH = "report-health";
  public static final String OUTAGES = "outages";
  public static final String REGION_IMPACT = "region-impact";
  public static final String ALERTS = "alerts";
  public static final String DEAD_LETTERS = "dead-letters";
  public static final String ALERTS_DLQ = "alerts.dlq";
  public static final String BUSINESSES = "businesses";
  public static final String BUSINESS_NOTICES = "business-notices";
  public static final String BUSINESS_IMPACT = "business-impact";
  public static final String BUSINESS_NOTICES_DLQ = "business-notices.dlq";
  public static final String BUSINESS_KEYS = "business-keys";

  private static final int INPUT_PARTITIONS = 6;
  private static final Duration INPUT_RETENTION = Duration.ofDays(7);
  private static final Duration DERIVED_RETENTION = Duration.ofDays(30);

  /**
   * region-health is what the status page's 90-day uptime bar is read back from after a restart: it
   * keeps 92 days, the page's 90 and the two being written.
   */
  private static final Duration HISTORY_RETENTION = Duration.ofDays(92);

  public final Topic<String, ProbeResult> probeResults;
  public final Topic<String, UserReport> userReports;
  public final Topic<String, ScoredReport> scoredReports;

  /**
   * The inputs' records that their producers put in another partition than their service's (any
   * client but {@link ServicePartitioner}), moved there by the pipeline itself, with markers of how
   * far each input partition has come. Internal: written and read by the pipeline only.
   */
  public final Topic<String, ProbeResult> probeResultsByService;

  public final Topic<String, UserReport> userReportsByService;

  /**
   * What the services' own status pages say of their components (the third signal, written by the
   * {@code vendors} poller or any client), key {@code service|region}.
   */
  public final Topic<String, VendorStatus> vendorStatus;

  public final Topic<String, VendorStatus> vendorStatusByService;
  public final Topic<String, RegionWindowHealth> regionHealth;
  public final Topic<String, ReportWindowStats> reportHealth;
  public final Topic<String, OutageEvent> outages;
  public final Topic<String, RegionImpact> regionImpact;
  public final Topic<String, Page> alerts;

  /** The businesses' profiles: compacted, key business id; a tombstone deletes a business. */
  public final Topic<String, Business> businesses;

  /** What each business is to be told about each outage that hurts it (key business id). */
  public final Topic<String, BusinessNotice> businessNotices;

  /** What the outages open now cost each business (compacted, key business id). */
  public final Topic<String, BusinessImpact> businessImpact;

  /** Pages an integration could not deliver after every attempt, with the last error. */
  public final Topic<String, PageDeadLetter> alertsDeadLetters;

  /** Each business's API key as a salted slow hash (compacted, key business id). */
  public final Topic<String, BusinessKey> businessKeys;

  /** Business notices a contact could not take after every attempt, with the last error. */
  public final Topic<String, BusinessNoticeDeadLetter> businessNoticeDeadLetters;

  /** Records no stage could read or process, with the error in their headers; raw bytes kept. */
  public final Topic<byte[], byte[]> deadLetters;

  /**
   * Regions with an impact topic of their own ({@code impact.<region>}), by default the ones the
   * demo probes.
   */
  public static final List<String> DEFAULT_IMPACT_REGIONS =
      List.of("BR", "DE", "GB", "IN", "NL", "US");

  private static final String IMPACT_PREFIX = "impact.";

  private final String prefix;
  private final SchemaRegistryClient registry;
  private final List<Topic<String, RegionImpact>> impactTopics;

  private Topics(String prefix, SchemaRegistryClient registry) {
    this.prefix = prefix;
    this.registry = registry;
    Serde<String> keys = Serdes.String();
    probeResults =
        new Topic<>(
            prefix + PROBE_RESULTS,
            keys,
            values(ProbeResult.class, registry),
            INPUT_PARTITIONS,
            INPUT_RETENTION,
            false);
    userReports =
        new Topic<>(
            prefix + USER_REPORTS,
            keys,
            values(UserReport.class, registry),
            INPUT_PARTITIONS,
            INPUT_RETENTION,
            false);
    probeResultsByService =
        new Topic<>(
            prefix + PROBE_RESULTS_BY_SERVICE,
            keys,
            probeResults.valueSerde(),
            INPUT_PARTITIONS,
            INPUT_RETENTION,
            false);
    userReportsByService =
        new Topic<>(
            prefix + USER_REPORTS_BY_SERVICE,
            keys,
            userReports.valueSerde(),
            INPUT_PARTITIONS,
            INPUT_RETENTION,
            false);
    vendorStatus =
        new Topic<>(
            prefix + VENDOR_STATUS,
            keys,
            values(VendorStatus.class, registry),
            INPUT_PARTITIONS,
            INPUT_RETENTION,
            false);
    vendorStatusByService =
        new Topic<>(
            prefix + VENDOR_STATUS_BY_SERVICE,
            keys,
            vendorStatus.valueSerde(),
            INPUT_PARTITIONS,
            INPUT_RETENTION,
            false);
    scoredReports =
        new Topic<>(
            prefix + SCORED_REPORTS,
            keys,
            values(ScoredReport.class, registry),
            INPUT_PARTITIONS,
            INPUT_RETENTION,
            false);
    regionHealth =
        new Topic<>(
            prefix + REGION_HEALTH,
            keys,
            values(RegionWindowHealth.class, registry),
            INPUT_PARTITIONS,
            HISTORY_RETENTION,
            false);
    reportHealth =
        new Topic<>(
            prefix + REPORT_HEALTH,
            keys,
            values(ReportWindowStats.class, registry),
            INPUT_PARTITIONS,
            DERIVED_RETENTION,
            false);
    outages =
        new Topic<>(prefix + OUTAGES, keys, values(OutageEvent.class, registry), 3, null, true);
    regionImpact =
        new Topic<>(
            prefix + REGION_IMPACT, keys, values(RegionImpact.class, registry), 3, null, true);
    alerts =
        new Topic<>(
            prefix + ALERTS, keys, values(Page.class, registry), 3, DERIVED_RETENTION, false);
    businesses =
        new Topic<>(prefix + BUSINESSES, keys, values(Business.class, registry), 3, null, true);
    businessNotices =
        new Topic<>(
            prefix + BUSINESS_NOTICES,
            keys,
            values(BusinessNotice.class, registry),
            3,
            DERIVED_RETENTION,
            false);
    businessImpact =
        new Topic<>(
            prefix + BUSINESS_IMPACT, keys, values(BusinessImpact.class, registry), 3, null, true);
    alertsDeadLetters =
        new Topic<>(
            prefix + ALERTS_DLQ,
            keys,
            values(PageDeadLetter.class, registry),
            1,
            DERIVED_RETENTION,
            false);
    businessKeys =
        new Topic<>(
            prefix + BUSINESS_KEYS, keys, values(BusinessKey.class, registry), 3, null, true);
    businessNoticeDeadLetters =
        new Topic<>(
            prefix + BUSINESS_NOTICES_DLQ,
            keys,
            values(BusinessNoticeDeadLetter.class, registry),
            1,
            DERIVED_RETENTION,
            false);
    deadLetters =
        new Topic<>(
            prefix + DEAD_LETTERS,
            Serdes.ByteArray(),
            Serdes.ByteArray(),
            1,
            DERIVED_RETENTION,
            false);
    impactTopics =
        DEFAULT_IMPACT_REGIONS.stream()
            .map(
                region ->
                    new Topic<>(
                        impactTopicName(region),
                        keys,
                        regionImpact.valueSerde(),
                        1,
                        DERIVED_RETENTION,
                        false))
            .toList();
  }

  /** The per-region impact topic name, {@code <prefix>impact.<region>}. */
  public String impactTopicName(String region) {
    return prefix + IMPACT_PREFIX + region;
  }

  /** Regions that have an impact topic. */
  public List<String> impactRegions() {
    return DEFAULT_IMPACT_REGIONS;
  }

  /** The catalog with the plain topic names. */
  public static Topics create(SchemaRegistryClient registry) {
    return new Topics("", registry);
  }

  /** The catalog with every name prefixed (e.g. {@code "it-42."}). */
  public static Topics withPrefix(String prefix, SchemaRegistryClient registry) {
    return new Topics(prefix, registry);
  }

  public String prefix() {
    return prefix;
  }

  /** Every topic of the catalog, in data-flow order. */
  public List<Topic<?, ?>> all() {
    List<Topic<?, ?>> all =
        new java.util.ArrayList<>(
            List.of(
                probeResults,
                userReports,
                probeResultsByService,
                userReportsByService,
                vendorStatus,
                vendorStatusByService,
                scoredReports,
                regionHealth,
                reportHealth,
                outages,
                regionImpact,
                alerts,
                businesses,
                businessNotices,
                businessImpact,
                businessKeys,
                alertsDeadLetters,
                businessNoticeDeadLetters,
                deadLetters));
    all.addAll(impactTopics);
    return List.copyOf(all);
  }

  /**
   * The topics producers write the pipeline's inputs to: probe results, user reports, status pages.
   */
  public List<String> inputs() {
    return List.of(probeResults.name(), userReports.name(), vendorStatus.name());
  }

  /**
   * Every topic the pipeline reads its inputs from: the inputs and their by-service topics. It has
   * read everything when its lag on these is 0.
   */
  public List<String> pipelineInputs() {
    return List.of(
        probeResults.name(),
        userReports.name(),
        probeResultsByService.name(),
        userReportsByService.name(),
        vendorStatus.name(),
        vendorStatusByService.name());
  }

  /** A serde for an internal state record, registered in the same registry as the topics. */
  public <T extends SpecificRecord> Serde<T> stateSerde(Class<T> type) {
    return values(type, registry);
  }

  private static <T extends SpecificRecord> Serde<T> values(
      Class<T> type, SchemaRegistryClient registry) {
    return AvroSerde.forValues(type, registry);
  }
}
