package io.outageradar.detection.lifecycle;

import io.outageradar.avro.HealthStatus;
import io.outageradar.avro.OutageEvent;
import io.outageradar.avro.RegionWindowHealth;
import io.outageradar.avro.ReportWindowStats;
import io.outageradar.avro.VendorStatus;
import io.outageradar.avro.state.RegionPhase;
import io.outageradar.avro.state.RegionSignal;
import io.outageradar.avro.state.RegionTrack;
import io.outageradar.avro.state.ServiceLifecycleState;
import io.outageradar.detection.DetectionConfig;
import io.outageradar.detection.reports.ReportDetectionConfig;
import java.time.Instant;
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
 *
 * <p>A service's own status page is evidence, not a verdict ({@link VendorWord}): when it admits an
 * outage, a DOWN probe window or an anomalous report minute confirms at once, and a suspected
 * region confirms when the page says so.
 *
 * <p>The region phases are {@link RegionPhases}'; the outages, their ids, merges and pages the
 * {@link OutageBook}'s; each window is applied as one {@link LifecycleStep}.
 */
public final class OutageLifecycle {
  private final DetectionConfig config;
  private final ReportDetectionConfig reports;
  private final AgentEvidence agents;
  private final OutageBook book;
  private final RegionPhases phases;

  public OutageLifecycle(DetectionConfig config, ReportDetectionConfig reports) {
    this.config = config;
    this.reports = reports;
    this.agents = new AgentEvidence(config);
    this.book = new OutageBook(config);
    this.phases = new RegionPhases(config, agents, book);
  }

  public static ServiceLifecycleState emptyState() {
    return new ServiceLifecycleState(
        new HashMap<>(), new HashMap<>(), new HashMap<>(), new HashMap<>());
  }

  /**
   * Applies one closed window of one signal of one region; returns the outage changes it caused,
   * oldest first.
   */
  public List<OutageEvent> apply(ServiceLifecycleState state, RegionSignal signal) {
    Instant now =
        signal.getProbe() != null
            ? signal.getProbe().getWindowEnd()
            : signal.getReports() != null
                ? signal.getReports().getWindowEnd()
                : signal.getVendor().getObservedAt();
    state
        .getRecentlyResolved()
        .values()
        .removeIf(
            outage -> outage.getEvent().getResolvedAt().plus(config.reopenWithin()).isBefore(now));
    if (signal.getProbe() != null) {
      return applyProbe(state, signal.getProbe());
    }
    return signal.getReports() != null
        ? applyReports(state, signal.getReports())
        : applyVendor(state, signal.getVendor());
  }

  List<OutageEvent> applyProbe(ServiceLifecycleState state, RegionWindowHealth window) {
    RegionTrack track =
        state.getRegions().computeIfAbsent(window.getRegion(), region -> newTrack());
    if (!window.getWindowEnd().isAfter(track.getLastWindowEnd())) {
      return List.of(); // a replayed or out-of-order window: its verdict is already in the track
    }
    track.setLastWindowEnd(window.getWindowEnd());
    Uptime.count(track, window);
    boolean probesDown = window.getStatus() == HealthStatus.DOWN;
    boolean reportsAgree = RegionPhases.reportsRecent(track, window.getWindowStart());
    boolean reportsConfirm = reportsAgree && track.getReportStreak() >= reports.confirmMinutes();
    LifecycleStep step =
        new LifecycleStep(
            state,
            window.getService(),
            window.getRegion(),
            window.getWindowStart(),
            window.getWindowEnd(),
            window,
            reportsAgree && track.getReportStreakStart() != null
                ? earlier(track.getReportStreakStart(), window.getWindowStart())
                : window.getWindowStart(),
            new ArrayList<>());
    boolean down = probesDown || reportsConfirm;
    phases.remember(track, down);
    boolean clean = agents.observe(track, window);
    // Independent signals agreeing confirm at once (reports, or the vendor's own page admitting an
    // outage); either alone needs its own confirmation rule.
    boolean vendorAgrees = VendorWord.saysDown(state, window.getRegion());
    phases.advance(step, track, down, probesDown && (reportsAgree || vendorAgrees));
    if (track.getPhase() != RegionPhase.NORMAL) {
      AgentEvidence.countIncidentWindow(track, clean);
    }
    book.notifyHeldBack(step);
    return step.changes();
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
    OutageBook.countReports(state, track, minute);
    Instant evidenceStart =
        track.getReportStreakStart() == null
            ? minute.getWindowStart()
            : track.getReportStreakStart();
    LifecycleStep step =
        new LifecycleStep(
            state,
            minute.getService(),
            minute.getRegion(),
            minute.getWindowStart(),
            minute.getWindowEnd(),
            null,
            evidenceStart,
            new ArrayList<>());
    boolean reportsConfirm =
        track.getReportStreak() >= reports.confirmMinutes()
            || (minute.getAnomalous() && VendorWord.saysDown(state, minute.getRegion()));
    boolean hasProbes = track.getLastWindowEnd().isAfter(Instant.EPOCH);
    if (!hasProbes) {
      // A region nobody probes: its report minutes are the only clock of its phase machine.
      phases.remember(track, reportsConfirm);
      phases.advance(step, track, reportsConfirm, reportsConfirm);
    } else if (reportsConfirm
        && (track.getPhase() == RegionPhase.NORMAL
            || track.getPhase() == RegionPhase.SUSPECTED
            || track.getPhase() == RegionPhase.DEGRADED)) {
      if (track.getOnset() == null || evidenceStart.isBefore(track.getOnset())) {
        track.setOnset(evidenceStart);
      }
      phases.confirm(step, track);
    }
    book.notifyHeldBack(step);
    return step.changes();
  }

  /**
   * Keeps a status page's statement; one admitting an outage confirms at once the regions it covers
   * that the probes or reports already suspect (or see partly failing). It opens nothing on its own
   * (see {@link VendorWord}).
   */
  List<OutageEvent> applyVendor(ServiceLifecycleState state, VendorStatus status) {
    VendorWord.remember(state, status);
    List<OutageEvent> changes = new ArrayList<>();
    if (!VendorWord.isDown(status.getState())) {
      return changes;
    }
    Instant at = status.getObservedAt();
    for (String region : new TreeSet<>(state.getRegions().keySet())) {
      RegionTrack track = state.getRegions().get(region);
      boolean covered = "*".equals(status.getRegion()) || status.getRegion().equals(region);
      boolean suspected =
          track.getPhase() == RegionPhase.SUSPECTED || track.getPhase() == RegionPhase.DEGRADED;
      if (covered && suspected) {
        phases.confirm(
            new LifecycleStep(
                state, status.getService(), region, at, at, null, track.getOnset(), changes),
            track);
      }
    }
    book.notifyHeldBack(
        new LifecycleStep(
            state, status.getService(), status.getRegion(), at, at, null, at, changes));
    return changes;
  }

  private static Instant earlier(Instant a, Instant b) {
    return a.isBefore(b) ? a : b;
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
