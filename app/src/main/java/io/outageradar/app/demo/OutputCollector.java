package io.outageradar.app.demo;

import io.outageradar.avro.OutageEvent;
import io.outageradar.avro.OutageState;
import io.outageradar.avro.Page;
import io.outageradar.avro.RegionImpact;
import io.outageradar.avro.RegionWindowHealth;
import io.outageradar.topics.Topics;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Reads the pipeline's outputs (outages, pages and the region-health verdicts, which show how far
 * event time has got) until the pipeline has judged the whole replay and every outage is resolved.
 */
final class OutputCollector implements AutoCloseable {
  private final Topics topics;
  private final KafkaConsumer<byte[], byte[]> consumer;
  private final Map<String, OutageEvent> latestOutage = new LinkedHashMap<>();
  private final List<Page> pages = new ArrayList<>();
  private final Map<String, RegionImpact> latestImpact = new TreeMap<>();
  /** Newest window end judged per service|region: the pipeline is through a time when every key is. */
  private final Map<String, Instant> judgedUntil = new HashMap<>();

  OutputCollector(String bootstrapServers, Topics topics) {
    this.topics = topics;
    Properties props = new Properties();
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    props.put(ConsumerConfig.GROUP_ID_CONFIG, "outage-radar-demo-" + UUID.randomUUID());
    props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    consumer.subscribe(List.of(topics.outages.name(), topics.alerts.name(), topics.regionHealth.name(), topics.regionImpact.name()));
  }

  /**
   * Polls until every key's windows up to {@code judgedThrough} have been judged, no outage is open
   * and no outage, page or impact has arrived for {@code quiet} (the last windows close only once
   * its inputs count as idle, so the last changes come after the last verdict); or until the timeout.
   * Returns whether the outputs settled.
   */
  boolean awaitSettled(Instant judgedThrough, Duration quiet, Duration timeout) {
    Instant deadline = Instant.now().plus(timeout);
    Instant lastChange = Instant.now();
    while (Instant.now().isBefore(deadline)) {
      for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
        if (accept(record)) {
          lastChange = Instant.now();
        }
      }
      boolean judged = !judgedUntil.isEmpty() && !slowestJudged().isBefore(judgedThrough);
      boolean allResolved = latestOutage.values().stream().allMatch(o -> o.getState() == OutageState.RESOLVED);
      if (!judged) {
        lastChange = Instant.now();
      } else if (allResolved && Duration.between(lastChange, Instant.now()).compareTo(quiet) >= 0) {
        return true;
      }
    }
    return false;
  }

  /** Takes one output record; returns whether it was an outage change, a page or an impact. */
  private boolean accept(ConsumerRecord<byte[], byte[]> record) {
    String topic = record.topic();
    if (topic.equals(topics.outages.name())) {
      OutageEvent event = topics.outages.valueSerde().deserializer().deserialize(topic, record.value());
      latestOutage.put(event.getOutageId(), event);
      return true;
    } else if (topic.equals(topics.alerts.name())) {
      pages.add(topics.alerts.valueSerde().deserializer().deserialize(topic, record.value()));
      return true;
    } else if (topic.equals(topics.regionImpact.name())) {
      RegionImpact impact = topics.regionImpact.valueSerde().deserializer().deserialize(topic, record.value());
      latestImpact.put(impact.getRegion(), impact);
      return true;
    } else {
      RegionWindowHealth window = topics.regionHealth.valueSerde().deserializer().deserialize(topic, record.value());
      judgedUntil.merge(window.getService() + "|" + window.getRegion(), window.getWindowEnd(),
          (a, b) -> a.isAfter(b) ? a : b);
      return false;
    }
  }

  private Instant slowestJudged() {
    return judgedUntil.values().stream().min(Instant::compareTo).orElse(Instant.EPOCH);
  }

  /** Where the outputs stand, for the error message when they do not settle. */
  String progress() {
    List<String> open = latestOutage.values().stream().filter(o -> o.getState() != OutageState.RESOLVED)
        .map(OutageEvent::getOutageId).toList();
    String slowest = judgedUntil.entrySet().stream().min(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse("none");
    return "windows of all " + judgedUntil.size() + " keys judged until " + slowestJudged() + " (slowest " + slowest + "), " + latestOutage.size()
        + " outage(s) seen, " + open.size() + " still open " + open + ", " + pages.size() + " page(s)";
  }

  Collection<OutageEvent> outages() {
    return latestOutage.values().stream().filter(o -> o.getMergedInto() == null).toList();
  }

  /** The last impact of each region, by region code. */
  List<RegionImpact> regionImpact() {
    return List.copyOf(latestImpact.values());
  }

  List<Page> pages() {
    return List.copyOf(pages);
  }

  @Override
  public void close() {
    consumer.close();
  }
}
