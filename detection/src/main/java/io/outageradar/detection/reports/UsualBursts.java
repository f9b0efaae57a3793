package io.outageradar.detection.reports;

import io.outageradar.avro.state.RaisedEpisode;
import io.outageradar.avro.state.ReportBaselineState;
import io.outageradar.avro.state.UsualBurst;
import java.util.List;

/**
 * Tells a report series' ordinary bursts from the start of an outage. Report counts burst — a link
 * shared, a news item, an evening rush: a few minutes far above the median, then back by
 * themselves. The baseline learns a raised minute as its median, so that an outage's surge never
 * becomes the normal that hides the next one; it therefore never learns these bursts either, and on
 * a bursty series each of them would be anomalous, three such minutes in a row enough to confirm an
 * outage. So each series also remembers its recent bursts that ended by themselves: a raised minute
 * no higher than such bursts go, in a run no longer than they last, is ordinary. A run higher or
 * longer than that is anomalous from that minute on — a bursty series pays at most its usual
 * burst's length at an outage's onset, a series that never bursts nothing.
 */
public final class UsualBursts {
  /**
   * Runs of raised minutes longer than this are not learned as ordinary: a surge that lasts is an
   * outage's, whether or not it was confirmed.
   */
  static final int LONGEST_BURST_MINUTES = 15;

  /** Bursts remembered per series, the most recent. */
  static final int REMEMBERED = 16;

  private UsualBursts() {}

  /**
   * Follows the run of raised minutes with one more minute and says whether it is ordinary: raised,
   * yet no higher than the highest remembered burst and, so far, no longer than the longest. One
   * odd burst can make the next surge of its size wait at most that burst's length (≤ {@link
   * #LONGEST_BURST_MINUTES}): a delay, never a miss.
   */
  public static boolean ordinary(ReportBaselineState state, boolean raised, double z) {
    RaisedEpisode episode = state.getEpisode();
    if (raised) {
      if (episode == null) {
        episode = new RaisedEpisode(0, 0, z);
        state.setEpisode(episode);
      }
      episode.setMinutes(episode.getMinutes() + episode.getCalmMinutes() + 1);
      episode.setCalmMinutes(0);
      episode.setPeakZ(Math.max(episode.getPeakZ(), z));
      List<UsualBurst> bursts = state.getBursts();
      return !bursts.isEmpty()
          && z <= bursts.stream().mapToDouble(UsualBurst::getPeakZ).max().orElseThrow()
          && episode.getMinutes()
              <= bursts.stream().mapToInt(UsualBurst::getMinutes).max().orElseThrow();
    }
    if (episode != null) {
      episode.setCalmMinutes(episode.getCalmMinutes() + 1);
      // Over once calm for as long as it was raised: a burst's own dips do not split it in two.
      if (episode.getCalmMinutes() >= Math.min(episode.getMinutes(), LONGEST_BURST_MINUTES)) {
        if (episode.getMinutes() <= LONGEST_BURST_MINUTES) {
          remember(state.getBursts(), new UsualBurst(episode.getPeakZ(), episode.getMinutes()));
        }
        state.setEpisode(null);
      }
    }
    return false;
  }

  private static void remember(List<UsualBurst> bursts, UsualBurst burst) {
    bursts.add(burst);
    while (bursts.size() > REMEMBERED) {
      bursts.remove(0);
    }
  }
}
