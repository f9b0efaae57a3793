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
 * delivered twice counted once), every outage change, and per service and region the report minutes
 * of the last {@link #KEPT} of event time — enough for any incident of that week, bounded however
 * long the process runs.
 */
final class History {
  static final Duration KEPT = Duration.ofDays(7);

  private final Topic<String, BusinessNotice> notices;
  private final Topic<String, ReportWindowStats> minutes;
  private final Map<String, Map<String, BusinessNotice>> noticesByBusiness = new HashMap<>();
  private final List<OutageEvent> changes = new ArrayList<>();
  private final Map<String, Deque<ReportWindowStats>> minutesByKey = new HashMap<>();

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
      }
      return true;
    }
    if (record.topic().equals(minutes.name())) {
      if (record.value() != null) {
        ReportWindowStats minute =
            minutes.valueSerde().deserializer().deserialize(record.topic(), record.value());
        Deque<ReportWindowStats> kept =
            minutesByKey.computeIfAbsent(
                minute.getService() + '|' + minute.getRegion(), k -> new ArrayDeque<>());
        kept.addLast(minute);
        Instant oldest = minute.getWindowStart().minus(KEPT);
        while (kept.peekFirst().getWindowStart().isBefore(oldest)) {
          kept.removeFirst();
        }
      }
      return true;
    }
    return false;
  }

  synchronized void changed(OutageEvent outage) {
    changes.add(outage);
  }

  synchronized IncidentReport report(Business business, String outageId) {
    // each service and region once, however many channels share them
    Set<String> keys = new TreeSet<>();
    business
        .getChannels()
        .forEach(c -> c.getRegions().forEach(region -> keys.add(c.getService() + '|' + region)));
    List<ReportWindowStats> relevant = new ArrayList<>();
    keys.forEach(key -> relevant.addAll(minutesByKey.getOrDefault(key, new ArrayDeque<>())));
    List<BusinessNotice> its =
        List.copyOf(noticesByBusiness.getOrDefault(business.getId(), Map.of()).values());
    return IncidentReport.of(business, its, List.copyOf(changes), relevant, outageId);
  }
}
