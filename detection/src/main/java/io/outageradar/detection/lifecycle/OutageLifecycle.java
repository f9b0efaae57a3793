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
import io.outageradar.avro.state.RegionSignal;
import io.outageradar.avro.state.RegionTrack;
import io.outageradar.avro.state.ServiceLifecycleState;
import io.outageradar.detection.DetectionConfig;
import io.outageradar.detection.reports.ReportDetectionConfig;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.TreeSet;

/**
 * The outage state machine of one service, fed one closed region window at a time.
 *
 * <p>Per region: NORMAL → SUSPECTED on a DOWN window; SUSPECTED → CONFIRMED when {@code
 * confirmWindows} of the last {@code ofWindows} are DOWN (N-of-M damping), or back to NORMAL after
 * {@code ofWindows} healthy ones; NORMAL or SUSPECTED → DEGRADED when several agents keep seeing
 * some checks fail (a partial failure, see {@link AgentEvidence}); DEGRADED → CONFIRMED when the
 * region is confirmed down after all; CONFIRMED → RECOVERING on a non-DOWN window, DEGRADED →
 * RECOVERING after {@code resolveAfterHealthyWindows} clean ones; RECOVERING → NORMAL only when
 * both signals are healthy: a run of clean windows long enough for how intermittent the failure was
 * and no anomalous reports (hysteresis, so a partial failure does not open and close outages), or
 * back to CONFIRMED on a DOWN window.
 *
 * <p>Per service: a confirmed region opens a REGIONAL outage, unless at least {@code
 * globalMinRegions} regions are suspected or confirmed together: then one GLOBAL outage opens,
 * takes in the regional outages already open (they end with {@code mergedInto}) and every region
 * that confirms later, and resolves when its last region recovers. Only changes are emitted.
 *
 * <p>A GLOBAL outage notifies on-call at once; a REGIONAL one only after {@code rollupWait}, so
 * that regions failing a few windows apart become one global page rather than a regional page each.
 * An outage whose regions are only DEGRADED notifies only with {@code pageDegraded}, and otherwise
 * once a region of it is confirmed down. A region failing again within {@code reopenWithin} of the
 * resolution of an outage it was part of re-opens that outage: same id, so the pager re-triggers
 * the same incident.
 */
public final class OutageLifecycle {
  private static final DateTimeFormatter ID_TIME =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

  private final DetectionConfig config;
  private final ReportDetectionConfig reports;
  private final AgentEvidence agents;

  public OutageLifecycle(DetectionConfig config, ReportDetectionConfig reports) {
    this.config = config;
    this.reports = reports;
    this.agents = new AgentEvidence(config);
  }

  public static ServiceLifecycleState emptyState() {
    return new ServiceLifecycleState(new HashMap<>(), new HashMap<>(), new HashMap<>());
  }

  /**
   * Applies one closed window of one signal of one region; returns the outage changes it caused,
   * oldest first.
   */
  public List<OutageEvent> apply(ServiceLifecycleState state, RegionSignal signal) {
    Instant now =
        signal.getProbe() != null
            ? signal.getProbe().getWindowEnd()
            : signal.getReports().getWindowEnd();
    state
        .getRecentlyResolved()
        .values()
        .removeIf(
            outage -> outage.getEvent().getResolvedAt().plus(config.reopenWithin()).isBefore(now));
    return signal.getProbe() != null
        ? applyProbe(state, signal.getProbe())
        : applyReports(state, signal.getReports());
  }

  /**
   * One closed window of one region as the phase machine sees it, with the probe verdict when
   * probes judged it, and where the evidence of a failure in it begins (an anomalous report streak
   * starts minutes before the minute that completes it).
   */
  private record Step(
      String service,
      String region,
      Instant start,
      Instant end,
      RegionWindowHealth probe,
      Instant evidenceStart) {}

  List<OutageEvent> applyProbe(ServiceLifecycleState state, RegionWindowHealth window) {
    RegionTrack track =
        state.getRegions().computeIfAbsent(window.getRegion(), region -> newTrack());
    if (!window.getWindowEnd().isAfter(track.getLastWindowEnd())) {
      return List.of(); // a replayed or out-of-order window: its verdict is already in the track
    }
    track.setLastWindowEnd(window.getWindowEnd());
    Uptime.count(track, window);
    boolean probesDown = window.getStatus() == HealthStatus.DOWN;
    boolean reportsAgree = reportsRecent(track, window.getWindowStart());
    boolean reportsConfirm = reportsAgree && track.getReportStreak() >= reports.confirmMinutes();
    List<OutageEvent> events = new ArrayList<>();
    Step step =
        new Step(
            window.getService(),
            window.getRegion(),
            window.getWindowStart(),
            window.getWindowEnd(),
            window,
            reportsAgree && track.getReportStreakStart() != null
                ? earlier(track.getReportStreakStart(), window.getWindowStart())
                : window.getWindowStart());
    boolean down = probesDown || reportsConfirm;
    remember(track, down);
    boolean clean = agents.observe(track, window);
    // Independent signals agreeing confirm at once; either alone needs its own confirmation rule.
    advance(state, track, step, down, probesDown && reportsAgree, events);
    if (track.getPhase() != RegionPhase.NORMAL) {
      AgentEvidence.countIncidentWindow(track, clean);
    }
    notifyHeldBack(state, window.getWindowEnd(), events);
    return events;
  }

  List<OutageEvent> applyReports(ServiceLifecycleState state, ReportWindowStats minute) {
    RegionTrack track =
        state.getRegions().computeIfAbsent(minute.getRegion(), region -> newTrack());
    if (minute.getAnomalous()) {
      if (track.getReportStreak() == 0) {
        track.setReportStreakStart(minute.getWindowStart());
      }
      track.setReportStreak(track.getReportStreak() + 1);
      track.setReportsAnomalousUntil(minute.getWindowEnd());
    } else {
      track.setReportStreak(0);
      track.setReportStreakStart(null);
    }
    countReports(state, track, minute);
    List<OutageEvent> events = new ArrayList<>();
    Instant evidenceStart =
        track.getReportStreakStart() == null
            ? minute.getWindowStart()
            : track.getReportStreakStart();
    Step step =
        new Step(
            minute.getService(),
            minute.getRegion(),
            minute.getWindowStart(),
            minute.getWindowEnd(),
            null,
            evidenceStart);
    boolean reportsConfirm = track.getReportStreak() >= reports.confirmMinutes();
    boolean hasProbes = track.getLastWindowEnd().isAfter(Instant.EPOCH);
    if (!hasProbes) {
      // A region nobody probes: its report minutes are the only clock of its phase machine.
      remember(track, reportsConfirm);
      advance(state, track, step, reportsConfirm, reportsConfirm, events);
    } else if (reportsConfirm
        && (track.getPhase() == RegionPhase.NORMAL
            || track.getPhase() == RegionPhase.SUSPECTED
            || track.getPhase() == RegionPhase.DEGRADED)) {
      if (track.getOnset() == null || evidenceStart.isBefore(track.getOnset())) {
        track.setOnset(evidenceStart);
      }
      confirm(state, track, step, events);
    }
    notifyHeldBack(state, minute.getWindowEnd(), events);
    return events;
  }

  /**
   * Adds a minute's reports to the open outage of its region, carried on the outage's next change.
   */
  private static void countReports(
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

  /**
   * Reports were anomalous in the window starting at {@code windowStart} or the minute before it.
   */
  private static boolean reportsRecent(RegionTrack track, Instant windowStart) {
    Instant until = track.getReportsAnomalousUntil();
    return until != null && !until.isBefore(windowStart.minus(RECENT_REPORTS));
  }

  private static final Duration RECENT_REPORTS = Duration.ofMinutes(1);

  /** The per-region phase machine, fed one window that is DOWN or not. */
  private void advance(
      ServiceLifecycleState state,
      RegionTrack track,
      Step step,
      boolean down,
      boolean confirmAtOnce,
      List<OutageEvent> events) {
    switch (track.getPhase()) {
      case NORMAL -> {
        if (down) {
          track.setPhase(RegionPhase.SUSPECTED);
          track.setOnset(step.evidenceStart());
          confirmIfEnough(state, track, step, confirmAtOnce, events);
        } else {
          degradeIfPartial(state, track, step, events);
        }
      }
      case SUSPECTED -> {
        if (confirmIfEnough(state, track, step, confirmAtOnce, events)) {
          return;
        }
        if (!degradeIfPartial(state, track, step, events)
            && track.getHealthyStreak() >= config.ofWindows()) {
          reset(track);
        }
      }
      case DEGRADED -> {
        if (down && confirmIfEnough(state, track, step, confirmAtOnce, events)) {
          return;
        }
        if (track.getCleanStreak() >= config.resolveAfterHealthyWindows()) {
          track.setPhase(RegionPhase.RECOVERING);
          track.setRecoveringSince(agents.cleanSince(track, step.end()));
          publish(state, state.getOpenOutages().get(track.getOutageId()), step.end(), events);
        }
      }
      case CONFIRMED -> {
        OpenOutage outage = state.getOpenOutages().get(track.getOutageId());
        if (down) {
          recordDown(outage, step);
        } else {
          track.setPhase(RegionPhase.RECOVERING);
          track.setRecoveringSince(step.start());
          publish(state, outage, step.end(), events);
        }
      }
      case RECOVERING -> {
        OpenOutage outage = state.getOpenOutages().get(track.getOutageId());
        if (down) {
          track.setPhase(RegionPhase.CONFIRMED);
          track.setRecoveringSince(null);
          recordDown(outage, step);
          escalate(state, outage, step.end(), events);
        } else if (recovered(track, step)) {
          removeRegion(outage.getOpenRegions(), step.region());
          Instant recoveredAt =
              step.probe() == null
                  ? track.getRecoveringSince()
                  : agents.failureEnded(track, step.end());
          reset(track);
          // the failures behind the incident are over: they must not open it again as degraded
          track.getAgentFailureBits().clear();
          if (outage.getOpenRegions().isEmpty()) {
            outage.getEvent().setResolvedAt(recoveredAt);
          }
          publish(state, outage, step.end(), events);
        }
      }
    }
  }

  /**
   * Both signals are healthy again: probes clean for long enough given how intermittent the failure
   * was (healthy windows in a row for a region only reports watch), and reports no longer
   * anomalous.
   */
  private boolean recovered(RegionTrack track, Step step) {
    if (step.probe() == null) {
      return track.getHealthyStreak() >= config.resolveAfterHealthyWindows();
    }
    return track.getCleanStreak() >= agents.requiredCleanRun(track)
        && !reportsRecent(track, step.start());
  }

  /** Opens (or joins) a DEGRADED outage when the region's failure is partial but spread. */
  private boolean degradeIfPartial(
      ServiceLifecycleState state, RegionTrack track, Step step, List<OutageEvent> events) {
    if (step.probe() == null || !agents.degraded(track)) {
      return false;
    }
    Instant since = agents.degradedSince(track, step.start());
    if (track.getOnset() == null || since.isBefore(track.getOnset())) {
      track.setOnset(since);
    }
    track.setPhase(RegionPhase.DEGRADED);
    attach(state, track, step, false, events);
    return true;
  }

  /** Pages the regional outages that have waited the roll-up time without joining a global one. */
  private void notifyHeldBack(ServiceLifecycleState state, Instant now, List<OutageEvent> events) {
    for (OpenOutage outage : List.copyOf(state.getOpenOutages().values())) {
      OutageEvent event = outage.getEvent();
      if (event.getNotifiedAt() == null
          && pages(outage)
          && !event.getConfirmedAt().plus(config.rollupWait()).isAfter(now)) {
        event.setNotifiedAt(now);
        publish(state, outage, now, events, true);
      }
    }
  }

  private boolean confirmIfEnough(
      ServiceLifecycleState state,
      RegionTrack track,
      Step step,
      boolean confirmAtOnce,
      List<OutageEvent> events) {
    long downWindows = track.getRecentDown().stream().filter(Boolean::booleanValue).count();
    if (!confirmAtOnce && downWindows < config.confirmWindows()) {
      return false;
    }
    confirm(state, track, step, events);
    return true;
  }

  private void confirm(
      ServiceLifecycleState state, RegionTrack track, Step step, List<OutageEvent> events) {
    OpenOutage current =
        track.getOutageId() == null ? null : state.getOpenOutages().get(track.getOutageId());
    track.setPhase(RegionPhase.CONFIRMED);
    if (current != null) {
      // reports may date the failure earlier than the degraded rule did
      if (track.getOnset().isBefore(current.getEvent().getOnset())) {
        current.getEvent().setOnset(track.getOnset());
      }
      recordDown(current, step);
      escalate(state, current, step.end(), events);
      return;
    }
    attach(state, track, step, true, events);
  }

  /**
   * Puts a region that confirmed ({@code severe}) or degraded into an outage: the open global one,
   * a new (or re-opened) global one taking in the regional ones when enough regions are affected,
   * or a regional one of its own.
   */
  private void attach(
      ServiceLifecycleState state,
      RegionTrack track,
      Step step,
      boolean severe,
      List<OutageEvent> events) {
    OpenOutage outage = openGlobal(state);
    if (outage == null && isGlobal(state)) {
      outage = open(state, step, OutageScope.GLOBAL, earliestOnset(state, track), "global", severe);
      for (OpenOutage regional : List.copyOf(state.getOpenOutages().values())) {
        if (regional != outage) {
          mergeInto(state, regional, outage, step.end(), events);
        }
      }
    } else if (outage == null) {
      outage = open(state, step, OutageScope.REGIONAL, track.getOnset(), step.region(), severe);
    }
    join(outage, step.region(), track);
    recordDown(outage, step);
    if (severe) {
      escalate(state, outage, step.end(), events);
    } else {
      publish(state, outage, step.end(), events);
    }
  }

  /**
   * Marks an outage confirmed down; a GLOBAL one that had not paged (it was only degraded) pages
   * now.
   */
  private void escalate(
      ServiceLifecycleState state, OpenOutage outage, Instant at, List<OutageEvent> events) {
    outage.setSevere(true);
    OutageEvent event = outage.getEvent();
    boolean pagesNow = event.getScope() == OutageScope.GLOBAL && event.getNotifiedAt() == null;
    if (pagesNow) {
      event.setNotifiedAt(at);
    }
    publish(state, outage, at, events, pagesNow);
  }

  private boolean pages(OpenOutage outage) {
    return outage.getSevere() || config.pageDegraded();
  }

  /**
   * A new outage, or the one the region was part of when it resolved within {@code reopenWithin}:
   * the same incident coming back keeps its id and pages again under it.
   */
  private OpenOutage open(
      ServiceLifecycleState state,
      Step step,
      OutageScope scope,
      Instant onset,
      String tag,
      boolean severe) {
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

  private OpenOutage newOutage(Step step, OutageScope scope, Instant onset, String tag) {
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

  private void mergeInto(
      ServiceLifecycleState state,
      OpenOutage regional,
      OpenOutage global,
      Instant at,
      List<OutageEvent> events) {
    OutageEvent from = regional.getEvent();
    OutageEvent into = global.getEvent();
    for (String region : regional.getOpenRegions()) {
      join(global, region, state.getRegions().get(region));
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
    from.setResolvedAt(at);
    publish(state, regional, at, events);
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

  /** What a DOWN window tells about the outage: the probes' failure classes, when probes saw it. */
  private static void recordDown(OpenOutage outage, Step step) {
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
   * Recomputes the outage's phase from its regions and emits an event when phase or regions
   * changed.
   */
  private static void publish(
      ServiceLifecycleState state, OpenOutage outage, Instant at, List<OutageEvent> events) {
    publish(state, outage, at, events, false);
  }

  private static void publish(
      ServiceLifecycleState state,
      OpenOutage outage,
      Instant at,
      List<OutageEvent> events,
      boolean notified) {
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
            .setUpdatedAt(at)
            .build();
    outage.setEvent(next);
    events.add(OutageEvent.newBuilder(next).build());
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

  private static Instant earlier(Instant a, Instant b) {
    return a.isBefore(b) ? a : b;
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

  private void remember(RegionTrack track, boolean down) {
    List<Boolean> recent = track.getRecentDown();
    recent.add(down);
    while (recent.size() > config.ofWindows()) {
      recent.remove(0);
    }
    track.setHealthyStreak(down ? 0 : track.getHealthyStreak() + 1);
  }

  private static void reset(RegionTrack track) {
    track.setPhase(RegionPhase.NORMAL);
    track.setOnset(null);
    track.setRecoveringSince(null);
    track.setOutageId(null);
    AgentEvidence.forgetIncident(track);
  }

  /**
   * By index: the lists of a deserialized Avro record do not support removal through an iterator.
   */
  private static void removeRegion(List<String> regions, String region) {
    int at = regions.indexOf(region);
    if (at >= 0) {
      regions.remove(at);
    }
  }

  private static RegionTrack newTrack() {
    return new RegionTrack(
        RegionPhase.NORMAL,
        new ArrayList<>(),
        0,
        null,
        null,
        Instant.EPOCH,
        null,
        0,
        null,
        null,
        new HashMap<>(),
        new HashMap<>(),
        0,
        0,
        0,
        new ArrayList<>(),
        new ArrayList<>());
  }
}
