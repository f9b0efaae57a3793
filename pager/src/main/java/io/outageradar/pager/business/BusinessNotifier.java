package io.outageradar.pager.business;

import io.outageradar.avro.Business;
import io.outageradar.avro.BusinessContact;
import io.outageradar.avro.BusinessNotice;
import io.outageradar.avro.BusinessNoticeDeadLetter;
import io.outageradar.avro.ContactKind;
import io.outageradar.detection.business.ContactChoice;
import io.outageradar.pager.DeadLetterWriter;
import io.outageradar.pager.Deliverer;
import io.outageradar.pager.PendingOffsets;
import io.outageradar.topics.KafkaClients;
import io.outageradar.topics.Topic;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RecordDeserializationException;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Consumes {@code business-notices} and tells each business through every contact of its that still
 * works: a contact riding on a platform down where the business is is skipped, and the message says
 * so; with no usable contact left the notice waits (logged once, counted on {@link #waiting()})
 * until a platform recovers.
 *
 * <p>Each kind of contact has a lane of its own (a thread: email, SMS, Slack, webhook), so a slow
 * or unreachable SMTP server delays only the emails; within a lane notices go out in the order they
 * came, so one business hears TRIGGER before RESOLVE. A notice's offset is committed only once
 * every usable contact took it or gave up after the retries ({@link PendingOffsets}), so a notifier
 * killed mid-way tells again at most the notices in flight — as the same email Message-ID and
 * webhook Idempotency-Key.
 */
public final class BusinessNotifier implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(BusinessNotifier.class);

  /** Where to read, from whom to learn profiles and outages, and how to send. */
  public record Settings(
      KafkaClients kafka,
      String groupId,
      Topic<String, BusinessNotice> notices,
      Topic<String, BusinessNoticeDeadLetter> deadLetters,
      BusinessDirectory directory,
      ContactSender sender,
      Clock clock) {}

  private final Settings settings;
  private final KafkaConsumer<String, BusinessNotice> consumer;
  private final DeadLetterWriter<BusinessNoticeDeadLetter> deadLetters;
  private final Thread thread;
  private final AtomicLong delivered = new AtomicLong();
  private final AtomicLong failed = new AtomicLong();
  private final AtomicLong skipped = new AtomicLong();
  private final AtomicLong waiting = new AtomicLong();

  /** Notices handed to the lanes and not yet done, beyond which consumption pauses. */
  static final int MAX_PENDING = 1_000;

  private final Map<ContactKind, ExecutorService> lanes = new EnumMap<>(ContactKind.class);
  private final PendingOffsets pending = new PendingOffsets();

  /** Partitions paused behind a notice that waits for a contact, and that notice. */
  private final Map<TopicPartition, BusinessNotice> held = new HashMap<>();

  private volatile boolean closing;

  private BusinessNotifier(Settings settings) {
    this.settings = settings;
    Properties props = new Properties();
    props.put(ConsumerConfig.GROUP_ID_CONFIG, settings.groupId());
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 20);
    // one poll's notices may each go through several contacts, each retried with backoff
    props.put(ConsumerConfig.MAX_POLL_INTERVAL_MS_CONFIG, (int) Duration.ofMinutes(30).toMillis());
    this.consumer =
        new KafkaConsumer<>(
            settings.kafka().properties(KafkaClients.Kind.CONSUMER, props),
            settings.notices().keySerde().deserializer(),
            settings.notices().valueSerde().deserializer());
    this.deadLetters = new DeadLetterWriter<>(settings.kafka(), settings.deadLetters());
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

  /** Deliveries a contact never took after every retry: each is on the dead-letter topic. */
  public long failed() {
    return failed.get();
  }

  /** Contacts not used because they ride on a platform that was down. */
  public long skipped() {
    return skipped.get();
  }

  /**
   * Notices waiting now because every contact of their business rides on a platform down (each
   * holds back the notices after it in its partition, and only those).
   */
  public long waiting() {
    return waiting.get();
  }

  public boolean alive() {
    return thread.isAlive();
  }

  private void run() {
    try {
      consumer.subscribe(
          List.of(settings.notices().name()),
          new ConsumerRebalanceListener() {
            // a partition that moves takes its waiting notice and the notices still in flight
            // with it: the new owner reads them again (harmless: the same Message-ID and key)
            @Override
            public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
              commitDone();
              partitions.forEach(pending::forget);
              held.keySet().removeAll(partitions);
            }

            @Override
            public void onPartitionsAssigned(Collection<TopicPartition> partitions) {}

            @Override
            public void onPartitionsLost(Collection<TopicPartition> partitions) {
              partitions.forEach(pending::forget);
              held.keySet().removeAll(partitions);
            }
          });
      while (!closing) {
        resumeWhereAContactWorksAgain();
        // while notices are in flight, poll briefly: what the lanes finish is committed promptly
        Duration wait = pending.size() > 0 ? Duration.ofMillis(10) : Duration.ofMillis(200);
        try {
          for (ConsumerRecord<String, BusinessNotice> record : consumer.poll(wait)) {
            TopicPartition partition = new TopicPartition(record.topic(), record.partition());
            if (held.containsKey(partition)) {
              continue; // behind a notice that waits: it comes again once that one is sent
            }
            Optional<CompletableFuture<Void>> told = tell(record.value());
            if (told.isPresent()) {
              pending.add(partition, record.offset(), told.get());
            } else {
              hold(partition, record);
            }
          }
        } catch (RecordDeserializationException e) {
          LOG.error(
              "skipping unreadable business notice at {}@{}: {}",
              e.topicPartition(),
              e.offset(),
              e.getMessage());
          consumer.seek(e.topicPartition(), e.offset() + 1);
          pending.add(e.topicPartition(), e.offset(), CompletableFuture.completedFuture(null));
        }
        commitDone();
        pauseWhileTheLanesAreFull();
      }
    } catch (WakeupException e) {
      if (!closing) {
        throw e;
      }
    } catch (RuntimeException e) {
      LOG.error("business notifier stopped: {}", e.toString(), e);
    } finally {
      // the consumer first: what the lanes still hold is not committed and goes out again from the
      // next notifier
      consumer.close();
      lanes.values().forEach(ExecutorService::shutdownNow);
      deadLetters.close();
    }
  }

  private void commitDone() {
    pending.commitDone(consumer);
  }

  /** Partitions behind a waiting notice stay paused whatever the lanes do. */
  private void pauseWhileTheLanesAreFull() {
    if (pending.size() >= MAX_PENDING) {
      consumer.pause(consumer.assignment());
    } else {
      Set<TopicPartition> resumable = new HashSet<>(consumer.paused());
      resumable.removeAll(held.keySet());
      if (!resumable.isEmpty()) {
        consumer.resume(resumable);
      }
    }
  }

  /**
   * A notice none of whose contacts works waits, and the notices after it in its partition wait
   * behind it (one business's notices stay in order); every other partition goes on.
   */
  private void hold(TopicPartition partition, ConsumerRecord<String, BusinessNotice> record) {
    LOG.warn(
        "business notice {}: every contact of {} rides on a platform that is down; waiting for one"
            + " to recover",
        record.value().getDedupKey(),
        record.value().getBusinessId());
    consumer.seek(partition, record.offset());
    consumer.pause(List.of(partition));
    held.put(partition, record.value());
    waiting.set(held.size());
  }

  private void resumeWhereAContactWorksAgain() {
    Map<String, Set<String>> down = settings.directory().downNow();
    held.entrySet()
        .removeIf(
            entry -> {
              Business business = settings.directory().profile(entry.getValue().getBusinessId());
              boolean go = business == null || !ContactChoice.of(business, down).via().isEmpty();
              if (go) {
                consumer.resume(List.of(entry.getKey()));
              }
              return go;
            });
    waiting.set(held.size());
  }

  /**
   * Hands the notice to the lane of every contact that works; done when each took it or gave up;
   * empty when no contact works (yet).
   */
  private Optional<CompletableFuture<Void>> tell(BusinessNotice notice) {
    Business business = settings.directory().profile(notice.getBusinessId());
    if (business == null) {
      LOG.warn("business notice {}: no such business (deleted?); not sent", notice.getDedupKey());
      return Optional.of(CompletableFuture.completedFuture(null));
    }
    ContactChoice.Choice choice = ContactChoice.of(business, settings.directory().downNow());
    if (choice.via().isEmpty()) {
      return Optional.empty();
    }
    List<String> skippedLines =
        choice.skipped().stream().map(skip -> NoticeText.skippedLine(business, skip)).toList();
    skipped.addAndGet(choice.skipped().size());
    NoticeText text = NoticeText.of(business, notice, skippedLines);
    List<CompletableFuture<Void>> sends = new ArrayList<>();
    for (BusinessContact contact : business.getContacts()) {
      if (choice.via().contains(contact.getId())) {
        sends.add(
            CompletableFuture.runAsync(() -> send(contact, notice, text), lane(contact.getKind())));
      }
    }
    return Optional.of(CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new)));
  }

  private void send(BusinessContact contact, BusinessNotice notice, NoticeText text) {
    try {
      Deliverer.Outcome outcome = settings.sender().deliver(contact, notice, text);
      if (outcome.delivered()) {
        delivered.incrementAndGet();
      } else {
        deadLetter(notice, contact, outcome);
        failed.incrementAndGet();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CompletionException(e); // closing: the notice stays uncommitted and is sent again
    }
  }

  /** Stored before the notice's offset may be committed: a failed delivery is never lost. */
  private void deadLetter(BusinessNotice notice, BusinessContact contact, Deliverer.Outcome outcome)
      throws InterruptedException {
    BusinessNoticeDeadLetter letter =
        BusinessNoticeDeadLetter.newBuilder()
            .setNotice(notice)
            .setContact(contact.getId())
            .setKind(contact.getKind().name())
            .setAttempts(outcome.attempts())
            .setLastError(outcome.lastError())
            .setFailedAt(settings.clock().instant())
            .build();
    deadLetters.store(
        notice.getDedupKey(),
        letter,
        "business notice " + notice.getDedupKey() + " for contact " + contact.getId());
  }

  private ExecutorService lane(ContactKind kind) {
    return lanes.computeIfAbsent(
        kind,
        k ->
            Executors.newSingleThreadExecutor(
                runnable -> {
                  Thread lane =
                      new Thread(
                          runnable,
                          "outage-radar-business-notifier-" + k.name().toLowerCase(Locale.ROOT));
                  lane.setDaemon(true);
                  return lane;
                }));
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
