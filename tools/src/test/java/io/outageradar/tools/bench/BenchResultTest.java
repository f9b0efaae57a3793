package io.outageradar.tools.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;

class BenchResultTest {
  @Test
  void theJsonSummaryHasTheDocumentedFields() {
    BenchResult result =
        new BenchResult(
            new BenchResult.Throughput(230_000, 1_000_000, 120_000, 115_000, 4_000, 92_000),
            new BenchResult.Latency(120, 480, 61_000, 10, 50_000),
            new BenchResult.Memory(800L << 20, 1500L << 20, 42_000_000),
            new BenchResult.Run(
                "steady", 100_000, false, 190, 9_000_000, "2 cores, 24 GiB, Java 17"));

    JsonNode json = result.json();

    assertThat(json.fieldNames())
        .toIterable()
        .startsWith(
            "rawProducePerSec",
            "rawConsumePerSec",
            "pipelineEventsPerSec",
            "ratioToRaw",
            "p50LatencyMs",
            "p99LatencyMs",
            "heapPeakMb",
            "rssPeakMb",
            "stateBytes",
            "keys",
            "eos",
            "machine");
    assertThat(json.get("ratioToRaw").asDouble()).isEqualTo(0.5);
    assertThat(json.get("peerEventsPerSec").asLong()).isEqualTo(92_000);
    assertThat(json.get("ratioToPeer").asDouble()).isEqualTo(1.25);
    assertThat(json.get("heapPeakMb").asLong()).isEqualTo(800);
    assertThat(json.get("rssPeakMb").asLong()).isEqualTo(1500);
    assertThat(json.get("eos").asBoolean()).isFalse();
  }

  @Test
  void percentilesAreNearestRank() {
    List<Long> values = List.of(5L, 1L, 4L, 2L, 3L, 10L, 9L, 8L, 7L, 6L);
    assertThat(Bench.percentile(values, 50)).isEqualTo(5);
    assertThat(Bench.percentile(values, 99)).isEqualTo(10);
    assertThat(Bench.percentile(List.of(), 99)).isEqualTo(-1);
  }
}
