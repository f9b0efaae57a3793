package io.outageradar.streams;

import io.outageradar.avro.OutageEvent;
import io.outageradar.avro.Page;
import io.outageradar.avro.ProbeResult;
import io.outageradar.avro.RegionWindowHealth;
import io.outageradar.avro.ReportWindowStats;
import io.outageradar.avro.UserReport;
import io.outageradar.detection.DetectionConfig;
import io.outageradar.detection.impact.RevenueTable;
import io.outageradar.detection.lifecycle.AlertConfig;
import io.outageradar.detection.reports.ReportDetectionConfig;
import io.outageradar.detection.rules.Rules;
import io.outageradar.sentiment.SentimentAnalyzer;
import io.outageradar.streams.detection.DetectionTopology;
import io.outageradar.streams.detection.Settling;
import io.outageradar.streams.placement.InputPlacement;
import io.outageradar.topics.Topic;
import io.outageradar.topics.Topics;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyTestDriver;

/**
 * The pipeline's one topology in a TopologyTestDriver, with its inputs and outputs at hand: the
 * layer the stage tests share. Close it (try-with-resources).
 */
public final class DetectionDriver implements AutoCloseable {
  private final TopologyTestDriver driver;
  private final Topics topics;
  private final DetectionConfig config;
  private final TestInputTopic<String, ProbeResult> probes;
  private final TestInputTopic<String, UserReport> reports;
  private final Settling settling;

  public DetectionDriver(
      Topics topics,
      Path stateDir,
      DetectionConfig config,
      ReportDetectionConfig reportConfig,
      AlertConfig alerts,
      RevenueTable revenue) {
    this(topics, stateDir, config, reportConfig, alerts, revenue, InputLag.NONE, null);
  }

  public DetectionDriver(Topics topics, Path stateDir) {
    this(
        topics,
        stateDir,
        DetectionConfig.defaults(),
        ReportDetectionConfig.defaults(),
        AlertConfig.defaults(),
        RevenueTable.parse(""));
  }

  /**
   * The default rules, with {@code lag} saying what the task has processed of its inputs and the
   * wall clock starting at {@code wallClock}: for what the wall clock may decide.
   */
  public DetectionDriver(Topics topics, Path stateDir, InputLag lag, Instant wallClock) {
    this(
        topics,
        stateDir,
        DetectionConfig.defaults(),
        ReportDetectionConfig.defaults(),
        AlertConfig.defaults(),
        RevenueTable.parse(""),
        lag,
        wallClock);
  }

  private DetectionDriver(
      Topics topics,
      Path stateDir,
      DetectionConfig config,
      ReportDetectionConfig reportConfig,
      AlertConfig alerts,
      RevenueTable revenue,
      InputLag lag,
      Instant wallClock) {
    this.topics = topics;
    this.config = config;
    this.settling = new Settling();
    this.driver =
        new TopologyTestDriver(
            topology(topics, config, reportConfig, alerts, revenue, lag, settling),
            StreamsProperties.of(
                "detection-test", "dummy:9092", topics.deadLetters.name(), stateDir, false),
            wallClock); // null: the system clock's time
    this.probes = input(topics.probeResults);
    this.reports = input(topics.userReports);
  }

  public static Topology topology(
      Topics topics,
      DetectionConfig config,
      ReportDetectionConfig reportConfig,
      AlertConfig alerts,
      RevenueTable revenue) {
    return topology(topics, config, reportConfig, alerts, revenue, InputLag.NONE, new Settling());
  }

  private static Topology topology(
      Topics topics,
      DetectionConfig config,
      ReportDetectionConfig reportConfig,
      AlertConfig alerts,
      RevenueTable revenue,
      InputLag lag,
      Settling settling) {
    return DetectionTopology.build(
        new DetectionTopology.Settings(
            new Rules(config, reportConfig, alerts, revenue),
            SentimentAnalyzer.standard(),
            topics,
            lag,
            InputPlacement.Partitions.SINGLE,
            settling));
  }

  /** The total of a metric over the driver's tasks (e.g. {@code late-probes-dropped-total}). */
  public static double metricTotal(TopologyTestDriver driver, String name) {
    return driver.metrics().entrySet().stream()
        .filter(e -> e.getKey().name().equals(name))
        .mapToDouble(e -> ((Number) e.getValue().metricValue()).doubleValue())
        .sum();
  }

  /** Whether the one detection task said, at its last idle check, that it had judged everything. */
  public boolean judgedEverything() {
    return settling.everyTaskJudgedEverything(1);
  }

  public void probe(ProbeResult probe) {
    probe(probe.getService() + "|" + probe.getRegion(), probe);
  }

  /** A probe under any key, also one that contradicts it. */
  public void probe(String key, ProbeResult probe) {
    probes.pipeInput(key, probe, probe.getObservedAt());
  }

  public void report(UserReport report) {
    report(report.getService() + "|" + report.getRegion(), report);
  }

  /** A report under any key, also one that contradicts it. */
  public void report(String key, UserReport report) {
    reports.pipeInput(key, report, report.getReportedAt());
  }

  /** How many records went to the dead-letter topic so far. */
  public long deadLetters() {
    return driver
        .createOutputTopic(
            topics.deadLetters.name(), new ByteArrayDeserializer(), new ByteArrayDeserializer())
        .getQueueSize();
  }

  private <V> TestInputTopic<String, V> input(Topic<String, V> topic) {
    return driver.createInputTopic(
        topic.name(), topic.keySerde().serializer(), topic.valueSerde().serializer());
  }

  /** Moves the wall clock on without input, in punctuation-sized steps, for {@code duration}. */
  public void idle(Duration duration) {
    Duration tick = config.idleAdvanceAfter().dividedBy(2).plusMillis(1);
    for (Duration passed = Duration.ZERO;
        passed.compareTo(duration) < 0;
        passed = passed.plus(tick)) {
      driver.advanceWallClockTime(tick);
    }
  }

  /** Idles long enough for every open window and report minute to close. */
  public void goQuiet() {
    idle(
        config
            .idleAdvanceAfter()
            .multipliedBy(2)
            .plus(config.window())
            .plus(config.grace())
            .plus(Duration.ofMinutes(1)));
  }

  public List<RegionWindowHealth> regionHealth() {
    return read(topics.regionHealth);
  }

  public List<ReportWindowStats> reportHealth() {
    return read(topics.reportHealth);
  }

  public List<OutageEvent> outages() {
    return read(topics.outages);
  }

  public List<Page> pages() {
    return read(topics.alerts);
  }

  public TopologyTestDriver driver() {
    return driver;
  }

  private <V> List<V> read(Topic<String, V> topic) {
    return driver
        .createOutputTopic(
            topic.name(), topic.keySerde().deserializer(), topic.valueSerde().deserializer())
        .readValuesToList();
  }

  @Override
  public void close() {
    driver.close();
  }
}
