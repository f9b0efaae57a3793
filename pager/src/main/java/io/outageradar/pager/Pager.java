package io.outageradar.pager;

import io.outageradar.avro.Page;
import io.outageradar.avro.PageDeadLetter;
import io.outageradar.topics.KafkaClients;
import io.outageradar.topics.Topic;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
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
 * Consumes {@code alerts} and hands each page to every integration. Each integration delivers from
 * a queue of its own, in page order, on a thread of its own: a receiver that hangs or retries
 * delays only its own pages, never another integration's. The offset of a page is committed only
 * once every integration has it (or has given up on it and the page is in {@code alerts.dlq}), so a
 * pager that dies re-sends at most the pages in flight, and the dedup keys make that harmless.
 * While too many pages wait for a slow integration, consumption pauses. A record that cannot be
 * read is logged and skipped.
 */
public final class Pager implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Pager.class);

  /**
   * Where to read and write, who to tell, and whether a new consumer group starts at the oldest
   * page.
   */
  public record Settings(
      KafkaClients kafka,
      String groupId,
      Topic<String, Page> alerts,
      Topic<String, PageDeadLetter> deadLetters,
      List<Integration> integrations,
      Deliverer deliverer,
      RetryPolicy retryPolicy,
      boolean fromBeginning,
      Clock clock) {}

  /** Pages handed out and not yet delivered everywhere, beyond which consumption pauses. */
  static final int MAX_PENDING = 1_000;

  private final Settings settings;
  private final Map<Integration, ExecutorService> lanes = new LinkedHashMap<>();
  private final PendingOffsets pending = new PendingOffsets();
  private final KafkaConsumer<String, Page> consumer;
  private final DeadLetterWriter<PageDeadLetter> deadLetters;
  private final Thread thread;
  private final CountDownLatch assigned = new CountDownLatch(1);
  private final AtomicLong delivered = new AtomicLong();
  private final AtomicLong failedAttempts = new AtomicLong();
  private final AtomicLong deadLettered = new AtomicLong();
  private volatile boolean closing;

  private Pager(Settings settings) {
    this.settings = settings;
    this.consumer =
        new KafkaConsumer<>(
            consumerProperties(settings),
            settings.alerts().keySerde().deserializer(),
            settings.alerts().valueSerde().deserializer());
    this.deadLetters = new DeadLetterWriter<>(settings.kafka(), settings.deadLetters());
    this.thread = new Thread(this::run, "outage-radar-pager");
    for (Integration integration : settings.integrations()) {
      lanes.put(
          integration,
          Executors.newSingleThreadExecutor(
              runnable -> {
                Thread lane = new Thread(runnable, "outage-radar-pager-" + integration.name());
                lane.setDaemon(true);
                return lane;
              }));
    }
  }

  /** Starts consuming on a thread of its own. */
  public static Pager start(Settings settings) {
    if (settings.integrations().isEmpty()) {
      throw new IllegalArgumentException("no integration configured: nothing would be paged");
    }
    Pager pager = new Pager(settings);
    pager.thread.start();
    return pager;
  }

  /** Pages some integration took, counted once per integration. */
  public long delivered() {
    return delivered.get();
  }

  /**
   * Delivery attempts that failed (each retry counts), of delivered and dead-lettered pages alike.
   */
  public long failedAttempts() {
    return failedAttempts.get();
  }

  /** Pages an integration never took, written to the dead-letter topic. */
  public long deadLettered() {
    return deadLettered.get();
  }

  /** Whether the consuming thread still runs: a pager whose thread died pages nobody. */
  public boolean alive() {
    return thread.isAlive();
  }

  /** Waits until the consumer has its partitions (tests and start-up logs). */
  public boolean awaitAssignment(Duration timeout) throws InterruptedException {
    return assigned.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  private static Properties consumerProperties(Settings settings) {
    Properties props = new Properties();
    props.put(ConsumerConfig.GROUP_ID_CONFIG, settings.groupId());
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    props.put(
        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, settings.fromBeginning() ? "earliest" : "latest");
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    // the consuming thread polls all the time (deliveries run on the integrations' own threads),
    // pausing instead of blocking when deliveries fall behind
    props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 100);
    return settings.kafka().properties(KafkaClients.Kind.CONSUMER, props);
  }

  private void run() {
    try {
      consumer.subscribe(List.of(settings.alerts().name()), new AssignmentListener());
      while (!closing) {
        try {
          for (ConsumerRecord<String, Page> record : consumer.poll(Duration.ofMillis(100))) {
            pending.add(
                new TopicPartition(record.topic(), record.partition()),
                record.offset(),
                handOut(record.value()));
          }
        } catch (RecordDeserializationException e) {
          LOG.error(
              "skipping unreadable page at {}@{}: {}",
              e.topicPartition(),
              e.offset(),
              e.getMessage());
          consumer.seek(e.topicPartition(), e.offset() + 1);
          pending.add(e.topicPartition(), e.offset(), CompletableFuture.completedFuture(null));
        }
        commitDone();
        if (pending.size() >= MAX_PENDING) {
          consumer.pause(consumer.assignment());
        } else if (!consumer.paused().isEmpty()) {
          consumer.resume(consumer.paused());
        }
      }
    } catch (WakeupException e) {
      if (!closing) {
        throw e;
      }
    } catch (RuntimeException e) {
      LOG.error("pager stopped: {}", e.toString(), e);
    } finally {
      // the consumer first: closing it commits what the lanes finished; what they still hold is
      // not committed and goes out again from the next pager
      consumer.close();
      lanes.values().forEach(ExecutorService::shutdownNow);
      deadLetters.close();
    }
  }

  /**
   * Queues the page on every integration's lane; done when every one has delivered or dead-lettered
   * it.
   */
  private CompletableFuture<Void> handOut(Page page) {
    List<CompletableFuture<Void>> deliveries = new ArrayList<>();
    lanes.forEach(
        (integration, lane) ->
            deliveries.add(CompletableFuture.runAsync(() -> deliver(integration, page), lane)));
    return CompletableFuture.allOf(deliveries.toArray(CompletableFuture[]::new));
  }

  private void deliver(Integration integration, Page page) {
    try {
      Deliverer.Outcome outcome = settings.deliverer().deliver(integration, page);
      if (outcome.delivered()) {
        delivered.incrementAndGet();
        failedAttempts.addAndGet(outcome.attempts() - 1L);
      } else {
        failedAttempts.addAndGet(outcome.attempts());
        deadLetter(page, integration, outcome);
        deadLettered.incrementAndGet();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CompletionException(e); // closing: the page stays uncommitted and is sent again
    }
  }

  private void commitDone() {
    pending.commitDone(consumer);
  }

  private void deadLetter(Page page, Integration integration, Deliverer.Outcome outcome)
      throws InterruptedException {
    PageDeadLetter letter =
        PageDeadLetter.newBuilder()
            .setPage(page)
            .setIntegration(integration.name())
            .setAttempts(outcome.attempts())
            .setLastError(outcome.lastError())
            .setFailedAt(settings.clock().instant())
            .build();
    deadLetters.store(
        page.getDedupKey(), letter, "page " + page.getDedupKey() + " for " + integration.name());
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

  /** Called on the consuming thread, inside poll. */
  private final class AssignmentListener implements ConsumerRebalanceListener {
    @Override
    public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
      // what is done is committed; pages still in flight go to the new owner, which sends them
      // again (harmless: dedup keys)
      commitDone();
      partitions.forEach(pending::forget);
    }

    @Override
    public void onPartitionsLost(Collection<TopicPartition> partitions) {
      partitions.forEach(pending::forget);
    }

    @Override
    public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
      assigned.countDown();
    }
  }
}
