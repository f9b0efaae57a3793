package io.outageradar.tools.chaos;

import io.outageradar.avro.Business;
import io.outageradar.avro.OutageEvent;
import io.outageradar.avro.OutageState;
import io.outageradar.avro.Page;
import io.outageradar.detection.DetectionConfig;
import io.outageradar.detection.impact.RevenueTable;
import io.outageradar.detection.reports.ReportDetectionConfig;
import io.outageradar.embedded.EmbeddedKafka;
import io.outageradar.embedded.EmbeddedSchemaRegistry;
import io.outageradar.embedded.TempDirs;
import io.outageradar.producers.business.BusinessPublisher;
import io.outageradar.registry.RegistryOptions;
import io.outageradar.simulation.ScenarioPublisher;
import io.outageradar.tools.BusinessOutcome;
import io.outageradar.tools.Outcome;
import io.outageradar.tools.backtest.Backtest;
import io.outageradar.tools.demo.OutputCollector;
import io.outageradar.tools.runtime.ConsumerLag;
import io.outageradar.topics.InputPartitioning;
import io.outageradar.topics.KafkaClients;
import io.outageradar.topics.TopicCreator;
import io.outageradar.topics.Topics;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

/**
 * Replays events into an embedded broker while the real pipeline ({@code run}) works on them as a
 * child process, kills that child with SIGKILL at chosen moments (right after the first outage
 * record, during a recovery, then at seeded moments), optionally restarts the broker, lets it
 * finish, and compares {@code outages} and {@code alerts} with the backtest of the same events.
 */
public final class Chaos {
  /** What to replay and how hard to hit it. */
  public record Settings(
      String name,
      List<SpecificRecord> events,
      int kills,
      int brokerRestarts,
      boolean exactlyOnce,
      long seed,
      Duration downtime,
      Duration timeout,
      InputPartitioning partitioning,
      List<Business> businesses) {}

  /** How long a killed pipeline stays down before it restarts, unless told otherwise. */
  public static final Duration DOWNTIME = Duration.ofSeconds(2);

  /**
   * Beyond twice the pipeline's idle time, how long outputs must stay unchanged to count as final.
   */
  private static final Duration QUIET_MARGIN = Duration.ofSeconds(5);

  private Chaos() {}

  public static ChaosResult run(Settings settings, Consumer<String> progress)
      throws IOException, InterruptedException {
    Instant began = Instant.now();
    Outcome expected =
        Backtest.run(
            settings.name(),
            settings.events().stream(),
            DetectionConfig.defaults(),
            ReportDetectionConfig.defaults(),
            RevenueTable.parse(""),
            settings.businesses());
    progress.accept(
        "backtest: "
            + expected.outages().size()
            + " outage(s), "
            + expected.pages().size()
            + " page(s)");
    Path work = TempDirs.create("outage-radar-chaos-");
    String applicationId = "chaos-" + UUID.randomUUID();
    SplittableRandom random = new SplittableRandom(settings.seed());
    try (EmbeddedKafka kafka = EmbeddedKafka.start();
        EmbeddedSchemaRegistry registry = EmbeddedSchemaRegistry.start()) {
      Topics topics = Topics.create(RegistryOptions.of(registry.url()).connect());
      try (Admin admin =
          Admin.create(
              Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
        TopicCreator.ensure(admin, topics.all(), (short) 1);
      }
      RadarChild child =
          RadarChild.pipeline(
              kafka.bootstrapServers(),
              registry.url(),
              applicationId,
              settings.exactlyOnce(),
              work.resolve("state"),
              work.resolve("run.log"));
      BusinessPublisher.publish(
          KafkaClients.plain(kafka.bootstrapServers()), topics.businesses, settings.businesses());
      try (OutputCollector outputs = new OutputCollector(kafka.bootstrapServers(), topics);
          ConsumerLag lag = new ConsumerLag(kafka.bootstrapServers())) {
        child.start();
        CompletableFuture<Long> replay =
            CompletableFuture.supplyAsync(
                () ->
                    ScenarioPublisher.publish(
                        settings.name(),
                        settings.events().stream(),
                        topics,
                        kafka.bootstrapServers(),
                        0,
                        settings.partitioning()));
        Instant deadline = began.plus(settings.timeout());
        int kills = 0;
        int brokerRestarts = 0;
        while (kills < settings.kills()) {
          KillPoint point = KillPoint.of(kills, random);
          if (!outputs.awaitOutage(point.after(), point.patience()) && point.waitsForOutput()) {
            progress.accept(
                "kill "
                    + (kills + 1)
                    + ": no output "
                    + point.description()
                    + " came; killing now");
          }
          child.kill();
          kills++;
          progress.accept(
              "kill "
                  + kills
                  + " ("
                  + point.description()
                  + ") after "
                  + secondsSince(began)
                  + " s");
          if (brokerRestarts < settings.brokerRestarts()) {
            kafka.restart();
            brokerRestarts++;
            progress.accept("broker restarted");
          }
          Thread.sleep(settings.downtime().toMillis());
          child.start();
        }
        for (; brokerRestarts < settings.brokerRestarts(); brokerRestarts++) {
          kafka.restart();
          progress.accept("broker restarted");
        }
        long replayed = replay.join();
        progress.accept(
            String.format("%,d events replayed; waiting for the pipeline to finish", replayed));
        if (!child.awaitRunning(Duration.between(Instant.now(), deadline))) {
          throw new IllegalStateException(
              "the pipeline did not start; its log: " + work.resolve("run.log"));
        }
        List<String> inputs = topics.pipelineInputs();
        Duration quiet =
            DetectionConfig.defaults().idleAdvanceAfter().multipliedBy(2).plus(QUIET_MARGIN);
        if (!outputs.awaitSettled(
            () -> lag.behind(applicationId, inputs) == 0,
            quiet,
            Duration.between(Instant.now(), deadline))) {
          throw new IllegalStateException(
              "the pipeline did not finish within "
                  + settings.timeout().toSeconds()
                  + " s; its log: "
                  + work.resolve("run.log"));
        }
        child.stop();
        return compare(
                expected,
                outputs.outages(),
                outputs.pages(),
                kills,
                brokerRestarts,
                settings.exactlyOnce())
            .withBusinesses(
                expected.businesses(),
                BusinessOutcome.of(
                    settings.businesses(), outputs.businessNotices(), outputs.changes()));
      } finally {
        child.stop();
      }
    } finally {
      TempDirs.delete(work);
    }
  }

  /** The live outcome against the backtest's. */
  public static ChaosResult compare(
      Outcome expected,
      Collection<OutageEvent> liveOutages,
      List<Page> livePages,
      int kills,
      int brokerRestarts,
      boolean exactlyOnce) {
    Map<String, OutageEvent> wanted = new LinkedHashMap<>();
    expected.outages().forEach(o -> wanted.put(o.getOutageId(), o));
    Map<String, OutageEvent> got = new LinkedHashMap<>();
    liveOutages.stream()
        .filter(o -> o.getMergedInto() == null)
        .forEach(o -> got.put(o.getOutageId(), o));
    List<String> differences = new ArrayList<>();
    int extra = 0;
    int missing = 0;
    int wrong = 0;
    for (OutageEvent live : got.values()) {
      OutageEvent backtest = wanted.get(live.getOutageId());
      if (backtest == null) {
        extra++;
        differences.add("extra outage " + ChaosResult.describe(live));
      } else if (!ChaosResult.describe(live).equals(ChaosResult.describe(backtest))) {
        wrong++;
        differences.add(
            "outage "
                + ChaosResult.describe(live)
                + " where the backtest has "
                + ChaosResult.describe(backtest));
      }
    }
    for (OutageEvent backtest : wanted.values()) {
      if (!got.containsKey(backtest.getOutageId())) {
        missing++;
        differences.add("missing outage " + ChaosResult.describe(backtest));
      }
    }
    Map<String, Integer> triggers = new LinkedHashMap<>();
    Map<String, Integer> resolves = new LinkedHashMap<>();
    for (Page page : livePages) {
      if (!page.getRenotify()) {
        (page.getAction().name().equals("TRIGGER") ? triggers : resolves)
            .merge(page.getDedupKey(), 1, Integer::sum);
      }
    }
    int duplicateTriggers = triggers.values().stream().mapToInt(n -> n - 1).sum();
    int missingResolves = 0;
    for (Page page : expected.pages()) {
      if (page.getAction().name().equals("RESOLVE") && !resolves.containsKey(page.getDedupKey())) {
        missingResolves++;
        differences.add("no RESOLVE for " + page.getDedupKey());
      }
    }
    List<String> wantedPages = ChaosResult.pageSet(expected.pages());
    List<String> gotPages = ChaosResult.pageSet(livePages);
    if (!wantedPages.equals(gotPages)) {
      differences.add("pages " + gotPages + " where the backtest has " + wantedPages);
    }
    if (duplicateTriggers > 0) {
      differences.add(
          duplicateTriggers
              + " repeated TRIGGER(s)"
              + (exactlyOnce ? " under exactly-once" : " (at-least-once may repeat)"));
    }
    boolean openForever =
        got.values().stream()
            .anyMatch(
                o ->
                    o.getState() != OutageState.RESOLVED
                        && wanted.containsKey(o.getOutageId())
                        && wanted.get(o.getOutageId()).getState() == OutageState.RESOLVED);
    boolean equal =
        extra == 0
            && missing == 0
            && wrong == 0
            && missingResolves == 0
            && !openForever
            && wantedPages.equals(gotPages)
            && (duplicateTriggers == 0 || !exactlyOnce);
    return new ChaosResult(
        extra,
        missing,
        wrong,
        duplicateTriggers,
        missingResolves,
        livePages.size(),
        kills,
        brokerRestarts,
        equal,
        differences);
  }

  private static String secondsSince(Instant began) {
    return String.format("%.1f", Duration.between(began, Instant.now()).toMillis() / 1000.0);
  }
}
