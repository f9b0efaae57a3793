package io.outageradar.pager.business;

import io.outageradar.avro.Business;
import io.outageradar.avro.BusinessNotice;
import io.outageradar.avro.OutageEvent;
import io.outageradar.avro.ReportWindowStats;
import io.outageradar.detection.business.IncidentReport;
import io.outageradar.topics.Topic;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * What incident reports are made of, as the directory reads it: each business's notices (a notice
 * delivered twice counted once), the outage changes, and per service and region the report minutes
 * an incident can use — bounded however long the process runs and however many keys report.
 *
 * <p>Reports cover the last {@link #KEPT} of event time: older notices and changes go. Report
 * minutes cost the most (one per key and minute, thousands of keys): once the directory has caught
 * up, a key's minutes are kept for {@link #RECENT} (an outage's first change comes minutes after
 * its onset, so nothing an incident needs goes before its outage is known), and after that only
 * those inside an outage of their service, the only ones a report reads.
 */
final class History {
  static final Duration KEPT = Duration.ofDays(7);
  static final Duration RECENT = Duration.ofHours(1);

  private final Topic<String, BusinessNotice> notices;
  private final Topic<String, ReportWindowStats> minutes;
  private final Map<String, Map<String, BusinessNotice>> noticesByBusiness = new HashMap<>();
  private final Map<String, List<OutageEvent>> changesByOutage = new LinkedHashMap<>();
  private final Map<String, Minutes> minutesByKey = new HashMap<>();
  private Instant sweptAt = Instant.EPOCH;
  private boolean caughtUp;

  History(Topic<String, BusinessNotice> notices, Topic<String, ReportWindowStats> minutes) {
    this.notices = notices;
    this.minutes = minutes;
  }

  List<String> topics() {
    return List.of(notices.name(), minutes.name());
  }

  /** Takes {@code record} when it is a notice or a report minute. */
  synchronized boolean takes(ConsumerRecord<byte[], byte[]> record) {
    if (record.topic().equals(notices.name())) {
      if (record.value() != null) {
        BusinessNotice notice =
            notices.valueSerde().deserializer().deserialize(record.topic(), record.value());
        noticesByBusiness
            .computeIfAbsent(notice.getBusinessId(), id -> new LinkedHashMap<>())
            .put(notice.getDedupKey() + '|' + notice.getAction(), notice);
        movedTo(notice.getAt());
      }
      return true;
    }
    if (record.topic().equals(minutes.name())) {
      if (record.value() != null) {
        ReportWindowStats minute =
            minutes.valueSerde().deserializer().deserialize(record.topic(), record.value());
        Minutes kept =
            minutesByKey.computeIfAbsent(
                minute.getService() + '|' + minute.getRegion(), k -> new Minutes());
        kept.recent.addLast(minute);
        movedTo(minute.getWindowStart());
        if (caughtUp) {
          forgetQuiet(kept);
        }
      }
      return true;
    }
    return false;
  }

  /**
   * What the topics held at start is in. Until then no quiet minute goes: while catching up, the
   * minutes may be read far ahead of the outages they belong to, which are on another topic.
   */
  synchronized void caughtUp() {
    caughtUp = true;
    minutesByKey.values().forEach(this::forgetQuiet);
  }

  synchronized void changed(OutageEvent outage) {
    changesByOutage.computeIfAbsent(outage.getOutageId(), id -> new ArrayList<>()).add(outage);
    movedTo(outage.getUpdatedAt());
  }

  synchronized IncidentReport report(Business business, String outageId) {
    // each service and region once, however many channels share them
    Set<String> keys = new TreeSet<>();
    business
        .getChannels()
        .forEach(c -> c.getRegions().forEach(region -> keys.add(c.getService() + '|' + region)));
    List<ReportWindowStats> relevant = new ArrayList<>();
    keys.forEach(
        key -> {
          Minutes kept = minutesByKey.get(key);
          if (kept != null) {
            relevant.addAll(kept.inOutages);
            relevant.addAll(kept.recent);
          }
        });
    List<BusinessNotice> its =
        List.copyOf(noticesByBusiness.getOrDefault(business.getId(), Map.of()).values());
    List<OutageEvent> changes = new ArrayList<>();
    changesByOutage.values().forEach(changes::addAll);
    return IncidentReport.of(business, its, changes, relevant, outageId);
  }

  /** How many report minutes are held, over every key. */
  synchronized int minutesHeld() {
    return minutesByKey.values().stream()
        .mapToInt(kept -> kept.inOutages.size() + kept.recent.size())
        .sum();
  }

  /**
   * Event time reached {@code at}: once a day of it has passed since the last sweep, what is older
   * than {@link #KEPT} goes (an outage by its last change, a notice by its time, a minute by its
   * start).
   */
  private void movedTo(Instant at) {
    if (at.isBefore(sweptAt.plus(Duration.ofDays(1)))) {
      return;
    }
    sweptAt = at;
    Instant oldest = at.minus(KEPT);
    changesByOutage
        .values()
        .removeIf(changes -> changes.get(changes.size() - 1).getUpdatedAt().isBefore(oldest));
    noticesByBusiness
        .values()
        .forEach(its -> its.values().removeIf(n -> n.getAt().isBefore(oldest)));
    noticesByBusiness.values().removeIf(Map::isEmpty);
    minutesByKey
        .values()
        .forEach(
            kept -> {
              kept.inOutages.removeIf(m -> m.getWindowStart().isBefore(oldest));
              kept.recent.removeIf(m -> m.getWindowStart().isBefore(oldest));
            });
    minutesByKey.values().removeIf(kept -> kept.inOutages.isEmpty() && kept.recent.isEmpty());
  }

  /** A key's minutes older than {@link #RECENT} before its last go, unless an outage had them. */
  private void forgetQuiet(Minutes kept) {
    if (kept.recent.isEmpty()) {
      return;
    }
    Instant before = kept.recent.peekLast().getWindowStart().minus(RECENT);
    while (kept.recent.peekFirst().getWindowStart().isBefore(before)) {
      ReportWindowStats old = kept.recent.removeFirst();
      if (inAnOutage(old)) {
        kept.inOutages.add(old);
      }
    }
  }

  /** Whether an outage of the minute's service covers its start, as a report counts it. */
  private boolean inAnOutage(ReportWindowStats minute) {
    Instant at = minute.getWindowStart();
    for (List<OutageEvent> changes : changesByOutage.values()) {
      OutageEvent last = changes.get(changes.size() - 1);
      if (!last.getService().equals(minute.getService())) {
        continue;
      }
      Instant onset =
          changes.stream().map(OutageEvent::getOnset).min(Instant::compareTo).orElseThrow();
      if (!at.isBefore(onset)
          && (last.getResolvedAt() == null || at.isBefore(last.getResolvedAt()))) {
        return true;
      }
    }
    return false;
  }

  /** One key's minutes: the last {@link #RECENT} of them, and older ones inside an outage. */
  private static final class Minutes {
    final List<ReportWindowStats> inOutages = new ArrayList<>();
    final Deque<ReportWindowStats> recent = new ArrayDeque<>();
  }
}
