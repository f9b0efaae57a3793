package io.outageradar.streams;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What a stream thread's consumer handed over, against what its task processed. */
class ConsumedInputsTest {
  private static final TopicPartition INPUT = new TopicPartition("user-reports", 2);

  private final MockConsumer<byte[], byte[]> consumer = new MockConsumer<>("earliest");
  private final ConsumedInputs.WatchingSupplier clients = ConsumedInputs.clientSupplier();
  private final Consumer<byte[], byte[]> watched = clients.watch(consumer);
  private final InputLag lag = ConsumedInputs.lag();

  @BeforeEach
  void assign() {
    watched.assign(List.of(INPUT));
    consumer.updateBeginningOffsets(Map.of(INPUT, 0L));
    consumer.updateEndOffsets(Map.of(INPUT, 3L));
    for (long offset = 0; offset < 3; offset++) {
      consumer.addRecord(
          new ConsumerRecord<>(INPUT.topic(), INPUT.partition(), offset, null, null));
    }
    watched.poll(Duration.ZERO);
  }

  @Test
  void recordsHandedOverButNotProcessedAreABacklog() {
    assertThat(consumer.currentLag(INPUT).getAsLong()).isZero(); // fetched, every one of them
    assertThat(lag.caughtUp(INPUT.topic(), INPUT.partition(), InputLag.NOTHING_PROCESSED))
        .isFalse();
    assertThat(lag.caughtUp(INPUT.topic(), INPUT.partition(), 1)).isFalse();
    assertThat(lag.caughtUp(INPUT.topic(), INPUT.partition(), 2)).isTrue();
  }

  @Test
  void recordsOnTheBrokerNotHandedOverAreABacklog() {
    consumer.updateEndOffsets(Map.of(INPUT, 5L));
    assertThat(lag.caughtUp(INPUT.topic(), INPUT.partition(), 2)).isFalse();
  }

  @Test
  void aDeadLetteredLastRecordCountsAsProcessed() {
    ConsumedInputs.skipped(new ConsumerRecord<>(INPUT.topic(), INPUT.partition(), 2, null, null));
    assertThat(lag.caughtUp(INPUT.topic(), INPUT.partition(), 1)).isTrue();
  }

  @Test
  void aSeekForgetsWhatWasHandedOverBefore() {
    watched.seek(INPUT, 3);
    // a task that starts again at the end has nothing to process
    assertThat(lag.caughtUp(INPUT.topic(), INPUT.partition(), InputLag.NOTHING_PROCESSED)).isTrue();
  }

  @Test
  void theClientsAreQuietOnlyOnceAPollFindsNothingAndEveryPartitionIsReadToItsEnd() {
    assertThat(clients.quietFor(Duration.ZERO)).as("the last poll handed records over").isFalse();

    for (int poll = 1; poll < ConsumedInputs.DRAINED_POLLS; poll++) {
      watched.poll(Duration.ZERO);
    }
    assertThat(clients.quietFor(Duration.ZERO)).as("one poll short").isFalse();
    watched.poll(Duration.ZERO);
    assertThat(clients.quietFor(Duration.ZERO)).isTrue();
    assertThat(clients.quietFor(Duration.ofHours(1))).as("not for that long").isFalse();

    consumer.updateEndOffsets(Map.of(INPUT, 4L)); // a record the consumer has not fetched yet
    watched.poll(Duration.ZERO);
    assertThat(clients.quietFor(Duration.ZERO)).isFalse();
  }

  @Test
  void countsTheRecordsHandedOverOfTheTopicsAskedFor() {
    assertThat(clients.handedOver(List.of(INPUT.topic()))).isEqualTo(3);
    assertThat(clients.handedOver(List.of("probe-results"))).isZero();
  }

  @Test
  void aRecordOnItsWayToTheBrokerKeepsTheClientsBusyUntilTheBrokerAnswers() {
    for (int poll = 0; poll < ConsumedInputs.DRAINED_POLLS; poll++) {
      watched.poll(Duration.ZERO);
    }
    MockProducer<byte[], byte[]> broker =
        new MockProducer<>(false, null, new ByteArraySerializer(), new ByteArraySerializer());
    Producer<byte[], byte[]> producer = clients.sends().counted(broker);
    List<String> answered = new ArrayList<>();

    producer.send(
        new ProducerRecord<>("outages", new byte[0]),
        (metadata, error) -> answered.add(metadata.topic()));
    assertThat(clients.quietFor(Duration.ZERO)).isFalse();

    broker.completeNext();
    assertThat(answered).as("the sender's own callback still runs").containsExactly("outages");
    assertThat(clients.quietFor(Duration.ZERO)).isTrue();
  }

  @Test
  void anotherThreadHasNoConsumerOfItsOwnAndIsNeverCaughtUp() throws InterruptedException {
    boolean[] answer = {true};
    Thread other = new Thread(() -> answer[0] = lag.caughtUp(INPUT.topic(), INPUT.partition(), 2));
    other.start();
    other.join();
    assertThat(answer[0]).isFalse();
  }
}
