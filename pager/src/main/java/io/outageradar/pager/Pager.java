package io.outageradar.pager;

import io.outageradar.avro.Page;
import io.outageradar.avro.PageDeadLetter;
import io.outageradar.topics.Topic;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RecordDeserializationException;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Consumes {@code alerts} and hands each page to every integration, one page at a time. The
 * offset of a page is committed only once every integration has it (or has given up on it and the
 * page is in {@code alerts.dlq}), so a pager that dies re-sends at most the page in flight, and
 * the dedup keys make that harmless. A record that cannot be read is logged and skipped.
 */
public final class Pager implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Pager.class);

  /** Where to read and write, who to tell, and whether a new consumer group starts at the oldest page. */
  public record Settings(String bootstrapServers, String groupId, Topic<String, Page> alerts, Topic<String, PageDeadLetter> deadLetters,
      List<Integration> integrations, Deliverer deliverer, RetryPolicy retryPolicy, boolean fromBeginning, Clock clock) {}

  private final Settings settings;
  private final KafkaConsumer<String, Page> consumer;
  private final KafkaProducer<String, PageDeadLetter> deadLetterProducer;
  private final Thread thread;
  private final CountDownLatch assigned = new CountDownLatch(1);
  private volatile boolean closing;

  private Pager(Settings settings) {
    this.settings = settings;
    this.consumer = new KafkaConsumer<>(consumerProperties(settings), settings.alerts().keySerde().deserializer(),
        settings.alerts().valueSerde().deserializer());
    Properties producerProps = new Properties();
    producerProps.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers());
    producerProps.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    producerProps.put(ProducerConfig.ACKS_CONFIG, "all");
    this.deadLetterProducer = new KafkaProducer<>(producerProps, settings.deadLetters().keySerde().serializer(),
        settings.deadLetters().valueSerde().serializer());
    this.thread = new Thread(this::run, "outage-radar-pager");
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

  /** Waits until the consumer has its partitions (tests and start-up logs). */
  public boolean awaitAssignment(Duration timeout) throws InterruptedException {
    return assigned.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  private static Properties consumerProperties(Settings settings) {
    Properties props = new Properties();
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers());
    props.put(ConsumerConfig.GROUP_ID_CONFIG, settings.groupId());
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, settings.fromBeginning() ? "earliest" : "latest");
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    // one page per poll, and enough time to try every integration to the end before the group
    // considers this consumer dead and hands the page to another
    props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 1);
    RetryPolicy policy = settings.retryPolicy();
    long worstCaseMs = settings.integrations().size() * policy.maxAttempts()
        * (PageJson.REQUEST_TIMEOUT.toMillis() + policy.maxDelay().toMillis());
    props.put(ConsumerConfig.MAX_POLL_INTERVAL_MS_CONFIG, (int) Math.min(Integer.MAX_VALUE, worstCaseMs + 60_000));
    return props;
  }

  private void run() {
    try {
      consumer.subscribe(List.of(settings.alerts().name()), new AssignmentListener(assigned));
      while (!closing) {
        try {
          for (ConsumerRecord<String, Page> record : consumer.poll(Duration.ofMillis(500))) {
            handle(record.value());
            commit(new TopicPartition(record.topic(), record.partition()), record.offset() + 1);
          }
        } catch (RecordDeserializationException e) {
          LOG.error("skipping unreadable page at {}@{}: {}", e.topicPartition(), e.offset(), e.getMessage());
          consumer.seek(e.topicPartition(), e.offset() + 1);
          commit(e.topicPartition(), e.offset() + 1);
        }
      }
    } catch (WakeupException e) {
      if (!closing) {
        throw e;
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException e) {
      LOG.error("pager stopped: {}", e.toString(), e);
    } finally {
      consumer.close();
      deadLetterProducer.close();
    }
  }

  private void handle(Page page) throws InterruptedException {
    for (Integration integration : settings.integrations()) {
      Deliverer.Outcome outcome = settings.deliverer().deliver(integration, page);
      if (!outcome.delivered()) {
        deadLetter(page, integration, outcome);
      }
    }
  }

  private void deadLetter(Page page, Integration integration, Deliverer.Outcome outcome) throws InterruptedException {
    PageDeadLetter letter = PageDeadLetter.newBuilder()
        .setPage(page).setIntegration(integration.name()).setAttempts(outcome.attempts()).setLastError(outcome.lastError())
        .setFailedAt(settings.clock().instant()).build();
    try {
      // wait for the broker: the page's offset must not be committed before its dead letter is stored
      deadLetterProducer.send(new ProducerRecord<>(settings.deadLetters().name(), page.getDedupKey(), letter)).get(30, TimeUnit.SECONDS);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("cannot store the dead letter of page " + page.getDedupKey() + " for " + integration.name(), e);
    }
  }

  private void commit(TopicPartition partition, long nextOffset) {
    consumer.commitSync(Map.of(partition, new OffsetAndMetadata(nextOffset)));
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

  private record AssignmentListener(CountDownLatch assigned) implements org.apache.kafka.clients.consumer.ConsumerRebalanceListener {
    @Override
    public void onPartitionsRevoked(java.util.Collection<TopicPartition> partitions) {
      // offsets are committed page by page; nothing is pending here
    }

    @Override
    public void onPartitionsAssigned(java.util.Collection<TopicPartition> partitions) {
      assigned.countDown();
    }
  }
}
