package io.outageradar.streams;

/**
 * Names of every state store and internal topic. They are part of a deployed application's state
 * (changelog and repartition topics are named after them): renaming one loses that state.
 */
public final class StoreNames {
  public static final String PROBE_WINDOWS = "probe-windows-store";
  public static final String REPORT_WINDOWS = "report-windows-store";
  public static final String REPORTERS_SEEN = "reporters-seen-store";
  public static final String REPORT_BASELINE = "report-baseline-store";
  public static final String REGION_OUTAGES = "region-outages-store";

  /**
   * Every business's profile and the index by service (a global store: every task sees every
   * business). Named anew with the index, so that a store written without it is rebuilt.
   */
  public static final String BUSINESSES = "business-profiles-store";

  /** What each business was told of each outage, key outage id | business id. */
  public static final String BUSINESSES_TOLD = "business-notices-told-store";

  /**
   * Which businesses each open outage hurts, key outage id | business id (outage first, to find
   * them by outage; named anew with that key).
   */
  public static final String BUSINESS_IMPACT_HURTING = "business-impact-hurt-store";

  /** Each business's part of each outage hurting it, key business id | outage id. */
  public static final String BUSINESS_IMPACT_PARTS = "business-impact-parts-store";

  /** The repartition of the parts to the task of their business. */
  public static final String BUSINESS_IMPACT_BY_BUSINESS = "business-impact-by-business";

  public static final String OPEN_PAGES = "open-pages-store";

  /** Certificates that have paged their warning, by service|target. */
  public static final String CERTIFICATE_WARNINGS = "certificate-warnings-store";

  /** The outages topic as a table, by outage id, for interactive queries. */
  public static final String OUTAGES_TABLE = "outages-table-store";

  public static final String OUTAGES_BY_REGION = "outages-by-region";
  public static final String OUTAGE_LIFECYCLE = "outage-lifecycle-store";

  /** Closed verdicts waiting until every input has passed their window. */
  public static final String LIFECYCLE_PENDING = "outage-lifecycle-pending-store";

  /** The event time each input of a detection task has reached. */
  public static final String DETECTION_CLOCKS = "detection-clocks-store";

  /**
   * Records an input's placement holds until every partition they could be merged with has passed
   * them, and how far each partition has come ({@code ServicePlacement}).
   */
  public static final String PROBE_PLACEMENT_QUEUE = "probe-placement-queue-store";

  public static final String PROBE_PLACEMENT_SOURCES = "probe-placement-sources-store";
  public static final String REPORT_PLACEMENT_QUEUE = "report-placement-queue-store";
  public static final String REPORT_PLACEMENT_SOURCES = "report-placement-sources-store";
  public static final String VENDOR_PLACEMENT_QUEUE = "vendor-placement-queue-store";
  public static final String VENDOR_PLACEMENT_SOURCES = "vendor-placement-sources-store";

  private StoreNames() {}
}
