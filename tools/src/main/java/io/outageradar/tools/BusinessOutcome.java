package io.outageradar.tools;

import io.outageradar.avro.Business;
import io.outageradar.avro.BusinessNotice;
import io.outageradar.avro.Money;
import io.outageradar.avro.NoticeAction;
import io.outageradar.avro.OutageEvent;
import io.outageradar.detection.business.ContactChoice;
import io.outageradar.detection.business.PlatformTimeline;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * What one business was told in a run, through which of its contacts (and which were skipped
 * because they ride on a platform down where the business is), and what the outages cost it.
 */
public record BusinessOutcome(
    String id, String name, List<Told> notices, List<Money> loss, List<String> channelsAffected) {

  /** One notice, and the contacts it goes through at its time. */
  public record Told(
      NoticeAction action,
      Instant at,
      String outageId,
      List<String> via,
      List<ContactChoice.Skipped> skipped,
      List<Money> loss) {}

  /**
   * Every business of {@code profiles} (sorted by id) with its notices in event-time order; the
   * contacts are chosen against {@code outageChanges}, every change of every outage of the run.
   */
  public static List<BusinessOutcome> of(
      List<Business> profiles, List<BusinessNotice> notices, List<OutageEvent> outageChanges) {
    PlatformTimeline timeline = new PlatformTimeline(outageChanges);
    List<BusinessOutcome> all = new ArrayList<>();
    profiles.stream()
        .sorted(Comparator.comparing(Business::getId))
        .forEach(business -> all.add(of(business, notices, timeline)));
    return List.copyOf(all);
  }

  private static BusinessOutcome of(
      Business business, List<BusinessNotice> notices, PlatformTimeline timeline) {
    List<BusinessNotice> its =
        notices.stream()
            .filter(notice -> notice.getBusinessId().equals(business.getId()))
            .sorted(
                Comparator.comparing(BusinessNotice::getAt)
                    .thenComparing(BusinessNotice::getOutageId)
                    .thenComparing(BusinessNotice::getAction))
            .toList();
    List<Told> told = new ArrayList<>();
    Set<String> channels = new LinkedHashSet<>();
    // the loss of each outage is its last notice's: the total on RESOLVE, so far on TRIGGER
    Map<String, List<Money>> lossByOutage = new TreeMap<>();
    for (BusinessNotice notice : its) {
      ContactChoice.Choice choice = ContactChoice.of(business, timeline.downAt(notice.getAt()));
      told.add(
          new Told(
              notice.getAction(),
              notice.getAt(),
              notice.getOutageId(),
              choice.via(),
              choice.skipped(),
              notice.getLoss()));
      channels.addAll(notice.getChannels());
      lossByOutage.put(notice.getOutageId(), notice.getLoss());
    }
    Map<String, Long> total = new TreeMap<>();
    lossByOutage.values().stream()
        .flatMap(List::stream)
        .forEach(money -> total.merge(money.getCurrency(), money.getAmountMinor(), Long::sum));
    List<Money> loss =
        total.entrySet().stream().map(e -> new Money(e.getValue(), e.getKey())).toList();
    return new BusinessOutcome(
        business.getId(), business.getName(), List.copyOf(told), loss, List.copyOf(channels));
  }
}
