package io.outageradar.pager;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

class PendingOffsetsTest {
  private static final TopicPartition P0 = new TopicPartition("alerts", 0);
  private static final TopicPartition P1 = new TopicPartition("alerts", 1);

  @Test
  void commitsOnlyUpToThePageSomeIntegrationStillWorksOn() {
    PendingOffsets pending = new PendingOffsets();
    CompletableFuture<Void> first = new CompletableFuture<>();
    CompletableFuture<Void> second = CompletableFuture.completedFuture(null);
    pending.add(P0, 10, first);
    pending.add(P0, 11, second);
    pending.add(P1, 5, CompletableFuture.completedFuture(null));

    assertThat(pending.takeCommittable()).isEqualTo(Map.of(P1, 6L));
    assertThat(pending.size()).isEqualTo(2);

    first.complete(null);
    assertThat(pending.takeCommittable()).isEqualTo(Map.of(P0, 12L));
    assertThat(pending.size()).isZero();
  }

  @Test
  void aPageThatWasNeitherDeliveredNorDeadLetteredStopsTheCommits() {
    PendingOffsets pending = new PendingOffsets();
    pending.add(
        P0,
        3,
        CompletableFuture.failedFuture(new IllegalStateException("dead-letter topic unreachable")));

    assertThatThrownBy(pending::takeCommittable)
        .hasMessageContaining("alerts-0@3")
        .hasMessageContaining("neither delivered");
  }

  @Test
  void aRevokedPartitionIsForgotten() {
    PendingOffsets pending = new PendingOffsets();
    pending.add(P0, 1, new CompletableFuture<>());
    pending.forget(P0);
    assertThat(pending.size()).isZero();
    assertThat(pending.takeCommittable()).isEmpty();
  }
}
