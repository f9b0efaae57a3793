package io.outageradar.detection.lifecycle;

import io.outageradar.avro.RegionWindowHealth;
import io.outageradar.avro.state.RegionTrack;
import io.outageradar.detection.DetectionConfig;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * What a region's probe windows say agent by agent, beyond the per-window DOWN verdict: whether a
 * partial failure is spread over several agents (DEGRADED), whether a window was clean, and how
 * long a clean run must be before an intermittent failure can be believed over.
 *
 * <p>A window is clean when no agent had a failed check in it, apart from agents that were already
 * failing before the region's incident began (a broken agent must not hold an incident open, nor
 * open one). The clean run a recovery needs grows with how intermittent the failure was: when some
 * check failed in a share {@code q} of the incident's windows, a run of {@code n} clean windows
 * while the failure goes on has probability {@code (1 − q)^n}, so the run must make that smaller
 * than {@link #FALSE_RECOVERY}. A total failure (q = 1) recovers after {@code
 * resolveAfterHealthyWindows}; one that left every other window clean needs a longer run, bounded
 * by twice {@code degradedWindows}. The region's end is still dated to the start of the clean run.
 */
final class AgentEvidence {
  /** Accepted chance that a run of clean windows is luck during a failure that goes on. */
  static final double FALSE_RECOVERY = 1e-5;

  /** Windows of history kept per agent: one bit each in an int. */
  private static final int HISTORY = 0x7FFFFFFF;

  /**
   * Clean windows in a row that end a partial failure when dating its onset backwards: a failure
   * further back than that is the background noise of a healthy day, not the incident's beginning.
   */
  static final int ONSET_GAP_WINDOWS = 6;

  private final DetectionConfig config;
  private final int recent;
  private final int windowsNeeded;

  AgentEvidence(DetectionConfig config) {
    this.config = config;
    this.recent = (1 << config.degradedWindows()) - 1;
    this.windowsNeeded = (int) Math.ceil(config.degradedShare() * config.degradedWindows() - 1e-9);
  }

  /**
   * Folds a closed window into the region's per-agent history and its clean streak; returns whether
   * the window was clean.
   */
  boolean observe(RegionTrack track, RegionWindowHealth window) {
    List<String> failing = window.getAgentsWithFailures();
    Map<String, Integer> bits = track.getAgentFailureBits();
    Set<String> agents = new HashSet<>(bits.keySet());
    agents.addAll(failing);
    for (String agent : agents) {
      int shifted = (bits.getOrDefault(agent, 0) << 1) & HISTORY;
      int next = failing.contains(agent) ? shifted | 1 : shifted;
      if (next == 0) {
        bits.remove(agent);
      } else {
        bits.put(agent, next);
      }
    }
    Map<String, Instant> since = track.getAgentFailingSince();
    since.keySet().retainAll(failing);
    for (String agent : failing) {
      since.putIfAbsent(agent, window.getWindowStart());
    }
    boolean clean = failing.stream().allMatch(agent -> brokenBeforeOnset(track, agent));
    track.setCleanStreak(clean ? track.getCleanStreak() + 1 : 0);
    return clean;
  }

  /** Counts a window of the region's incident, clean or not. */
  static void countIncidentWindow(RegionTrack track, boolean clean) {
    track.setIncidentWindows(track.getIncidentWindows() + 1);
    if (!clean) {
      track.setIncidentUncleanWindows(track.getIncidentUncleanWindows() + 1);
    }
  }

  static void forgetIncident(RegionTrack track) {
    track.setIncidentWindows(0);
    track.setIncidentUncleanWindows(0);
  }

  private static boolean brokenBeforeOnset(RegionTrack track, String agent) {
    Instant since = track.getAgentFailingSince().get(agent);
    return track.getOnset() != null && since != null && since.isBefore(track.getOnset());
  }

  /**
   * At least {@code minAgents} agents each saw failures in {@code degradedShare} of the latest
   * {@code degradedWindows} windows: a partial failure seen from several vantage points.
   */
  boolean degraded(RegionTrack track) {
    return degradedAgents(track) >= config.minAgents();
  }

  private long degradedAgents(RegionTrack track) {
    return track.getAgentFailureBits().values().stream()
        .filter(bits -> Integer.bitCount(bits & recent) >= windowsNeeded)
        .count();
  }

  /**
   * The onset of a partial failure, which the degraded rule recognises only some windows after it
   * began: going back from the latest window through the windows in which some agent saw a failure,
   * the earliest one not separated from the next by {@link #ONSET_GAP_WINDOWS} clean windows.
   */
  Instant degradedSince(RegionTrack track, Instant windowStart) {
    int failing = failingWindows(track, agent -> true);
    int oldest = 0;
    int previous = -1;
    for (int back = 0; back < 31; back++) {
      if ((failing & (1 << back)) == 0) {
        continue;
      }
      if (previous >= 0 && back - previous > ONSET_GAP_WINDOWS) {
        break;
      }
      oldest = back;
      previous = back;
    }
    return windowStart.minus(config.window().multipliedBy(oldest));
  }

  /**
   * The clean windows in a row after which the region's incident counts as over. Until the incident
   * has lasted {@code degradedWindows} windows there is too little to estimate how intermittent it
   * is, and the plain {@code resolveAfterHealthyWindows} applies.
   */
  int requiredCleanRun(RegionTrack track) {
    int floor = config.resolveAfterHealthyWindows();
    int windows = track.getIncidentWindows();
    int unclean = track.getIncidentUncleanWindows();
    if (windows < config.degradedWindows() || unclean == 0 || unclean >= windows) {
      return floor;
    }
    double run = Math.ceil(Math.log(FALSE_RECOVERY) / Math.log(1.0 - (double) unclean / windows));
    return (int) Math.max(floor, Math.min(2L * config.degradedWindows(), run));
  }

  /** Start of the current clean run, ending at {@code windowEnd}. */
  Instant cleanSince(RegionTrack track, Instant windowEnd) {
    return windowEnd.minus(config.window().multipliedBy(track.getCleanStreak()));
  }

  /**
   * When the failure ended, for a region that has just been judged recovered: the end of its last
   * window with failures that had another failing window close before it. A lone failed check after
   * the end (the background noise of a healthy day) breaks the clean run, but does not move the end
   * of the incident.
   */
  Instant failureEnded(RegionTrack track, Instant windowEnd) {
    int failing = failingWindows(track, agent -> !brokenBeforeOnset(track, agent));
    int cleanRun = Math.min(track.getCleanStreak(), 30);
    for (int back = cleanRun; back < 31; back++) {
      if ((failing & (1 << back)) == 0) {
        continue;
      }
      int before = failing >>> (back + 1);
      int neighbours = (1 << LONE_FAILURE_GAP) - 1;
      if ((before & neighbours) != 0) {
        return windowEnd.minus(config.window().multipliedBy(back));
      }
    }
    return cleanSince(track, windowEnd);
  }

  /** The windows (bit 0 the latest) in which some agent that {@code counts} saw a failure. */
  private static int failingWindows(RegionTrack track, Predicate<String> counts) {
    int failing = 0;
    for (Map.Entry<String, Integer> agent : track.getAgentFailureBits().entrySet()) {
      if (counts.test(agent.getKey())) {
        failing |= agent.getValue();
      }
    }
    return failing;
  }

  /** Clean windows on each side that make a failing window a lone one. */
  static final int LONE_FAILURE_GAP = 3;
}
