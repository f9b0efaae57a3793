package io.outageradar.detection;

import java.time.Duration;

/**
 * The detection rules, validated once so the topologies can trust them.
 *
 * @param window size of the event-time probe window
 * @param grace how late a probe may arrive and still count in its window
 * @param minAgents distinct failing agents needed before a region can be DOWN (one broken agent
 *     never is an outage)
 * @param downRatio share of a region's agents that must fail for DOWN
 * @param confirmWindows DOWN windows needed among the last {@code ofWindows} to confirm (N of M)
 * @param ofWindows the M of the N-of-M rule
 * @param resolveAfterHealthyWindows consecutive healthy windows before a region counts as recovered
 * @param globalMinRegions regions of one service down together that make one GLOBAL outage
 * @param globalMinShare share of a service's monitored regions (at least two) down together that
 *     also makes one GLOBAL outage, for services monitored in few regions
 * @param rollupWait event time a confirmed REGIONAL outage waits before it pages, in case more
 *     regions confirm and it becomes part of one GLOBAL outage (one page instead of several)
 * @param idleAdvanceAfter wall-clock time a task may receive nothing before its stream time follows
 *     the wall clock, so that the last windows of inputs that went quiet still close
 * @param reopenWithin event time after a resolution within which a region failing again re-opens
 *     the same outage (same id, so the pager re-triggers one incident instead of opening another)
 * @param degradedShare share of the latest {@code degradedWindows} windows in which an agent must
 *     have seen a failed check to count as degraded; {@code minAgents} such agents make the region
 *     DEGRADED (a partial failure: some checks fail, too few for DOWN)
 * @param degradedWindows the windows the degraded rule looks back over (at most 31)
 * @param pageDegraded whether an outage that is only DEGRADED pages on-call (at warning severity);
 *     off, it is recorded and shown, and pages once it is confirmed down
 */
public record DetectionConfig(
    Duration window,
    Duration grace,
    int minAgents,
    double downRatio,
    int confirmWindows,
    int ofWindows,
    int resolveAfterHealthyWindows,
    int globalMinRegions,
    double globalMinShare,
    Duration rollupWait,
    Duration idleAdvanceAfter,
    Duration reopenWithin,
    double degradedShare,
    int degradedWindows,
    boolean pageDegraded) {

  public DetectionConfig {
    require(!window.isNegative() && !window.isZero(), "window must be positive");
    require(!grace.isNegative(), "grace must not be negative");
    require(minAgents >= 1, "minAgents must be at least 1");
    require(downRatio > 0 && downRatio <= 1, "downRatio must be in (0, 1]");
    require(
        confirmWindows >= 1 && confirmWindows <= ofWindows,
        "confirmWindows must be in [1, ofWindows]");
    require(resolveAfterHealthyWindows >= 1, "resolveAfterHealthyWindows must be at least 1");
    require(globalMinRegions >= 2, "globalMinRegions must be at least 2");
    require(globalMinShare > 0 && globalMinShare <= 1, "globalMinShare must be in (0, 1]");
    require(!rollupWait.isNegative(), "rollupWait must not be negative");
    require(idleAdvanceAfter.toMillis() >= 2, "idleAdvanceAfter must be at least 2 ms");
    require(!reopenWithin.isNegative(), "reopenWithin must not be negative");
    require(degradedShare > 0 && degradedShare <= 1, "degradedShare must be in (0, 1]");
    require(
        degradedWindows >= 1 && degradedWindows <= MAX_DEGRADED_WINDOWS,
        "degradedWindows must be in [1, " + MAX_DEGRADED_WINDOWS + "]");
  }

  /** The degraded rule keeps one bit per window in an int. */
  public static final int MAX_DEGRADED_WINDOWS = 31;

  /**
   * 30 s windows, 10 s grace, 2 agents and half a region failing, 2 of 3 windows, 3 to resolve, 3
   * regions (or 75 % of at least two) global, regional pages held 60 s for the roll-up, stream time
   * following the wall clock after 10 s of silence, re-opening within 15 min, degraded when two
   * agents each saw failures in 30 % of the last 10 windows, degraded outages not paged.
   */
  public static DetectionConfig defaults() {
    return builder().build();
  }

  /** A builder starting from the defaults, so a caller names only what it changes. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder starting from these rules. */
  public Builder toBuilder() {
    return new Builder()
        .window(window)
        .grace(grace)
        .minAgents(minAgents)
        .downRatio(downRatio)
        .confirmWindows(confirmWindows)
        .ofWindows(ofWindows)
        .resolveAfterHealthyWindows(resolveAfterHealthyWindows)
        .globalMinRegions(globalMinRegions)
        .globalMinShare(globalMinShare)
        .rollupWait(rollupWait)
        .idleAdvanceAfter(idleAdvanceAfter)
        .reopenWithin(reopenWithin)
        .degradedShare(degradedShare)
        .degradedWindows(degradedWindows)
        .pageDegraded(pageDegraded);
  }

  /** Named settings for {@link DetectionConfig}; {@link #build()} checks them together. */
  public static final class Builder {
    private Duration window = Duration.ofSeconds(30);
    private Duration grace = Duration.ofSeconds(10);
    private int minAgents = 2;
    private double downRatio = 0.5;
    private int confirmWindows = 2;
    private int ofWindows = 3;
    private int resolveAfterHealthyWindows = 3;
    private int globalMinRegions = 3;
    private double globalMinShare = 0.75;
    private Duration rollupWait = Duration.ofSeconds(60);
    private Duration idleAdvanceAfter = Duration.ofSeconds(10);
    private Duration reopenWithin = Duration.ofMinutes(15);
    private double degradedShare = 0.3;
    private int degradedWindows = 10;
    private boolean pageDegraded;

    private Builder() {}

    public Builder window(Duration value) {
      window = value;
      return this;
    }

    public Builder grace(Duration value) {
      grace = value;
      return this;
    }

    public Builder minAgents(int value) {
      minAgents = value;
      return this;
    }

    public Builder downRatio(double value) {
      downRatio = value;
      return this;
    }

    public Builder confirmWindows(int value) {
      confirmWindows = value;
      return this;
    }

    public Builder ofWindows(int value) {
      ofWindows = value;
      return this;
    }

    public Builder resolveAfterHealthyWindows(int value) {
      resolveAfterHealthyWindows = value;
      return this;
    }

    public Builder globalMinRegions(int value) {
      globalMinRegions = value;
      return this;
    }

    public Builder globalMinShare(double value) {
      globalMinShare = value;
      return this;
    }

    public Builder rollupWait(Duration value) {
      rollupWait = value;
      return this;
    }

    public Builder idleAdvanceAfter(Duration value) {
      idleAdvanceAfter = value;
      return this;
    }

    public Builder reopenWithin(Duration value) {
      reopenWithin = value;
      return this;
    }

    public Builder degradedShare(double value) {
      degradedShare = value;
      return this;
    }

    public Builder degradedWindows(int value) {
      degradedWindows = value;
      return this;
    }

    public Builder pageDegraded(boolean value) {
      pageDegraded = value;
      return this;
    }

    public DetectionConfig build() {
      return new DetectionConfig(
          window,
          grace,
          minAgents,
          downRatio,
          confirmWindows,
          ofWindows,
          resolveAfterHealthyWindows,
          globalMinRegions,
          globalMinShare,
          rollupWait,
          idleAdvanceAfter,
          reopenWithin,
          degradedShare,
          degradedWindows,
          pageDegraded);
    }
  }

  private static void require(boolean condition, String message) {
    if (!condition) {
      throw new IllegalArgumentException(message);
    }
  }
}
