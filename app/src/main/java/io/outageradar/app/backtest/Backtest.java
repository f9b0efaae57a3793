package io.outageradar.app.backtest;

import io.outageradar.app.demo.DemoResult;
import io.outageradar.app.runtime.TempDirs;
import io.outageradar.avro.OutageEvent;
import io.outageradar.avro.Page;
import io.outageradar.avro.ProbeResult;
import io.outageradar.avro.RegionWindowHealth;
import io.outageradar.avro.ReportWindowStats;
import io.outageradar.avro.ScoredReport;
import io.outageradar.avro.UserReport;
import io.outageradar.producers.replay.ScenarioEvents;
import io.outageradar.registry.MockSchemaRegistry;
import io.outageradar.sentiment.SentimentAnalyzer;
import io.outageradar.streams.DetectionConfig;
import io.outageradar.streams.StreamsProperties;
import io.outageradar.streams.lifecycle.AlertConfig;
import io.outageradar.streams.lifecycle.OutageLifecycleTopology;
import io.outageradar.streams.probe.ProbeHealthTopology;
import io.outageradar.streams.reports.ReportAnomalyTopology;
import io.outageradar.streams.reports.ReportDetectionConfig;
import io.outageradar.streams.sentiment.SentimentTopology;
import io.outageradar.topics.Topic;
import io.outageradar.topics.Topics;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyTestDriver;

/**
 * The real topologies over recorded events, without a broker: each topology runs in a
 * TopologyTestDriver and the outputs of the signal topologies are piped into the lifecycle, as the
 * topics would carry them.
 * At the end the wall clock is moved on, as it would be in production, so that the last windows
 * close and the lifecycle's alignment releases everything.
 */
public final class Backtest {
  private Backtest() {}

  /** Runs probe results and user reports (any mix, in event-time order) through the whole engine. */
  public static DemoResult run(String name, Stream<? extends SpecificRecord> events, DetectionConfig config, ReportDetectionConfig reports) {
    Instant began = Instant.now();
    String scope = "backtest-" + UUID.randomUUID();
    Path stateDir = TempDirs.create("outage-radar-backtest-");
    Topics topics = Topics.create(MockSchemaRegistry.forScope(scope));
    try (TopologyTestDriver health = driver(ProbeHealthTopology.build(config, topics), topics, stateDir, "probe-health");
        TopologyTestDriver sentiment = driver(SentimentTopology.build(SentimentAnalyzer.standard(), topics), topics, stateDir, "sentiment");
        TopologyTestDriver minutes = driver(ReportAnomalyTopology.build(reports, config, topics), topics, stateDir, "report-anomaly");
        TopologyTestDriver lifecycle = driver(OutageLifecycleTopology.build(config, reports, AlertConfig.defaults(), topics), topics, stateDir, "lifecycle")) {
      TestInputTopic<String, ProbeResult> probeIn = input(health, topics.probeResults);
      TestInputTopic<String, UserReport> reportIn = input(sentiment, topics.userReports);
      TestOutputTopic<String, ScoredReport> scoredOut = outputTopic(sentiment, topics.scoredReports);
      TestInputTopic<String, ScoredReport> scoredIn = input(minutes, topics.scoredReports);
      long[] count = {0};
      events.forEach(event -> {
        count[0]++;
        if (event instanceof ProbeResult probe) {
          probeIn.pipeInput(ScenarioEvents.keyOf(probe), probe, probe.getObservedAt());
        } else if (event instanceof UserReport report) {
          reportIn.pipeInput(ScenarioEvents.keyOf(report), report, report.getReportedAt());
          scoredOut.readRecordsToList().forEach(scoredIn::pipeInput);
        }
      });
      // The wall clock moves on after the last event, as in production: the last windows close.
      Duration closeAll = config.idleAdvanceAfter().plus(config.window()).plus(config.grace()).plus(Duration.ofMinutes(1));
      health.advanceWallClockTime(closeAll);
      minutes.advanceWallClockTime(closeAll);

      TestInputTopic<String, RegionWindowHealth> healthIn = input(lifecycle, topics.regionHealth);
      TestInputTopic<String, ReportWindowStats> minutesIn = input(lifecycle, topics.reportHealth);
      output(health, topics.regionHealth).forEach(v -> healthIn.pipeInput(v.getService() + "|" + v.getRegion(), v, v.getWindowEnd()));
      output(minutes, topics.reportHealth).forEach(v -> minutesIn.pipeInput(v.getService() + "|" + v.getRegion(), v, v.getWindowEnd()));
      lifecycle.advanceWallClockTime(config.alignmentSlack().plusSeconds(1));

      Map<String, OutageEvent> outages = new LinkedHashMap<>();
      output(lifecycle, topics.outages).forEach(o -> outages.put(o.getOutageId(), o));
      List<OutageEvent> unmerged = outages.values().stream().filter(o -> o.getMergedInto() == null).toList();
      return new DemoResult(name, count[0], unmerged, output(lifecycle, topics.alerts), Duration.between(began, Instant.now()));
    } finally {
      MockSchemaRegistry.drop(scope);
      TempDirs.delete(stateDir);
    }
  }

  private static TopologyTestDriver driver(Topology topology, Topics topics, Path stateDir, String name) {
    return new TopologyTestDriver(topology,
        StreamsProperties.of("backtest-" + name, "backtest:9092", topics.deadLetters.name(), stateDir.resolve(name), false));
  }

  private static <V> TestInputTopic<String, V> input(TopologyTestDriver driver, Topic<String, V> topic) {
    return driver.createInputTopic(topic.name(), topic.keySerde().serializer(), topic.valueSerde().serializer());
  }

  private static <V> TestOutputTopic<String, V> outputTopic(TopologyTestDriver driver, Topic<String, V> topic) {
    return driver.createOutputTopic(topic.name(), topic.keySerde().deserializer(), topic.valueSerde().deserializer());
  }

  private static <V> List<V> output(TopologyTestDriver driver, Topic<String, V> topic) {
    return outputTopic(driver, topic).readValuesToList();
  }
}
