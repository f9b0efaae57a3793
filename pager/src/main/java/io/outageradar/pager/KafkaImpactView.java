package io.outageradar.pager;

import io.outageradar.avro.Page;
import io.outageradar.avro.RegionImpact;
import io.outageradar.topics.Topic;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the latest region-impact record of every region by reading the compacted topic from the
 * start (no consumer group: every pager needs the whole table), so a page can say what its outage
 * is costing.
 */
public final class KafkaImpactView implements ImpactView, AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(KafkaImpactView.class);

  private final Map<String, RegionImpact> byRegion = new ConcurrentHashMap<>();
  private final KafkaConsumer<String, RegionImpact> consumer;
  private final Thread thread;
  private volatile boolean closing;

  public KafkaImpactView(String bootstrapServers, Topic<String, RegionImpact> regionImpact) {
    Properties props = new Properties();
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    consumer = new KafkaConsumer<>(props, regionImpact.keySerde().deserializer(), regionImpact.valueSerde().deserializer());
    List<TopicPartition> partitions = consumer.partitionsFor(regionImpact.name(), Duration.ofSeconds(30)).stream()
        .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
    consumer.assign(partitions);
    consumer.seekToBeginning(partitions);
    thread = new Thread(this::run, "outage-radar-pager-impact");
    thread.setDaemon(true);
    thread.start();
  }

  private void run() {
    try {
      while (!closing) {
        consumer.poll(Duration.ofMillis(500)).forEach(record -> {
          if (record.value() == null) {
            byRegion.remove(record.key());
          } else {
            byRegion.put(record.value().getRegion(), record.value());
          }
        });
      }
    } catch (WakeupException e) {
      // closing
    } catch (RuntimeException e) {
      LOG.warn("region impact no longer followed; pages go out without it: {}", e.toString());
    } finally {
      consumer.close();
    }
  }

  @Override
  public List<Loss> of(Page page) {
    Map<String, Long> perCurrency = new TreeMap<>();
    for (String region : page.getRegions()) {
      RegionImpact impact = byRegion.get(region);
      if (impact != null && impact.getOutageIds().contains(page.getDedupKey()) && impact.getEstimatedLoss().getAmountMinor() > 0) {
        perCurrency.merge(impact.getEstimatedLoss().getCurrency(), impact.getEstimatedLoss().getAmountMinor(), Long::sum);
      }
    }
    return perCurrency.entrySet().stream().map(e -> new Loss(e.getKey(), e.getValue())).toList();
  }

  @Override
  public void close() {
    closing = true;
    consumer.wakeup();
    try {
      thread.join(5_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
