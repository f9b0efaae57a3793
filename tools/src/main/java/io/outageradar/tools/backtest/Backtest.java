package io.outageradar.tools.backtest;

import io.outageradar.avro.Business;
import io.outageradar.avro.OutageEvent;
import io.outageradar.avro.ProbeResult;
import io.outageradar.avro.RegionImpact;
import io.outageradar.avro.UserReport;
import io.outageradar.avro.VendorStatus;
import io.outageradar.detection.DetectionConfig;
import io.outageradar.detection.impact.RevenueTable;
import io.outageradar.detection.lifecycle.AlertConfig;
import io.outageradar.detection.reports.ReportDetectionConfig;
import io.outageradar.detection.rules.Rules;
import io.outageradar.embedded.TempDirs;
import io.outageradar.registry.MockSchemaRegistry;
import io.outageradar.sentiment.SentimentAnalyzer;
import io.outageradar.simulation.ScenarioEvents;
import io.outageradar.streams.InputLag;
import io.outageradar.streams.StreamsProperties;
import io.outageradar.streams.detection.DetectionTopology;
import io.outageradar.streams.detection.Settling;
import io.outageradar.streams.placement.InputPlacement;
import io.outageradar.tools.BusinessOutcome;
import io.outageradar.tools.Outcome;
import io.outageradar.tools.demo.DemoBusinesses;
import io.outageradar.topics.Topic;
import io.outageradar.topics.Topics;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Stream;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;

/**
 * The real topology over recorded events, without a broker: {@link DetectionTopology} in a
 * TopologyTestDriver, fed the events in the order given (event-time order, as the live pipeline
 * reads its inputs). At the end the wall clock moves on, as it would in production once the inputs
 * go quiet, so that the last windows close.
 */
public final class Backtest {
  private Backtest() {}

  /**
   * Runs probe results, user reports and status-page statements (any mix, in event-time order)
   * through the whole engine.
   */
  public static Outcome run(
      String name,
      Stream<? extends SpecificRecord> events,
      DetectionConfig config,
      ReportDetectionConfig reports) {
    return run(name, events, config, reports, RevenueTable.parse(""));
  }

  /**
   * As {@link #run(String, Stream, DetectionConfig, ReportDetectionConfig)}, with revenue for the
   * impact.
   */
  public static Outcome run(
      String name,
      Stream<? extends SpecificRecord> events,
      DetectionConfig config,
      ReportDetectionConfig reports,
      RevenueTable revenue) {
    return run(name, events, config, reports, revenue, DemoBusinesses.sample());
  }

  /** As above, telling {@code businesses} of the outages that hurt them. */
  public static Outcome run(
      String name,
      Stream<? extends SpecificRecord> events,
      DetectionConfig config,
      ReportDetectionConfig reports,
      RevenueTable revenue,
      List<Business> businesses) {
    Instant began = Instant.now();
    String scope = "backtest-" + UUID.randomUUID();
    Path stateDir = TempDirs.create("outage-radar-backtest-");
    Topics topics = Topics.create(MockSchemaRegistry.forScope(scope));
    DetectionTopology.Settings settings =
        new DetectionTopology.Settings(
            new Rules(config, reports, AlertConfig.defaults(), revenue),
            SentimentAnalyzer.standard(),
            topics,
            InputLag.NONE,
            InputPlacement.Partitions.SINGLE,
            new Settling());
    try (TopologyTestDriver driver =
        new TopologyTestDriver(
            DetectionTopology.build(settings),
            StreamsProperties.of(
                "backtest", "backtest:9092", topics.deadLetters.name(), stateDir, false))) {
      TestInputTopic<String, Business> profiles = input(driver, topics.businesses);
      businesses.forEach(business -> profiles.pipeInput(business.getId(), business));
      TestInputTopic<String, ProbeResult> probeIn = input(driver, topics.probeResults);
      TestInputTopic<String, UserReport> reportIn = input(driver, topics.userReports);
      TestInputTopic<String, VendorStatus> vendorIn = input(driver, topics.vendorStatus);
      long[] count = {0};
      events.forEach(
          event -> {
            count[0]++;
            if (event instanceof ProbeResult probe) {
              probeIn.pipeInput(ScenarioEvents.keyOf(probe), probe, probe.getObservedAt());
            } else if (event instanceof UserReport report) {
              reportIn.pipeInput(ScenarioEvents.keyOf(report), report, report.getReportedAt());
            } else if (event instanceof VendorStatus status) {
              vendorIn.pipeInput(ScenarioEvents.keyOf(status), status, status.getObservedAt());
            }
          });
      goQuiet(driver, config);

      List<OutageEvent> changes = output(driver, topics.outages);
      Map<String, OutageEvent> outages = new LinkedHashMap<>();
      changes.forEach(o -> outages.put(o.getOutageId(), o));
      List<OutageEvent> unmerged =
          outages.values().stream().filter(o -> o.getMergedInto() == null).toList();
      Map<String, RegionImpact> impact = new TreeMap<>();
      output(driver, topics.regionImpact).forEach(i -> impact.put(i.getRegion(), i));
      long deadLetters =
          driver
              .createOutputTopic(
                  topics.deadLetters.name(),
                  new ByteArrayDeserializer(),
                  new ByteArrayDeserializer())
              .getQueueSize();
      Outcome.Judged judged =
          new Outcome.Judged(
              output(driver, topics.regionHealth).size(),
              output(driver, topics.reportHealth).size());
      return new Outcome(
          name,
          count[0],
          unmerged,
          output(driver, topics.alerts),
          List.copyOf(impact.values()),
          judged,
          Duration.between(began, Instant.now()),
          deadLetters,
          BusinessOutcome.of(businesses, output(driver, topics.businessNotices), changes));
    } finally {
      MockSchemaRegistry.drop(scope);
      TempDirs.delete(stateDir);
    }
  }

  /**
   * Lets the wall clock run on with no input, as after the last event in production, until the task
   * counts as idle and its stream time has moved past the last report minute and its grace.
   */
  private static void goQuiet(TopologyTestDriver driver, DetectionConfig config) {
    Duration tick = config.idleAdvanceAfter().dividedBy(2).plusMillis(1);
    Duration quiet =
        config
            .idleAdvanceAfter()
            .multipliedBy(2)
            .plus(config.window())
            .plus(config.grace())
            .plus(Duration.ofMinutes(1));
    for (Duration passed = Duration.ZERO;
        passed.compareTo(quiet) <= 0;
        passed = passed.plus(tick)) {
      driver.advanceWallClockTime(tick);
    }
  }

  private static <V> TestInputTopic<String, V> input(
      TopologyTestDriver driver, Topic<String, V> topic) {
    return driver.createInputTopic(
        topic.name(), topic.keySerde().serializer(), topic.valueSerde().serializer());
  }

  private static <V> List<V> output(TopologyTestDriver driver, Topic<String, V> topic) {
    TestOutputTopic<String, V> out =
        driver.createOutputTopic(
            topic.name(), topic.keySerde().deserializer(), topic.valueSerde().deserializer());
    return out.readValuesToList();
  }
}
