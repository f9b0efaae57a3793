package io.outageradar.pager.business;

import io.outageradar.avro.Business;
import io.outageradar.avro.BusinessContact;
import io.outageradar.avro.BusinessNotice;
import io.outageradar.detection.business.ContactChoice;
import io.outageradar.topics.KafkaClients;
import io.outageradar.topics.Topic;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RecordDeserializationException;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Consumes {@code business-notices} and tells each business through every contact of its that still
 * works: a contact riding on a platform down where the business is is skipped, and the message says
 * so; with no usable contact left the notice waits (logged once, counted on {@link #waiting()})
 * until a platform recovers. A notice's offset is committed only once every usable contact took it
 * or gave up after the retries, so a notifier killed mid-way tells again at most the notice in
 * flight — as the same email Message-ID and webhook Idempotency-Key.
 */
public final class BusinessNotifier implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(BusinessNotifier.class);
  private static final Duration RECHECK = Duration.ofSeconds(1);

  /** Where to read, from whom to learn profiles and outages, and how to send. */
  public record Settings(
      KafkaClients kafka,
      String groupId,
      Topic<String, BusinessNotice> notices,
      BusinessDirectory directory,
      ContactSender sender) {}

  private final Settings settings;
  private final KafkaConsumer<String, BusinessNotice> consumer;
  private final Thread thread;
  private final AtomicLong delivered = new AtomicLong();
  private final AtomicLong failed = new AtomicLong();
  private final AtomicLong skipped = new AtomicLong();
  private final AtomicLong waiting = new AtomicLong();
  private volatile boolean closing;

  private BusinessNotifier(Settings settings) {
    this.settings = settings;
    Properties props = new Properties();
    props.put(ConsumerConfig.GROUP_ID_CONFIG, settings.groupId());
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 20);
    // a notice may wait for a platform to recover: far longer than the default poll interval
    props.put(ConsumerConfig.MAX_POLL_INTERVAL_MS_CONFIG, (int) Duration.ofHours(24).toMillis());
    this.consumer =
        new KafkaConsumer<>(
            settings.kafka().properties(KafkaClients.Kind.CONSUMER, props),
            settings.notices().keySerde().deserializer(),
            settings.notices().valueSerde().deserializer());
    this.thread = new Thread(this::run, "outage-radar-business-notifier");
  }

  public static BusinessNotifier start(Settings settings) {
    BusinessNotifier notifier = new BusinessNotifier(settings);
    notifier.thread.start();
    return notifier;
  }

  /** Notices a contact took, once per contact. */
  public long delivered() {
    return delivered.get();
  }

  /** Deliveries a contact never took after every retry. */
  public long failed() {
    return failed.get();
  }

  /** Contacts not used because they ride on a platform that was down. */
  public long skipped() {
    return skipped.get();
  }

  /** Notices waiting now because every contact of their business rides on a platform down. */
  public long waiting() {
    return waiting.get();
  }

  public boolean alive() {
    return thread.isAlive();
  }

  private void run() {
    try {
      consumer.subscribe(List.of(settings.notices().name()));
      while (!closing) {
        try {
          for (ConsumerRecord<String, BusinessNotice> record :
              consumer.poll(Duration.ofMillis(200))) {
            tell(record.value());
            consumer.commitSync(
                Map.of(
                    new TopicPartition(record.topic(), record.partition()),
                    new OffsetAndMetadata(record.offset() + 1)));
          }
        } catch (RecordDeserializationException e) {
          LOG.error(
              "skipping unreadable business notice at {}@{}: {}",
              e.topicPartition(),
              e.offset(),
              e.getMessage());
          consumer.seek(e.topicPartition(), e.offset() + 1);
        }
      }
    } catch (WakeupException e) {
      if (!closing) {
        throw e;
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException e) {
      LOG.error("business notifier stopped: {}", e.toString(), e);
    } finally {
      consumer.close();
    }
  }

  private void tell(BusinessNotice notice) throws InterruptedException {
    Business business = settings.directory().profile(notice.getBusinessId());
    if (business == null) {
      LOG.warn("business notice {}: no such business (deleted?); not sent", notice.getDedupKey());
      return;
    }
    ContactChoice.Choice choice = ContactChoice.of(business, settings.directory().downNow());
    if (choice.via().isEmpty()) {
      waiting.incrementAndGet();
      LOG.warn(
          "business notice {}: every contact of {} rides on a platform that is down; waiting for one to recover",
          notice.getDedupKey(),
          business.getId());
      try {
        while (!closing && choice.via().isEmpty()) {
          Thread.sleep(RECHECK.toMillis());
          business = settings.directory().profile(notice.getBusinessId());
          if (business == null) {
            return;
          }
          choice = ContactChoice.of(business, settings.directory().downNow());
        }
      } finally {
        waiting.decrementAndGet();
      }
      if (closing) {
        throw new WakeupException(); // not committed: the next notifier sends it
      }
    }
    Business profile = business;
    List<String> skippedLines =
        choice.skipped().stream().map(skip -> NoticeText.skippedLine(profile, skip)).toList();
    skipped.addAndGet(choice.skipped().size());
    NoticeText text = NoticeText.of(profile, notice, skippedLines);
    for (String id : choice.via()) {
      BusinessContact contact =
          profile.getContacts().stream()
              .filter(c -> c.getId().equals(id))
              .findFirst()
              .orElseThrow();
      if (settings.sender().deliver(contact, notice, text)) {
        delivered.incrementAndGet();
      } else {
        failed.incrementAndGet();
      }
    }
  }

  @Override
  public void close() {
    closing = true;
    consumer.wakeup();
    try {
      thread.join(Duration.ofSeconds(30).toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
