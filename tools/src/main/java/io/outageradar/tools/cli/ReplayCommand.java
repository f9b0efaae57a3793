package io.outageradar.tools.cli;

import io.outageradar.avro.VendorStatus;
import io.outageradar.service.cli.ClusterOptions;
import io.outageradar.service.cli.Version;
import io.outageradar.service.config.ConfigException;
import io.outageradar.service.config.RadarConfig;
import io.outageradar.service.config.RadarSettings;
import io.outageradar.simulation.LoadGenerator;
import io.outageradar.simulation.Pacing;
import io.outageradar.simulation.Scenario;
import io.outageradar.simulation.ScenarioEvents;
import io.outageradar.simulation.ScenarioPublisher;
import io.outageradar.simulation.ScenarioPublisher.Progress;
import io.outageradar.simulation.Scenarios;
import io.outageradar.tools.backtest.EventLine;
import io.outageradar.topics.InputProducers;
import io.outageradar.topics.Topics;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.ProducerConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(
    name = "replay",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    header = "Publish a scenario, an events file or live load to Kafka, or write it as events.",
    description = {
      "Replay a scenario's probes and reports: into Kafka (the catalog's input topics), or with --to-file into the backtest JSON Lines format. Deterministic for a seed.",
      "Scenarios: fb-2021-10-04, quiet-week, regional-isp, flapping-agent, report-flood.",
      "With --rate instead of --scenario: live load (probes and reports stamped now) over --keys (service, region) keys at N events/s (0: as fast as the broker takes them) for --duration."
    })
public final class ReplayCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--scenario", description = "Scenario name.")
  String scenario;

  @Option(names = "--seed", defaultValue = "42", description = "Seed (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(
      names = "--speed",
      defaultValue = "0",
      description =
          "Times real time when publishing (60 = an hour a minute); 0 = as fast as possible (default).")
  double speed;

  @Option(
      names = "--to-file",
      description = "Write the backtest JSON Lines format here instead of publishing.")
  Path toFile;

  @Option(
      names = "--keep-timestamps",
      description =
          "Publish with the scenario's own (historical) event times; by default "
              + "they are moved by whole days so the scenario ends within the last day, where topic retention keeps it.")
  boolean keepTimestamps;

  @Option(
      names = "--rate",
      description = "Load mode: events per second (0 = as fast as possible) instead of a scenario.")
  Double rate;

  @Option(
      names = "--duration",
      defaultValue = "PT60S",
      description = "Load mode: how long, ISO-8601 (default: ${DEFAULT-VALUE}).")
  Duration duration;

  @Option(
      names = "--keys",
      defaultValue = "1000",
      description = "Load mode: (service, region) keys (default: ${DEFAULT-VALUE}).")
  int keys;

  @Mixin PartitionerFlag partitioner;

  @Mixin ClusterOptions cluster;

  @Override
  public Integer call() throws IOException {
    if ((scenario == null) == (rate == null)) {
      throw new ParameterException(spec.commandLine(), "give either --scenario NAME or --rate N");
    }
    return rate != null ? load() : replay();
  }

  private int replay() throws IOException {
    Scenario chosen;
    try {
      chosen = Scenarios.create(scenario, seed);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
    long count;
    if (toFile != null) {
      count = 0;
      try (BufferedWriter out = Files.newBufferedWriter(toFile, StandardCharsets.UTF_8)) {
        for (SpecificRecord event :
            (Iterable<SpecificRecord>) ScenarioEvents.of(chosen)::iterator) {
          out.write(EventLine.format(event));
          out.newLine();
          count++;
        }
      }
    } else {
      Duration shift =
          keepTimestamps
              ? Duration.ZERO
              : ScenarioEvents.rebaseToEndBefore(chosen.end(), Instant.now());
      if (keepTimestamps) {
        spec.commandLine()
            .getErr()
            .println(
                "outage-radar replay: keeping the scenario's historical timestamps; a cluster's "
                    + "time-based retention (7 days on the input topics) may delete them before the pipeline reads them");
      } else if (!shift.isZero()) {
        spec.commandLine()
            .getErr()
            .println(
                "outage-radar replay: event times moved by "
                    + shift.toDays()
                    + " days so the scenario ends at "
                    + chosen.end().plus(shift)
                    + " (--keep-timestamps keeps the originals)");
      }
      Progress progress =
          ProgressBar.ofEventTime(
              spec.commandLine().getErr(),
              chosen.name(),
              chosen.start().plus(shift),
              chosen.end().plus(shift),
              ProgressBar.onTerminal());
      count =
          publish(
              chosen.name(),
              ScenarioEvents.of(chosen).map(event -> ScenarioEvents.shifted(event, shift)),
              Pacing.speed(speed),
              progress);
    }
    spec.commandLine()
        .getErr()
        .println(
            "outage-radar replay: "
                + count
                + " events of "
                + chosen.name()
                + (toFile != null ? " written to " + toFile : " published"));
    return 0;
  }

  private int load() {
    if (toFile != null) {
      throw new ParameterException(
          spec.commandLine(), "--rate publishes live load; --to-file is for scenarios");
    }
    if (rate < 0 || keys < 1 || duration.isNegative() || duration.isZero()) {
      throw new ParameterException(
          spec.commandLine(), "--rate must be at least 0, --keys at least 1, --duration positive");
    }
    Clock clock = Clock.systemUTC();
    Instant until = clock.instant().plus(duration);
    Stream<SpecificRecord> load =
        new LoadGenerator(keys, seed, clock, List.of())
            .stream().takeWhile(event -> ScenarioEvents.timeOf(event).isBefore(until));
    Progress progress =
        ProgressBar.ofWallClock(
            spec.commandLine().getErr(), "load", duration, ProgressBar.onTerminal());
    long start = System.nanoTime();
    long count = publish("load", load, Pacing.rate(rate), progress);
    double seconds = (System.nanoTime() - start) / 1e9;
    spec.commandLine()
        .getErr()
        .printf(
            "outage-radar replay: %,d events over %,d keys in %.1f s (%,.0f events/s)%n",
            count, keys, seconds, count / seconds);
    return 0;
  }

  private long publish(
      String name, Stream<SpecificRecord> events, Pacing pacing, Progress progress) {
    RadarConfig config = cluster.load(Map.of());
    Topics topics = ClusterOptions.topics(config);
    ClusterOptions.requireTopics(config, List.of(topics.probeResults, topics.userReports));
    Stream<SpecificRecord> publishable = withoutStatementsIfNoTopic(config, topics, events);
    Properties producer = InputProducers.properties(config.get(RadarSettings.BOOTSTRAP_SERVERS));
    // One request in flight, as ScenarioPublisher does for the demo: the topics may have been
    // created a moment ago (by this replay or by a run starting beside it) and answer NOT_LEADER;
    // with several requests in flight the idempotent producer then hung on OUT_OF_ORDER_SEQUENCE
    // until its delivery timeout (seen in DevIT on a busy machine).
    producer.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 1);
    partitioner.partitioning.configure(producer);
    try {
      return ScenarioPublisher.publish(name, publishable, topics, producer, pacing, progress);
    } finally {
      ProgressBar.finish(progress);
    }
  }

  /**
   * The events, less their status-page statements when the cluster has no vendor-status topic (one
   * created before status pages were an input): the probes and reports still go, and stderr says
   * what was left out and how to get it in.
   */
  private Stream<SpecificRecord> withoutStatementsIfNoTopic(
      RadarConfig config, Topics topics, Stream<SpecificRecord> events) {
    try {
      ClusterOptions.requireTopics(config, List.of(topics.vendorStatus));
      return events;
    } catch (ConfigException missing) {
      AtomicLong skipped = new AtomicLong();
      return events.filter(
          event -> {
            boolean statement = event instanceof VendorStatus;
            if (statement && skipped.getAndIncrement() == 0) {
              spec.commandLine()
                  .getErr()
                  .println(
                      "outage-radar replay: status-page statements are not published: "
                          + missing.getMessage().strip());
            }
            return !statement;
          });
    }
  }
}
