package io.outageradar.service.cli;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import io.outageradar.avro.Business;
import io.outageradar.avro.BusinessKey;
import io.outageradar.pager.business.BusinessDirectory;
import io.outageradar.producers.business.BusinessPublisher;
import io.outageradar.producers.intake.IntakeConfig;
import io.outageradar.producers.intake.KafkaReportStore;
import io.outageradar.producers.intake.ReportIntakeServer;
import io.outageradar.service.business.BusinessApi;
import io.outageradar.service.config.RadarConfig;
import io.outageradar.service.config.RadarSettings;
import io.outageradar.service.ops.Operability;
import io.outageradar.topics.Topic;
import io.outageradar.topics.Topics;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
    name = "intake",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    header = "Serve the HTTP API through which apps and shops send user reports.",
    description = {
      "Serve the report intake API: POST /v1/reports and POST /v1/reports:batch (up to 500), JSON.",
      "Clients send an API key (X-API-Key or Authorization: Bearer) listed in the intake.api-keys setting; a 202 means Kafka stored the report; 503 with Retry-After means retry with the same Idempotency-Key."
    })
public final class IntakeCommand implements Callable<Integer> {
  /**
   * The answers the intake gives, each a meter of its own: accepted, and every reason for refusing.
   */
  private static final int[] ANSWERS = {202, 400, 401, 404, 405, 413, 422, 429, 503};

  @Spec CommandSpec spec;

  @Mixin ClusterOptions cluster;

  @Option(
      names = "--port",
      defaultValue = "8081",
      description = "Port to listen on (default: ${DEFAULT-VALUE}).")
  int port;

  @Override
  public Integer call() throws Exception {
    RadarConfig config = cluster.load(Map.of());
    IntakeConfig intake = config.intake();
    Topics topics = ClusterOptions.topics(config);
    Set<String> adminKeys = config.get(RadarSettings.BUSINESS_ADMIN_KEYS);
    List<Topic<?, ?>> needed =
        adminKeys.isEmpty()
            ? List.of(topics.userReports)
            : List.of(
                topics.userReports,
                topics.businesses,
                topics.outages,
                topics.businessKeys,
                topics.businessImpact,
                topics.businessNotices,
                topics.reportHealth);
    CountDownLatch stopped = new CountDownLatch(1);
    try (Operability ops =
            ClusterOptions.operability(config, "intake", spec)
                .require(ClusterOptions.required(config, needed));
        BusinessDirectory directory =
            new BusinessDirectory(config.kafka(), topics.businesses, topics.outages)
                .withKeys(topics.businessKeys)
                .withImpacts(topics.businessImpact)
                .withHistory(topics.businessNotices, topics.reportHealth);
        KafkaReportStore store =
            new KafkaReportStore(config.kafka(), topics.userReports, intake.sendTimeout());
        KafkaClientMetrics producerMetrics = ops.bind(new KafkaClientMetrics(store.producer()));
        ReportIntakeServer server =
            ReportIntakeServer.start(port, intake, store, Clock.systemUTC())) {
      if (!adminKeys.isEmpty()) {
        directory.start();
        server.serve(
            "/v1/businesses/",
            new BusinessApi(
                adminKeys,
                config.get(RadarSettings.INTAKE_SERVICES),
                directory,
                new BusinessApi.Store() {
                  @Override
                  public void put(Business business) {
                    BusinessPublisher.publish(config.kafka(), topics.businesses, List.of(business));
                  }

                  @Override
                  public void delete(String businessId) {
                    BusinessPublisher.delete(config.kafka(), topics.businesses, businessId);
                  }

                  @Override
                  public void putKey(BusinessKey key) {
                    BusinessPublisher.put(
                        config.kafka(), topics.businessKeys, key.getBusinessId(), key);
                  }

                  @Override
                  public void deleteKey(String businessId) {
                    BusinessPublisher.put(config.kafka(), topics.businessKeys, businessId, null);
                  }
                },
                Clock.systemUTC()));
      }
      for (int status : ANSWERS) {
        FunctionCounter.builder(
                "outage.radar.intake.requests",
                server,
                s -> s.answersByStatus().getOrDefault(status, 0L))
            .description(
                "Intake requests by answer: 202 accepted, 4xx refused by reason, 503 overloaded")
            .tag("status", Integer.toString(status))
            .register(ops.metrics());
      }
      Runtime.getRuntime()
          .addShutdownHook(new Thread(stopped::countDown, "outage-radar-intake-stop"));
      spec.commandLine()
          .getErr()
          .println(
              "outage-radar intake: listening on port "
                  + server.port()
                  + (adminKeys.isEmpty() ? "" : " (and the business API)")
                  + "; Ctrl-C to stop");
      stopped.await();
    }
    return 0;
  }
}
