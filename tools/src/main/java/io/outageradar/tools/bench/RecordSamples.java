package io.outageradar.tools.bench;

import io.outageradar.avro.ProbeResult;
import io.outageradar.avro.UserReport;
import io.outageradar.simulation.ScenarioEvents;
import io.outageradar.topics.Topics;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.avro.specific.SpecificRecord;

/**
 * Keys and values of a workload's first records, serialized as the pipeline's topics carry them:
 * what the raw ceiling is measured with, so that it moves records of the same size.
 */
record RecordSamples(List<byte[]> keys, List<byte[]> values) {
  static RecordSamples of(Topics topics, Stream<SpecificRecord> events) {
    List<byte[]> keys = new ArrayList<>();
    List<byte[]> values = new ArrayList<>();
    events
        .limit(10_000)
        .forEach(
            event -> {
              keys.add(ScenarioEvents.keyOf(event).getBytes(StandardCharsets.UTF_8));
              values.add(
                  event instanceof ProbeResult probe
                      ? topics
                          .probeResults
                          .valueSerde()
                          .serializer()
                          .serialize(topics.probeResults.name(), probe)
                      : topics
                          .userReports
                          .valueSerde()
                          .serializer()
                          .serialize(topics.userReports.name(), (UserReport) event));
            });
    return new RecordSamples(keys, values);
  }

  int averageValueBytes() {
    return (int) values.stream().mapToInt(v -> v.length).average().orElse(0);
  }
}
