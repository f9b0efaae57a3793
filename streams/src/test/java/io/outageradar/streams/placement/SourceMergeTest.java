package io.outageradar.streams.placement;

import static org.assertj.core.api.Assertions.assertThat;

import io.outageradar.streams.placement.SourceMerge.Held;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SourceMergeTest {
  /**
   * Event times three source partitions send one task, each in its own order; source 1 sends 30
   * after 40, which must keep its place behind 40 as a single partition would keep it.
   */
  private static final long[][] TIMES = {{10, 20, 20, 35, 50}, {5, 20, 40, 30, 60}, {15, 25, 45}};

  @Test
  void theOrderIsTheSameWhateverOrderTheSourcesArriveIn() {
    List<String> first = merged(new Random(1));

    assertThat(first).hasSize(13);
    for (int seed = 2; seed < 200; seed++) {
      assertThat(merged(new Random(seed))).as("interleaving %d", seed).isEqualTo(first);
    }
    assertThat(first)
        .startsWith("1@5", "0@10", "2@15", "0@20", "0@20", "1@20", "2@25")
        .containsSubsequence("1@40", "1@30", "2@45");
  }

  @Test
  void aSourceThatPromisedNothingHoldsEverythingBackUntilItIsIdle() {
    SourceMerge<String> merge = new SourceMerge<>(2);
    List<String> out = new ArrayList<>();
    merge.add(new Held<>(0, 0, 100, "a"));

    merge.release(held -> out.add(held.value()));
    assertThat(out).isEmpty();
    assertThat(merge.held()).isEqualTo(1);

    merge.idle(1);
    merge.release(held -> out.add(held.value()));
    assertThat(out).containsExactly("a");
    assertThat(merge.held()).isZero();
  }

  @Test
  void aPromiseReleasesUpToItAndATieGoesToTheLowerSource() {
    SourceMerge<String> merge = new SourceMerge<>(2);
    List<String> out = new ArrayList<>();
    merge.add(new Held<>(1, 0, 100, "from-1"));
    merge.promise(0, 100);

    merge.release(held -> out.add(held.value()));
    assertThat(out).as("source 0 may still send something at 100").isEmpty();

    merge.promise(0, 101);
    merge.release(held -> out.add(held.value()));
    assertThat(out).containsExactly("from-1");
  }

  @Test
  void aSourceThatSendsAgainIsNoLongerIdle() {
    SourceMerge<String> merge = new SourceMerge<>(2);
    List<String> out = new ArrayList<>();
    merge.idle(1);
    merge.add(new Held<>(1, 0, 50, "late-riser"));
    merge.add(new Held<>(0, 0, 100, "ahead"));

    merge.release(held -> out.add(held.value()));
    assertThat(merge.isIdle(1)).isFalse();
    assertThat(out).containsExactly("late-riser");
  }

  /**
   * Feeds each source's records, each followed by a promise of its order time (as the markers
   * between records carry it), interleaved at random — tasks running at different speeds — and says
   * each released record as source@eventTime.
   */
  private static List<String> merged(Random random) {
    SourceMerge<Long> merge = new SourceMerge<>(TIMES.length);
    List<String> out = new ArrayList<>();
    List<Integer> picks = new ArrayList<>();
    for (int source = 0; source < TIMES.length; source++) {
      picks.addAll(Collections.nCopies(TIMES[source].length * 2, source));
    }
    Collections.shuffle(picks, random);
    int[] step = new int[TIMES.length];
    long[] orderTime = {Long.MIN_VALUE, Long.MIN_VALUE, Long.MIN_VALUE};
    for (int source : picks) {
      int offset = step[source] / 2;
      if (step[source]++ % 2 == 0) {
        orderTime[source] = Math.max(orderTime[source], TIMES[source][offset]);
        merge.add(new Held<>(source, offset, orderTime[source], TIMES[source][offset]));
      } else {
        merge.promise(source, orderTime[source]);
      }
      merge.release(held -> out.add(held.source() + "@" + held.value()));
    }
    for (int source = 0; source < TIMES.length; source++) {
      merge.idle(source);
    }
    merge.release(held -> out.add(held.source() + "@" + held.value()));
    return out;
  }
}
