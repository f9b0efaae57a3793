package io.outageradar.detection.business;

import io.outageradar.avro.Business;
import io.outageradar.avro.BusinessChannel;
import io.outageradar.avro.BusinessNotice;
import io.outageradar.avro.Money;
import io.outageradar.avro.NoticeAction;
import io.outageradar.avro.OutageEvent;
import io.outageradar.avro.ReportWindowStats;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What the outages did to one business, incident by incident: per channel the minutes down and the
 * estimated loss, the notices it was sent (when, through which contacts, which were skipped and
 * why), the platform's detection timeline, and what its customers reported meanwhile. Made from the
 * business's notices, every change of the outages and the report minutes — nothing of another
 * business.
 *
 * @param asOf event time of the latest outage change taken into account (null with none)
 */
public record IncidentReport(
    String businessId, String businessName, Instant asOf, List<Incident> incidents) {

  /** What all its incidents cost the business, one amount per currency, sorted by currency. */
  public List<Money> totalLoss() {
    Map<String, Long> perCurrency = new TreeMap<>();
    incidents.forEach(
        i ->
            i.loss()
                .forEach(m -> perCurrency.merge(m.getCurrency(), m.getAmountMinor(), Long::sum)));
    List<Money> all = new ArrayList<>();
    perCurrency.forEach((currency, minor) -> all.add(new Money(minor, currency)));
    return List.copyOf(all);
  }

  /** One outage that hurt the business. {@code resolved} is null while it lasts. */
  public record Incident(
      String outageId,
      String platform,
      String scope,
      List<String> regions,
      Instant onset,
      Instant confirmed,
      Instant resolved,
      String cause,
      List<ChannelDown> channels,
      List<Money> loss,
      List<Told> notices,
      Customers customers) {}

  /** One channel of the business on the platform, down in {@code regions}. */
  public record ChannelDown(
      String channel, List<String> regions, long minutesDown, List<Money> loss) {}

  /** A notice and the contacts it goes through at its time. */
  public record Told(
      NoticeAction action, Instant at, List<String> via, List<ContactChoice.Skipped> skipped) {}

  /**
   * What customers in the business's regions reported about the platform during the incident:
   * reports, their mean compound sentiment and the share that were negative (null when none was
   * scored).
   */
  public record Customers(long reports, Double meanSentiment, Double negativeShare) {}

  /**
   * The report of {@code business}: one incident per outage it was told of (only {@code outageId}
   * when not null), in onset order. {@code notices} and {@code minutes} may hold other businesses'
   * and services' records: only its own are read.
   */
  public static IncidentReport of(
      Business business,
      List<BusinessNotice> notices,
      List<OutageEvent> changes,
      List<ReportWindowStats> minutes,
      String outageId) {
    PlatformTimeline timeline = new PlatformTimeline(changes);
    Map<String, OutageEvent> latest = new LinkedHashMap<>();
    changes.stream()
        .sorted(Comparator.comparing(OutageEvent::getUpdatedAt))
        .forEach(change -> latest.put(change.getOutageId(), change));
    Instant asOf =
        changes.stream().map(OutageEvent::getUpdatedAt).max(Comparator.naturalOrder()).orElse(null);
    Map<String, List<BusinessNotice>> byOutage = new TreeMap<>();
    notices.stream()
        .filter(notice -> notice.getBusinessId().equals(business.getId()))
        .filter(notice -> outageId == null || notice.getOutageId().equals(outageId))
        .sorted(Comparator.comparing(BusinessNotice::getAt))
        .forEach(n -> byOutage.computeIfAbsent(n.getOutageId(), k -> new ArrayList<>()).add(n));
    List<Incident> incidents = new ArrayList<>();
    byOutage.forEach(
        (id, told) -> {
          OutageEvent outage = latest.get(id);
          if (outage != null) {
            incidents.add(incident(business, outage, told, timeline, minutes, asOf));
          }
        });
    incidents.sort(Comparator.comparing(Incident::onset).thenComparing(Incident::outageId));
    return new IncidentReport(business.getId(), business.getName(), asOf, List.copyOf(incidents));
  }

  private static Incident incident(
      Business business,
      OutageEvent outage,
      List<BusinessNotice> told,
      PlatformTimeline timeline,
      List<ReportWindowStats> minutes,
      Instant asOf) {
    Instant until = outage.getResolvedAt() != null ? outage.getResolvedAt() : asOf;
    long downMs = Math.max(0, Duration.between(outage.getOnset(), until).toMillis());
    double share = outage.getPeakFailureRatio() > 0 ? outage.getPeakFailureRatio() : 1.0;
    List<BusinessChannel> affected = BusinessNotices.affected(business, outage);
    Set<String> where = new TreeSet<>();
    List<ChannelDown> channels = new ArrayList<>();
    for (BusinessChannel channel : affected) {
      List<String> regions =
          channel.getRegions().stream().filter(outage.getRegions()::contains).sorted().toList();
      where.addAll(regions);
      channels.add(
          new ChannelDown(
              channel.getId(),
              regions,
              Duration.ofMillis(downMs).toMinutes(),
              ChannelLoss.of(business, List.of(channel), downMs, share)));
    }
    List<Told> notices =
        told.stream()
            .map(
                notice -> {
                  ContactChoice.Choice choice =
                      ContactChoice.of(business, timeline.downAt(notice.getAt()));
                  return new Told(
                      notice.getAction(), notice.getAt(), choice.via(), choice.skipped());
                })
            .toList();
    return new Incident(
        outage.getOutageId(),
        outage.getService(),
        outage.getScope().name(),
        List.copyOf(where),
        outage.getOnset(),
        outage.getConfirmedAt(),
        outage.getResolvedAt(),
        outage.getCause().name(),
        List.copyOf(channels),
        ChannelLoss.of(business, affected, downMs, share),
        notices,
        customers(minutes, outage.getService(), where, outage.getOnset(), until));
  }

  /** Reports of the minutes of {@code service} in {@code regions} that start in [from, until). */
  private static Customers customers(
      List<ReportWindowStats> minutes,
      String service,
      Set<String> regions,
      Instant from,
      Instant until) {
    long reports = 0;
    long scored = 0;
    double sentiment = 0;
    double negative = 0;
    for (ReportWindowStats minute : minutes) {
      Instant start = minute.getWindowStart();
      if (!minute.getService().equals(service)
          || !regions.contains(minute.getRegion())
          || start.isBefore(from)
          || (until != null && !start.isBefore(until))) {
        continue;
      }
      reports += minute.getReports();
      if (minute.getMeanSentiment() != null && minute.getNegativeShare() != null) {
        scored += minute.getReports();
        sentiment += minute.getMeanSentiment() * minute.getReports();
        negative += minute.getNegativeShare() * minute.getReports();
      }
    }
    return scored == 0
        ? new Customers(reports, null, null)
        : new Customers(reports, sentiment / scored, negative / scored);
  }
}
