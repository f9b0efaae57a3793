package io.outageradar.detection.business;

import io.outageradar.avro.Business;
import io.outageradar.avro.BusinessChannel;
import io.outageradar.avro.BusinessImpact;
import io.outageradar.avro.ChannelImpact;
import io.outageradar.avro.Money;
import io.outageradar.avro.OutageEvent;
import io.outageradar.avro.OutageState;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * What the outages open now cost a business: one part per outage (its channels down in the outage's
 * regions, since the onset, the loss so far), and the parts of all its outages together. An outage
 * counts from its page until it is resolved (or merged into another, which carries on).
 */
public final class BusinessImpacts {
  private BusinessImpacts() {}

  /** The part of {@code outage} in {@code business}'s impact; no channels when it hurts nothing. */
  public static BusinessImpact part(OutageEvent outage, Business business) {
    boolean open =
        outage.getState() != OutageState.RESOLVED
            && outage.getMergedInto() == null
            && outage.getNotifiedAt() != null;
    List<BusinessChannel> affected = open ? BusinessNotices.affected(business, outage) : List.of();
    Set<String> down = Set.copyOf(outage.getRegions());
    double share = outage.getPeakFailureRatio() > 0 ? outage.getPeakFailureRatio() : 1.0;
    List<ChannelImpact> channels = new ArrayList<>();
    for (BusinessChannel channel : affected) {
      channels.add(
          ChannelImpact.newBuilder()
              .setChannelId(channel.getId())
              .setService(outage.getService())
              .setOutageId(outage.getOutageId())
              .setRegions(channel.getRegions().stream().filter(down::contains).sorted().toList())
              .setSince(outage.getOnset())
              .setShareUnavailable(share)
              .setFallbackChannel(channel.getFallbackChannel())
              .setFallbackText(channel.getFallbackText())
              .build());
    }
    long downMs =
        Math.max(0, Duration.between(outage.getOnset(), outage.getUpdatedAt()).toMillis());
    return BusinessImpact.newBuilder()
        .setBusinessId(business.getId())
        .setChannels(channels)
        .setLoss(ChannelLoss.of(business, affected, downMs, share))
        .setAsOf(outage.getUpdatedAt())
        .build();
  }

  /** The parts of every open outage of one business, together. */
  public static BusinessImpact combined(String businessId, List<BusinessImpact> parts) {
    List<ChannelImpact> channels = new ArrayList<>();
    Map<String, Long> loss = new TreeMap<>();
    Instant asOf = Instant.EPOCH;
    for (BusinessImpact part : parts) {
      channels.addAll(part.getChannels());
      part.getLoss().forEach(m -> loss.merge(m.getCurrency(), m.getAmountMinor(), Long::sum));
      asOf = part.getAsOf().isAfter(asOf) ? part.getAsOf() : asOf;
    }
    channels.sort(
        Comparator.comparing(ChannelImpact::getOutageId)
            .thenComparing(ChannelImpact::getChannelId));
    return BusinessImpact.newBuilder()
        .setBusinessId(businessId)
        .setChannels(channels)
        .setLoss(loss.entrySet().stream().map(e -> new Money(e.getValue(), e.getKey())).toList())
        .setAsOf(asOf)
        .build();
  }
}
