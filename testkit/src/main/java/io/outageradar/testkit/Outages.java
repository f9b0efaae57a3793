package io.outageradar.testkit;

import io.outageradar.avro.BusinessNotice;
import io.outageradar.avro.CauseHint;
import io.outageradar.avro.NoticeAction;
import io.outageradar.avro.OutageEvent;
import io.outageradar.avro.OutageScope;
import io.outageradar.avro.OutageState;
import io.outageradar.avro.ReportCategoryCounts;
import io.outageradar.avro.ReportWindowStats;
import java.time.Instant;
import java.util.List;

/** Outage events as the lifecycle emits them, for tests of what follows it (impact, pages). */
public final class Outages {
  /** Onset of every outage made here: the 4 Oct 2021 outage, rounded to its window. */
  public static final Instant ONSET = Instant.parse("2021-10-04T15:40:00Z");

  private Outages() {}

  /**
   * A confirmed and notified outage of {@code service}, one minute after its onset, with a DNS
   * cause.
   */
  public static OutageEvent outage(
      String service, OutageScope scope, List<String> regions, double peakFailureRatio) {
    return OutageEvent.newBuilder()
        .setOutageId(service + "-global-20211004T154000Z")
        .setService(service)
        .setScope(scope)
        .setRegions(regions)
        .setState(OutageState.CONFIRMED)
        .setPreviousState(OutageState.UNKNOWN)
        .setOnset(ONSET)
        .setConfirmedAt(ONSET.plusSeconds(60))
        .setResolvedAt(null)
        .setCause(CauseHint.DNS)
        .setPeakFailureRatio(peakFailureRatio)
        .setMergedInto(null)
        .setNotifiedAt(ONSET.plusSeconds(60))
        .setUpdatedAt(ONSET.plusSeconds(60))
        .build();
  }

  /** {@code outage} resolved at {@code at}: its last change. */
  public static OutageEvent resolved(OutageEvent outage, Instant at) {
    return OutageEvent.newBuilder(outage)
        .setPreviousState(outage.getState())
        .setState(OutageState.RESOLVED)
        .setResolvedAt(at)
        .setUpdatedAt(at)
        .build();
  }

  /**
   * What {@code businessId} is told of {@code outage} at {@code at}, through its channel wa-sales.
   */
  public static BusinessNotice notice(
      String businessId, OutageEvent outage, NoticeAction action, Instant at) {
    return BusinessNotice.newBuilder()
        .setBusinessId(businessId)
        .setOutageId(outage.getOutageId())
        .setDedupKey(businessId + '|' + outage.getOutageId())
        .setAction(action)
        .setAt(at)
        .setService(outage.getService())
        .setRegions(outage.getRegions())
        .setChannels(List.of("wa-sales"))
        .setSince(outage.getOnset())
        .setDurationMs(null)
        .setLoss(List.of())
        .build();
  }

  /**
   * A minute of user reports of {@code service} in {@code region} from {@code start}: anomalous,
   * {@code reports} of them from as many reporters, 80% of them negative.
   */
  public static ReportWindowStats reportMinute(
      String service, String region, Instant start, int reports, double meanSentiment) {
    return ReportWindowStats.newBuilder()
        .setService(service)
        .setRegion(region)
        .setWindowStart(start)
        .setWindowEnd(start.plusSeconds(60))
        .setReports(reports)
        .setDistinctReporters(reports)
        .setBaselineMedian(2)
        .setBaselineMad(1)
        .setAnomalyScore(1)
        .setAnomalous(true)
        .setWarmingUp(false)
        .setMeanSentiment(meanSentiment)
        .setNegativeShare(0.8)
        .setCategories(new ReportCategoryCounts())
        .build();
  }
}
