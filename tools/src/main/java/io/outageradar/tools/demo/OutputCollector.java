package io.outageradar.tools.demo;

import io.outageradar.avro.BusinessNotice;
import io.outageradar.avro.OutageEvent;
import io.outageradar.avro.OutageState;
import io.outageradar.avro.Page;
import io.outageradar.avro.RegionImpact;
import io.outageradar.tools.Outcome;
import io.outageradar.topics.Topics;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Reads the pipeline's outputs (outages, pages, business notices, region impact, and how many
 * records went to the dead letters) until the pipeline has read the whole replay and its outputs
 * have settled.
 */
public final class OutputCollector implements AutoCloseable {
  private final Topics topics;
  private final KafkaConsumer<byte[], byte[]> consumer;
  private final Map<String, OutageEvent> latestOutage = new LinkedHashMap<>();
  private final List<Page> pages = new ArrayList<>();
  private final List<BusinessNotice> businessNotices = new ArrayList<>();

  /** Every outage change, in the order read, for {@link #awaitOutage}. */
  private final List<OutageEvent> changes = new ArrayList<>();

  private final Map<String, RegionImpact> latestImpact = new TreeMap<>();
  private long deadLetters;
  private long latestEventTimeMs = Long.MIN_VALUE;
  private long probeWindowsJudged;
  private long reportMinutesJudged;

  public OutputCollector(String bootstrapServers, Topics topics) {
    this.topics = topics;
    Properties props = new Properties();
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    props.put(ConsumerConfig.GROUP_ID_CONFIG, "outage-radar-demo-" + UUID.randomUUID());
    props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    consumer.subscribe(
        List.of(
            topics.outages.name(),
            topics.alerts.name(),
            topics.businessNotices.name(),
            topics.regionImpact.name(),
            topics.deadLetters.name(),
            topics.regionHealth.name(),
            topics.reportHealth.name()));
  }

  /**
   * Polls until the pipeline has read all its input ({@code caughtUp}) and no outage, page or
   * impact has arrived for {@code quiet} (the last windows close only once the inputs count as
   * idle, so the last changes come after the last input); or until the timeout. Returns whether the
   * outputs settled.
   */
  public boolean awaitSettled(BooleanSupplier caughtUp, Duration quiet, Duration timeout) {
    return awaitSettled(caughtUp, () -> false, quiet, timeout);
  }

  /**
   * As above, and settled as soon as the pipeline, having read all its input, also says it has
   * nothing left to process or write ({@code drained}) and this consumer has read every output to
   * its end: the quiet is then only the fallback.
   */
  public boolean awaitSettled(
      BooleanSupplier caughtUp, BooleanSupplier drained, Duration quiet, Duration timeout) {
    Instant deadline = Instant.now().plus(timeout);
    Instant lastChange = Instant.now();
    Instant nextLagCheck = Instant.now();
    boolean readAll = false;
    while (Instant.now().isBefore(deadline)) {
      for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(100))) {
        accept(record);
        lastChange = Instant.now();
      }
      if (!readAll && Instant.now().isAfter(nextLagCheck)) {
        readAll = caughtUp.getAsBoolean();
        nextLagCheck = Instant.now().plusMillis(500);
      }
      if (!readAll) {
        lastChange = Instant.now();
      } else if (Duration.between(lastChange, Instant.now()).compareTo(quiet) >= 0
          || (drained.getAsBoolean() && readToTheEnd())) {
        return true;
      }
    }
    return false;
  }

  /** Whether this consumer has read every partition of the outputs up to its end now. */
  private boolean readToTheEnd() {
    Set<TopicPartition> assigned = consumer.assignment();
    if (assigned.isEmpty()) {
      return false;
    }
    Map<TopicPartition, Long> ends = consumer.endOffsets(assigned);
    for (Map.Entry<TopicPartition, Long> end : ends.entrySet()) {
      if (consumer.position(end.getKey()) < end.getValue()) {
        return false;
      }
    }
    return true;
  }

  /**
   * Polls until an outage change that {@code wanted} accepts has arrived (now or earlier), or until
   * {@code timeout}; returns whether it came.
   */
  public boolean awaitOutage(Predicate<OutageEvent> wanted, Duration timeout) {
    Instant deadline = Instant.now().plus(timeout);
    int seen = 0;
    while (Instant.now().isBefore(deadline)) {
      for (; seen < changes.size(); seen++) {
        if (wanted.test(changes.get(seen))) {
          return true;
        }
      }
      consumer.poll(Duration.ofMillis(50)).forEach(this::accept);
    }
    return false;
  }

  /**
   * The event time of the newest output so far (outputs carry the event time of what caused them);
   * empty before any.
   */
  public Optional<Instant> eventTimeReached() {
    return latestEventTimeMs == Long.MIN_VALUE
        ? Optional.empty()
        : Optional.of(Instant.ofEpochMilli(latestEventTimeMs));
  }

  /** How many probe windows and report minutes the pipeline judged so far. */
  public Outcome.Judged judged() {
    return new Outcome.Judged(probeWindowsJudged, reportMinutesJudged);
  }

  /** How many outages were seen so far. */
  public long outagesSoFar() {
    // incidents: an outage merged into a global one is part of it, not one more
    return latestOutage.values().stream().filter(o -> o.getMergedInto() == null).count();
  }

  /** Records the pipeline could not read or process, so far. */
  public long deadLetters() {
    return deadLetters;
  }

  /** Takes one output record. */
  private void accept(ConsumerRecord<byte[], byte[]> record) {
    String topic = record.topic();
    latestEventTimeMs = Math.max(latestEventTimeMs, record.timestamp());
    if (topic.equals(topics.outages.name())) {
      OutageEvent event =
          topics.outages.valueSerde().deserializer().deserialize(topic, record.value());
      latestOutage.put(event.getOutageId(), event);
      changes.add(event);
    } else if (topic.equals(topics.deadLetters.name())) {
      deadLetters++;
    } else if (topic.equals(topics.regionHealth.name())) {
      probeWindowsJudged++; // counted, not read: only how many verdicts there were matters here
    } else if (topic.equals(topics.reportHealth.name())) {
      reportMinutesJudged++;
    } else if (topic.equals(topics.alerts.name())) {
      pages.add(topics.alerts.valueSerde().deserializer().deserialize(topic, record.value()));
    } else if (topic.equals(topics.businessNotices.name())) {
      businessNotices.add(
          topics.businessNotices.valueSerde().deserializer().deserialize(topic, record.value()));
    } else {
      RegionImpact impact =
          topics.regionImpact.valueSerde().deserializer().deserialize(topic, record.value());
      latestImpact.put(impact.getRegion(), impact);
    }
  }

  /** Where the outputs stand, for the error message when they do not settle. */
  public String progress() {
    List<String> open =
        latestOutage.values().stream()
            .filter(o -> o.getState() != OutageState.RESOLVED)
            .map(OutageEvent::getOutageId)
            .toList();
    return latestOutage.size()
        + " outage(s) seen, "
        + open.size()
        + " still open "
        + open
        + ", "
        + pages.size()
        + " page(s)";
  }

  /**
   * The final state of each outage, merged ones left out (they are part of the one they merged
   * into).
   */
  public Collection<OutageEvent> outages() {
    return latestOutage.values().stream().filter(o -> o.getMergedInto() == null).toList();
  }

  /** The last impact of each region, by region code. */
  List<RegionImpact> regionImpact() {
    return List.copyOf(latestImpact.values());
  }

  public List<Page> pages() {
    return List.copyOf(pages);
  }

  /** Every outage change, in the order read. */
  public List<OutageEvent> changes() {
    return List.copyOf(changes);
  }

  /** Every business notice, in the order read. */
  public List<BusinessNotice> businessNotices() {
    return List.copyOf(businessNotices);
  }

  @Override
  public void close() {
    consumer.close();
  }
}
