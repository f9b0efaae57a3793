package io.outageradar.service.cli;

import io.micrometer.core.instrument.FunctionCounter;
import io.outageradar.pager.Deliverer;
import io.outageradar.pager.Integration;
import io.outageradar.pager.Pager;
import io.outageradar.pager.RetryPolicy;
import io.outageradar.service.config.RadarConfig;
import io.outageradar.service.config.RadarSettings;
import io.outageradar.service.ops.Operability;
import io.outageradar.topics.KafkaClients;
import io.outageradar.topics.TopicCreator;
import io.outageradar.topics.Topics;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(
    name = "pager",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    header = "Deliver pages to PagerDuty, Slack, a webhook or Alertmanager.",
    description = {
      "Deliver every page of the alerts topic to the configured integrations: PagerDuty Events v2, a Slack incoming webhook, a signed generic webhook, Prometheus Alertmanager. Retries with backoff; after pager.max-attempts a page goes to alerts.dlq. Offsets are committed only after delivery. The pager.* settings come from --config, OUTAGE_RADAR_* variables or --set."
    })
public final class PagerCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin ClusterOptions cluster;

  @Override
  public Integer call() throws Exception {
    RadarConfig config = cluster.load(Map.of());
    Clock clock = Clock.systemUTC();
    List<Integration> integrations =
        config.pagerIntegrations(clock); // fails on bad settings before Kafka is touched
    RetryPolicy retries = config.pagerRetryPolicy();
    Topics topics = ClusterOptions.topics(config);
    KafkaClients kafka = config.kafka();
    TopicCreator.ensure(
        kafka,
        List.of(topics.alerts, topics.alertsDeadLetters),
        config.get(RadarSettings.REPLICATION_FACTOR));
    Deliverer deliverer =
        new Deliverer(
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build(),
            retries,
            duration -> Thread.sleep(duration.toMillis()),
            clock);
    try (Operability ops = ClusterOptions.operability(config, "pager", spec)) {
      Pager pager =
          Pager.start(
              new Pager.Settings(
                  kafka,
                  config.get(RadarSettings.PAGER_GROUP_ID),
                  topics.alerts,
                  topics.alertsDeadLetters,
                  integrations,
                  deliverer,
                  retries,
                  config.get(RadarSettings.PAGER_FROM_BEGINNING),
                  clock));
      try {
        ops.health()
            .check(
                "pager",
                () ->
                    pager.alive() ? Optional.empty() : Optional.of("the pager thread has stopped"));
        FunctionCounter.builder("outage.radar.pages.delivered", pager, Pager::delivered)
            .description("Pages an integration took, once per integration")
            .register(ops.metrics());
        FunctionCounter.builder("outage.radar.pages.failed.attempts", pager, Pager::failedAttempts)
            .description("Delivery attempts that failed, retries included")
            .register(ops.metrics());
        FunctionCounter.builder("outage.radar.pages.dead.lettered", pager, Pager::deadLettered)
            .description("Pages an integration never took, written to alerts.dlq")
            .register(ops.metrics());
        spec.commandLine()
            .getErr()
            .println(
                "outage-radar pager: paging "
                    + integrations.stream().map(Integration::name).collect(Collectors.joining(", "))
                    + " from "
                    + topics.alerts.name()
                    + "; Ctrl-C to stop");
        // a pager whose thread died pages nobody: say so, stay unready a while, then exit 1
        return ClusterOptions.runUntilStopped(
            config, ops, "pager", pager::alive, "the pager thread has stopped", spec);
      } finally {
        pager.close();
      }
    }
  }
}
