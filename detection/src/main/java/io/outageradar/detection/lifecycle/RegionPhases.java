package io.outageradar.detection.lifecycle;

import io.outageradar.avro.state.OpenOutage;
import io.outageradar.avro.state.RegionPhase;
import io.outageradar.avro.state.RegionTrack;
import io.outageradar.detection.DetectionConfig;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The per-region phase machine (see {@link OutageLifecycle} for the phases), fed one window that is
 * DOWN or not; the outage a region is part of is the {@link OutageBook}'s.
 */
final class RegionPhases {
  /** Reports count as agreeing with a window when anomalous in it or the minute before it. */
  private static final Duration RECENT_REPORTS = Duration.ofMinutes(1);

  private final DetectionConfig config;
  private final AgentEvidence agents;
  private final OutageBook book;

  RegionPhases(DetectionConfig config, AgentEvidence agents, OutageBook book) {
    this.config = config;
    this.agents = agents;
    this.book = book;
  }

  /** One window of the region, DOWN or not; {@code confirmAtOnce} when both signals agree. */
  void advance(LifecycleStep step, RegionTrack track, boolean down, boolean confirmAtOnce) {
    switch (track.getPhase()) {
      case NORMAL -> {
        if (down) {
          track.setPhase(RegionPhase.SUSPECTED);
          track.setOnset(step.evidenceStart());
          confirmIfEnough(step, track, confirmAtOnce);
        } else {
          degradeIfPartial(step, track);
        }
      }
      case SUSPECTED -> {
        if (confirmIfEnough(step, track, confirmAtOnce)) {
          return;
        }
        if (!degradeIfPartial(step, track) && track.getHealthyStreak() >= config.ofWindows()) {
          reset(track);
        }
      }
      case DEGRADED -> {
        if (down && confirmIfEnough(step, track, confirmAtOnce)) {
          return;
        }
        if (track.getCleanStreak() >= config.resolveAfterHealthyWindows()) {
          track.setPhase(RegionPhase.RECOVERING);
          track.setRecoveringSince(agents.cleanSince(track, step.end()));
          OutageBook.publish(step, step.state().getOpenOutages().get(track.getOutageId()));
        }
      }
      case CONFIRMED -> {
        OpenOutage outage = step.state().getOpenOutages().get(track.getOutageId());
        if (down) {
          OutageBook.recordDown(outage, step);
        } else {
          track.setPhase(RegionPhase.RECOVERING);
          track.setRecoveringSince(step.start());
          OutageBook.publish(step, outage);
        }
      }
      case RECOVERING -> {
        OpenOutage outage = step.state().getOpenOutages().get(track.getOutageId());
        if (down) {
          track.setPhase(RegionPhase.CONFIRMED);
          track.setRecoveringSince(null);
          OutageBook.recordDown(outage, step);
          book.escalate(step, outage);
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
          OutageBook.publish(step, outage);
        }
      }
    }
  }

  /** The region is confirmed down: it joins an outage, or its outage is confirmed down. */
  void confirm(LifecycleStep step, RegionTrack track) {
    OpenOutage current =
        track.getOutageId() == null ? null : step.state().getOpenOutages().get(track.getOutageId());
    track.setPhase(RegionPhase.CONFIRMED);
    if (current != null) {
      // reports may date the failure earlier than the degraded rule did
      if (track.getOnset().isBefore(current.getEvent().getOnset())) {
        current.getEvent().setOnset(track.getOnset());
      }
      OutageBook.recordDown(current, step);
      book.escalate(step, current);
      return;
    }
    book.attach(step, track, true);
  }

  /** Keeps the last {@code ofWindows} verdicts of the region and its run of healthy ones. */
  void remember(RegionTrack track, boolean down) {
    List<Boolean> recent = track.getRecentDown();
    recent.add(down);
    while (recent.size() > config.ofWindows()) {
      recent.remove(0);
    }
    track.setHealthyStreak(down ? 0 : track.getHealthyStreak() + 1);
  }

  /**
   * Reports were anomalous in the window starting at {@code windowStart} or the minute before it.
   */
  static boolean reportsRecent(RegionTrack track, Instant windowStart) {
    Instant until = track.getReportsAnomalousUntil();
    return until != null && !until.isBefore(windowStart.minus(RECENT_REPORTS));
  }

  /**
   * Both signals are healthy again: probes clean for long enough given how intermittent the failure
   * was (healthy windows in a row for a region only reports watch), and reports no longer
   * anomalous.
   */
  private boolean recovered(RegionTrack track, LifecycleStep step) {
    if (step.probe() == null) {
      return track.getHealthyStreak() >= config.resolveAfterHealthyWindows();
    }
    return track.getCleanStreak() >= agents.requiredCleanRun(track)
        && !reportsRecent(track, step.start());
  }

  /** Opens (or joins) a DEGRADED outage when the region's failure is partial but spread. */
  private boolean degradeIfPartial(LifecycleStep step, RegionTrack track) {
    if (step.probe() == null || !agents.degraded(track)) {
      return false;
    }
    Instant since = agents.degradedSince(track, step.start());
    if (track.getOnset() == null || since.isBefore(track.getOnset())) {
      track.setOnset(since);
    }
    track.setPhase(RegionPhase.DEGRADED);
    book.attach(step, track, false);
    return true;
  }

  private boolean confirmIfEnough(LifecycleStep step, RegionTrack track, boolean confirmAtOnce) {
    long downWindows = track.getRecentDown().stream().filter(Boolean::booleanValue).count();
    if (!confirmAtOnce && downWindows < config.confirmWindows()) {
      return false;
    }
    confirm(step, track);
    return true;
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
}
