package io.outageradar.detection.business;

import io.outageradar.avro.Business;
import io.outageradar.avro.BusinessChannel;
import io.outageradar.avro.BusinessNotice;
import io.outageradar.avro.NoticeAction;
import io.outageradar.avro.OutageEvent;
import io.outageradar.avro.OutageState;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * What one business is told about one outage, decided change by change from the outage's own
 * changes: a TRIGGER once the outage has paged and touches one of the business's channels (its
 * service, one of its regions), a RESOLVE with the duration and the total loss when it is resolved
 * — and nothing else, however the outage grows, re-opens or is delivered again. A regional outage
 * merged into a global one hands what the business was told on to the global one, so the business
 * hears of the incident once.
 */
public final class BusinessNotices {
  /** What a business has been told about an outage so far (nothing: no entry). */
  public enum Told {
    TRIGGERED,
    RESOLVED
  }

  /** The notice a change gives, if any, and what the business has been told after it. */
  public record Decision(Optional<BusinessNotice> notice, Told told) {}

  private BusinessNotices() {}

  /** Decides for one change of {@code outage}; {@code told} is null when nothing was told yet. */
  public static Decision decide(OutageEvent outage, Business business, Told told) {
    if (told == Told.RESOLVED || outage.getMergedInto() != null) {
      return new Decision(Optional.empty(), told);
    }
    List<BusinessChannel> affected = affected(business, outage);
    boolean resolved = outage.getState() == OutageState.RESOLVED && outage.getResolvedAt() != null;
    if (told == null) {
      if (affected.isEmpty() || outage.getNotifiedAt() == null || resolved) {
        return new Decision(Optional.empty(), null);
      }
      return new Decision(
          Optional.of(notice(NoticeAction.TRIGGER, outage, business, affected)), Told.TRIGGERED);
    }
    if (!resolved) {
      return new Decision(Optional.empty(), told);
    }
    return new Decision(
        Optional.of(notice(NoticeAction.RESOLVE, outage, business, affected)), Told.RESOLVED);
  }

  /**
   * The outage a merged one hands a TRIGGER on to, or null: the business is not told again of the
   * global outage its regional one became part of.
   */
  public static String handsOnTo(OutageEvent outage, Told told) {
    return told == Told.TRIGGERED ? outage.getMergedInto() : null;
  }

  /** The business's channels on the outage's service in at least one of its regions. */
  static List<BusinessChannel> affected(Business business, OutageEvent outage) {
    return business.getChannels().stream()
        .filter(channel -> channel.getService().equals(outage.getService()))
        .filter(channel -> channel.getRegions().stream().anyMatch(outage.getRegions()::contains))
        .toList();
  }

  private static BusinessNotice notice(
      NoticeAction action, OutageEvent outage, Business business, List<BusinessChannel> affected) {
    Instant until = action == NoticeAction.RESOLVE ? outage.getResolvedAt() : outage.getUpdatedAt();
    long downMs = Math.max(0, Duration.between(outage.getOnset(), until).toMillis());
    Set<String> outageRegions = Set.copyOf(outage.getRegions());
    TreeSet<String> regions = new TreeSet<>();
    affected.forEach(
        channel ->
            channel.getRegions().stream().filter(outageRegions::contains).forEach(regions::add));
    double share = outage.getPeakFailureRatio() > 0 ? outage.getPeakFailureRatio() : 1.0;
    return BusinessNotice.newBuilder()
        .setBusinessId(business.getId())
        .setOutageId(outage.getOutageId())
        .setDedupKey(business.getId() + '|' + outage.getOutageId())
        .setAction(action)
        .setAt(outage.getUpdatedAt())
        .setService(outage.getService())
        .setRegions(List.copyOf(regions))
        .setChannels(affected.stream().map(BusinessChannel::getId).toList())
        .setSince(outage.getOnset())
        .setDurationMs(action == NoticeAction.RESOLVE ? downMs : null)
        .setLoss(ChannelLoss.of(business, affected, downMs, share))
        .setVendorAcknowledged(
            action == NoticeAction.TRIGGER && outage.getVendorSays() != null
                ? outage.getVendorSays().getAcknowledged()
                : null)
        .build();
  }
}
