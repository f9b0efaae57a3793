package io.outageradar.detection.lifecycle;

import io.outageradar.avro.CauseHint;
import io.outageradar.avro.HealthStatus;
import io.outageradar.avro.OutageEvent;
import io.outageradar.avro.OutageScope;
import io.outageradar.avro.OutageState;
import io.outageradar.avro.RegionWindowHealth;
import io.outageradar.avro.ReportWindowStats;
import io.outageradar.avro.state.OpenOutage;
import io.outageradar.avro.state.RegionPhase;
import io.outageradar.avro.state.RegionTrack;
import io.outageradar.avro.state.ServiceLifecycleState;
import io.outageradar.detection.DetectionConfig;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.TreeSet;

/**
 * The outages of one service: which outage a failing region joins (the open global one, a new or
 * re-opened global one taking in the regional ones, or a regional one of its own), their ids, what
 * they carry (failure classes, reports, sentiment), when they page, and the changes they publish.
 */
final class OutageBook {
  private static final DateTimeFormatter ID_TIME =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

  private final DetectionConfig config;

  OutageBook(DetectionConfig config) {
    this.config = config;
  }

  /**
   * Puts a region that confirmed ({@code severe}) or degraded into an outage: the open global one,
   * a new (or re-opened) global one taking in the regional ones when enough regions are affected,
   * or a regional one of its own.
   */
  void attach(LifecycleStep step, RegionTrack track, boolean severe) {
    ServiceLifecycleState state = step.state();
    OpenOutage outage = openGlobal(state);
    if (outage == null && isGlobal(state)) {
      outage = open(step, OutageScope.GLOBAL, earliestOnset(state, track), "global", severe);
      for (OpenOutage regional : List.copyOf(state.getOpenOutages().values())) {
        if (regional != outage) {
          mergeInto(step, regional, outage);
        }
      }
    } else if (outage == null) {
      outage = open(step, OutageScope.REGIONAL, track.getOnset(), step.region(), severe);
    }
    join(outage, step.region(), track);
    recordDown(outage, step);
    if (severe) {
      escalate(step, outage);
    } else {
      publish(step, outage);
    }
  }

  /**
   * Marks an outage confirmed down; a GLOBAL one that had not paged (it was only degraded) pages
   * now.
   */
  void escalate(LifecycleStep step, OpenOutage outage) {
    outage.setSevere(true);
    OutageEvent event = outage.getEvent();
    boolean pagesNow = event.getScope() == OutageScope.GLOBAL && event.getNotifiedAt() == null;
    if (pagesNow) {
      event.setNotifiedAt(step.end());
    }
    publish(step, outage, pagesNow);
  }

  /** Pages the regional outages that have waited the roll-up time without joining a global one. */
  void notifyHeldBack(LifecycleStep step) {
    Instant now = step.end();
    for (OpenOutage outage : List.copyOf(step.state().getOpenOutages().values())) {
      OutageEvent event = outage.getEvent();
      if (event.getNotifiedAt() == null
          && pages(outage)
          && !event.getConfirmedAt().plus(config.rollupWait()).isAfter(now)) {
        event.setNotifiedAt(now);
        publish(step, outage, true);
      }
    }
  }

  /**
   * Adds a minute's reports to the open outage of its region, carried on the outage's next change.
   */
  static void countReports(
      ServiceLifecycleState state, RegionTrack track, ReportWindowStats minute) {
    OpenOutage outage =
        track.getOutageId() == null ? null : state.getOpenOutages().get(track.getOutageId());
    if (outage == null) {
      return;
    }
    OutageEvent event = outage.getEvent();
    event.setReports(event.getReports() + minute.getReports());
    if (minute.getMeanSentiment() != null) {
      outage.setSentimentSum(
          outage.getSentimentSum() + minute.getMeanSentiment() * minute.getReports());
      outage.setSentimentCount(outage.getSentimentCount() + minute.getReports());
      event.setMeanSentiment(outage.getSentimentSum() / outage.getSentimentCount());
    }
  }

  /** What a DOWN window tells about the outage: the probes' failure classes, when probes saw it. */
  static void recordDown(OpenOutage outage, LifecycleStep step) {
    RegionWindowHealth window = step.probe();
    if (window == null || window.getStatus() != HealthStatus.DOWN) {
      return;
    }
    outage
        .getFailureCounts()
        .merge(window.getDominantFailure().name(), window.getFailedChecks(), Integer::sum);
    OutageEvent event = outage.getEvent();
    event.setPeakFailureRatio(Math.max(event.getPeakFailureRatio(), window.getFailureRatio()));
  }

  /**
   * Recomputes the outage's phase from its regions and publishes a change when phase or regions
   * changed.
   */
  static void publish(LifecycleStep step, OpenOutage outage) {
    publish(step, outage, false);
  }

  private boolean pages(OpenOutage outage) {
    return outage.getSevere() || config.pageDegraded();
  }

  /**
   * A new outage, or the one the region was part of when it resolved within {@code reopenWithin}:
   * the same incident coming back keeps its id and pages again under it.
   */
  private OpenOutage open(
      LifecycleStep step, OutageScope scope, Instant onset, String tag, boolean severe) {
    ServiceLifecycleState state = step.state();
    OpenOutage outage = reopenable(state, step.region(), scope);
    if (outage != null) {
      state.getRecentlyResolved().remove(outage.getEvent().getOutageId());
      OutageEvent event = outage.getEvent();
      event.setResolvedAt(null);
      event.setReopens(event.getReopens() + 1);
      event.setNotifiedAt(null);
      outage.setSevere(outage.getSevere() || severe);
    } else {
      outage = newOutage(step, scope, onset, tag);
      outage.setSevere(severe);
    }
    if (scope == OutageScope.GLOBAL && pages(outage)) {
      outage.getEvent().setNotifiedAt(step.end());
    }
    state.getOpenOutages().put(outage.getEvent().getOutageId(), outage);
    return outage;
  }

  /**
   * The most recently resolved outage of the same scope that had the region in it (for a global
   * one, any global one), if it resolved within {@code reopenWithin}.
   */
  private static OpenOutage reopenable(
      ServiceLifecycleState state, String region, OutageScope scope) {
    OpenOutage latest = null;
    for (OpenOutage resolved : state.getRecentlyResolved().values()) {
      OutageEvent event = resolved.getEvent();
      boolean matches =
          event.getScope() == scope
              && (scope == OutageScope.GLOBAL || event.getRegions().contains(region));
      if (matches
          && (latest == null || event.getResolvedAt().isAfter(latest.getEvent().getResolvedAt()))) {
        latest = resolved;
      }
    }
    return latest;
  }

  private static OpenOutage newOutage(
      LifecycleStep step, OutageScope scope, Instant onset, String tag) {
    String id = step.service() + "-" + tag + "-" + ID_TIME.format(onset);
    OutageEvent event =
        OutageEvent.newBuilder()
            .setOutageId(id)
            .setService(step.service())
            .setScope(scope)
            .setRegions(new ArrayList<>())
            .setState(OutageState.UNKNOWN)
            .setPreviousState(OutageState.UNKNOWN)
            .setOnset(onset)
            .setConfirmedAt(step.end())
            .setResolvedAt(null)
            .setCause(CauseHint.UNKNOWN)
            .setPeakFailureRatio(0.0)
            .setMergedInto(null)
            .setReports(0L)
            .setMeanSentiment(null)
            .setNotifiedAt(null)
            .setUpdatedAt(step.end())
            .setReopens(0)
            .build();
    return new OpenOutage(
        event, new HashMap<>(), new ArrayList<>(), new ArrayList<>(), 0.0, 0L, true);
  }

  private static void mergeInto(LifecycleStep step, OpenOutage regional, OpenOutage global) {
    OutageEvent from = regional.getEvent();
    OutageEvent into = global.getEvent();
    for (String region : regional.getOpenRegions()) {
      join(global, region, step.state().getRegions().get(region));
    }
    regional
        .getRegions()
        .forEach(
            region -> {
              if (!global.getRegions().contains(region)) {
                global.getRegions().add(region);
              }
            });
    regional
        .getFailureCounts()
        .forEach((status, count) -> global.getFailureCounts().merge(status, count, Integer::sum));
    into.setPeakFailureRatio(Math.max(into.getPeakFailureRatio(), from.getPeakFailureRatio()));
    global.setSevere(global.getSevere() || regional.getSevere());
    into.setReports(into.getReports() + from.getReports());
    global.setSentimentSum(global.getSentimentSum() + regional.getSentimentSum());
    global.setSentimentCount(global.getSentimentCount() + regional.getSentimentCount());
    into.setMeanSentiment(
        global.getSentimentCount() == 0
            ? null
            : global.getSentimentSum() / global.getSentimentCount());
    if (from.getConfirmedAt().isBefore(into.getConfirmedAt())) {
      into.setConfirmedAt(from.getConfirmedAt());
    }
    regional.getOpenRegions().clear();
    from.setMergedInto(into.getOutageId());
    from.setResolvedAt(step.end());
    publish(step, regional);
  }

  private static void join(OpenOutage outage, String region, RegionTrack track) {
    track.setOutageId(outage.getEvent().getOutageId());
    if (!outage.getOpenRegions().contains(region)) {
      outage.getOpenRegions().add(region);
    }
    if (!outage.getRegions().contains(region)) {
      outage.getRegions().add(region);
    }
  }

  private static void publish(LifecycleStep step, OpenOutage outage, boolean notified) {
    ServiceLifecycleState state = step.state();
    OutageEvent last = outage.getEvent();
    OutageState phase = phaseOf(state, outage);
    List<String> regions = List.copyOf(new TreeSet<>(outage.getRegions()));
    if (!notified && phase == last.getState() && regions.equals(last.getRegions())) {
      return;
    }
    OutageEvent next =
        OutageEvent.newBuilder(last)
            .setPreviousState(last.getState())
            .setState(phase)
            .setRegions(new ArrayList<>(regions))
            .setCause(CauseHints.fromFailureCounts(outage.getFailureCounts()))
            .setUpdatedAt(step.end())
            .setVendorSays(VendorWord.view(state, regions))
            .build();
    outage.setEvent(next);
    step.changes().add(OutageEvent.newBuilder(next).build());
    if (phase == OutageState.RESOLVED) {
      state.getOpenOutages().remove(next.getOutageId());
      if (next.getMergedInto() == null && next.getResolvedAt() != null) {
        state.getRecentlyResolved().put(next.getOutageId(), outage);
      }
    }
  }

  private static OutageState phaseOf(ServiceLifecycleState state, OpenOutage outage) {
    if (outage.getOpenRegions().isEmpty()) {
      return OutageState.RESOLVED;
    }
    boolean allRecovering =
        outage.getOpenRegions().stream()
            .allMatch(
                region -> state.getRegions().get(region).getPhase() == RegionPhase.RECOVERING);
    if (allRecovering) {
      return OutageState.RECOVERING;
    }
    return outage.getSevere() ? OutageState.CONFIRMED : OutageState.DEGRADED;
  }

  private static OpenOutage openGlobal(ServiceLifecycleState state) {
    return state.getOpenOutages().values().stream()
        .filter(o -> o.getEvent().getScope() == OutageScope.GLOBAL)
        .findFirst()
        .orElse(null);
  }

  /**
   * Enough regions are down together for one GLOBAL story: {@code globalMinRegions} of them, or at
   * least two that are {@code globalMinShare} of the regions the service is monitored in.
   */
  private boolean isGlobal(ServiceLifecycleState state) {
    long affected = affectedRegions(state);
    double share = (double) affected / state.getRegions().size();
    return affected >= config.globalMinRegions()
        || (affected >= 2 && share >= config.globalMinShare());
  }

  private static long affectedRegions(ServiceLifecycleState state) {
    return state.getRegions().values().stream()
        .filter(t -> t.getPhase() != RegionPhase.NORMAL)
        .count();
  }

  private static Instant earliestOnset(ServiceLifecycleState state, RegionTrack confirming) {
    Instant earliest = confirming.getOnset();
    for (RegionTrack track : state.getRegions().values()) {
      boolean confirmed =
          track.getPhase() == RegionPhase.CONFIRMED
              || track.getPhase() == RegionPhase.RECOVERING
              || track.getPhase() == RegionPhase.DEGRADED;
      if (confirmed && track.getOnset() != null && track.getOnset().isBefore(earliest)) {
        earliest = track.getOnset();
      }
    }
    for (OpenOutage open : state.getOpenOutages().values()) {
      if (open.getEvent().getOnset().isBefore(earliest)) {
        earliest = open.getEvent().getOnset();
      }
    }
    return earliest;
  }
}
