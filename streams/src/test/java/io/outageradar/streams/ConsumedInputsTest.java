package io.outageradar.streams;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What a stream thread's consumer handed over, against what its task processed. */
class ConsumedInputsTest {
  private static final TopicPartition INPUT = new TopicPartition("user-reports", 2);

  private final MockConsumer<byte[], byte[]> consumer = new MockConsumer<>("earliest");
  private final Consumer<byte[], byte[]> watched = ConsumedInputs.watched(consumer);
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
  void anotherThreadHasNoConsumerOfItsOwnAndIsNeverCaughtUp() throws InterruptedException {
    boolean[] answer = {true};
    Thread other = new Thread(() -> answer[0] = lag.caughtUp(INPUT.topic(), INPUT.partition(), 2));
    other.start();
    other.join();
    assertThat(answer[0]).isFalse();
  }
}
