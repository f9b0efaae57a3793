package io.outageradar.pager.business;

import io.outageradar.avro.Business;
import io.outageradar.avro.BusinessImpact;
import io.outageradar.avro.BusinessKey;
import io.outageradar.avro.BusinessNotice;
import io.outageradar.avro.OutageEvent;
import io.outageradar.avro.OutageState;
import io.outageradar.avro.ReportWindowStats;
import io.outageradar.detection.business.IncidentReport;
import io.outageradar.topics.KafkaClients;
import io.outageradar.topics.Topic;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The businesses' profiles and the outages as they stand now, read from their compacted topics on a
 * thread of its own: who to tell, and which platforms are down where, so that a contact riding on
 * one of them is not used. Asked to ({@link #withKeys}, {@link #withImpacts}), also each business's
 * API key (as its hash) for the business API, and what the outages open now do to each business.
 */
public final class BusinessDirectory implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(BusinessDirectory.class);

  private final Topic<String, Business> businesses;
  private final Topic<String, OutageEvent> outages;
  private Topic<String, BusinessKey> keys;
  private Topic<String, BusinessImpact> impacts;
  private History history;
  private final KafkaConsumer<byte[], byte[]> consumer;
  private final Map<String, Business> profiles = new ConcurrentHashMap<>();
  private final Map<String, OutageEvent> latest = new ConcurrentHashMap<>();
  private final Map<String, BusinessKey> apiKeys = new ConcurrentHashMap<>();
  private final Map<String, BusinessImpact> impactNow = new ConcurrentHashMap<>();
  private final CountDownLatch loaded = new CountDownLatch(1);
  private final Thread thread;
  private volatile boolean closing;

  public BusinessDirectory(
      KafkaClients kafka, Topic<String, Business> businesses, Topic<String, OutageEvent> outages) {
    this.businesses = businesses;
    this.outages = outages;
    Properties props = new Properties();
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    this.consumer =
        new KafkaConsumer<>(
            kafka.properties(KafkaClients.Kind.CONSUMER, props),
            new ByteArrayDeserializer(),
            new ByteArrayDeserializer());
    this.thread = new Thread(this::run, "outage-radar-business-directory");
    this.thread.setDaemon(true);
  }

  /** Reads the businesses' API keys too (before {@link #start}). */
  public BusinessDirectory withKeys(Topic<String, BusinessKey> keys) {
    this.keys = keys;
    return this;
  }

  /** Reads the businesses' impact now too (before {@link #start}). */
  public BusinessDirectory withImpacts(Topic<String, BusinessImpact> impacts) {
    this.impacts = impacts;
    return this;
  }

  /**
   * Keeps what incident reports need too (before {@link #start}): every business's notices, every
   * outage change, and the report minutes of the last week of event time.
   */
  public BusinessDirectory withHistory(
      Topic<String, BusinessNotice> notices, Topic<String, ReportWindowStats> reportMinutes) {
    this.history = new History(notices, reportMinutes);
    return this;
  }

  /**
   * The incident report of {@code businessId} (of {@code outageId} only, when not null), or null
   * when the business is unknown. Needs {@link #withHistory}.
   */
  public IncidentReport report(String businessId, String outageId) {
    Business business = profiles.get(businessId);
    return business == null || history == null ? null : history.report(business, outageId);
  }

  /** Starts reading; {@link #awaitLoaded} tells when what the topics held at start is in. */
  public BusinessDirectory start() {
    thread.start();
    return this;
  }

  public boolean awaitLoaded(Duration timeout) throws InterruptedException {
    return loaded.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  public boolean alive() {
    return thread.isAlive();
  }

  /** The profile of {@code businessId}, or null when it is unknown or deleted. */
  public Business profile(String businessId) {
    return profiles.get(businessId);
  }

  /** The hash of {@code businessId}'s API key, or null when it has none (or was revoked). */
  public BusinessKey apiKey(String businessId) {
    return apiKeys.get(businessId);
  }

  /** What the outages open now do to {@code businessId}, or null when nothing hurts it. */
  public BusinessImpact impact(String businessId) {
    return impactNow.get(businessId);
  }

  /** Every profile, by business id. */
  public Map<String, Business> profiles() {
    return new TreeMap<>(profiles);
  }

  /** Regions each platform is down in now, by service. */
  public Map<String, Set<String>> downNow() {
    Map<String, Set<String>> down = new TreeMap<>();
    for (OutageEvent outage : latest.values()) {
      if (outage.getState() != OutageState.RESOLVED && outage.getMergedInto() == null) {
        down.computeIfAbsent(outage.getService(), s -> new TreeSet<>()).addAll(outage.getRegions());
      }
    }
    return down;
  }

  private void run() {
    try {
      List<TopicPartition> partitions = new ArrayList<>();
      List<String> topics = new ArrayList<>(List.of(businesses.name(), outages.name()));
      if (keys != null) {
        topics.add(keys.name());
      }
      if (impacts != null) {
        topics.add(impacts.name());
      }
      if (history != null) {
        topics.addAll(history.topics());
      }
      for (String topic : topics) {
        consumer
            .partitionsFor(topic)
            .forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
      }
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
      while (!closing) {
        for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
          take(record);
        }
        if (loaded.getCount() > 0
            && ends.entrySet().stream()
                .allMatch(e -> consumer.position(e.getKey()) >= e.getValue())) {
          LOG.info(
              "{} business profile(s) and {} outage(s) loaded", profiles.size(), latest.size());
          if (history != null) {
            history.caughtUp();
          }
          loaded.countDown();
        }
      }
    } catch (WakeupException e) {
      if (!closing) {
        throw e;
      }
    } catch (RuntimeException e) {
      LOG.error("business directory stopped: {}", e.toString(), e);
    } finally {
      consumer.close();
    }
  }

  private void take(ConsumerRecord<byte[], byte[]> record) {
    String key =
        record.key() == null
            ? null
            : new String(record.key(), java.nio.charset.StandardCharsets.UTF_8);
    try {
      if (record.topic().equals(businesses.name())) {
        latest(profiles, businesses, key, record);
      } else if (keys != null && record.topic().equals(keys.name())) {
        latest(apiKeys, keys, key, record);
      } else if (impacts != null && record.topic().equals(impacts.name())) {
        latest(impactNow, impacts, key, record);
      } else if (history != null && history.takes(record)) {
        return;
      } else if (record.value() != null) {
        OutageEvent outage =
            outages.valueSerde().deserializer().deserialize(record.topic(), record.value());
        latest.put(outage.getOutageId(), outage);
        if (history != null) {
          history.changed(outage);
        }
      }
    } catch (RuntimeException e) {
      LOG.error(
          "skipping unreadable record at {}-{}@{}: {}",
          record.topic(),
          record.partition(),
          record.offset(),
          e.getMessage());
    }
  }

  /** The latest value of {@code key} into {@code into}; a tombstone removes it. */
  private static <V> void latest(
      Map<String, V> into,
      Topic<String, V> topic,
      String key,
      ConsumerRecord<byte[], byte[]> record) {
    if (key == null) {
      return;
    }
    if (record.value() == null) {
      into.remove(key);
    } else {
      into.put(key, topic.valueSerde().deserializer().deserialize(record.topic(), record.value()));
    }
  }

  @Override
  public void close() {
    closing = true;
    if (thread.getState() == Thread.State.NEW) {
      consumer.close(); // never started: nothing else will close it
      return;
    }
    consumer.wakeup();
    try {
      thread.join(Duration.ofSeconds(10).toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
