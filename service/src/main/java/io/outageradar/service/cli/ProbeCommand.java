package io.outageradar.service.cli;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import io.outageradar.avro.ProbeResult;
import io.outageradar.model.Regions;
import io.outageradar.model.ServiceRegion;
import io.outageradar.producers.probe.ProbeRunner;
import io.outageradar.producers.probe.TargetsFile;
import io.outageradar.service.config.ConfigException;
import io.outageradar.service.config.RadarConfig;
import io.outageradar.service.ops.Operability;
import io.outageradar.topics.InputProducers;
import io.outageradar.topics.Topic;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.InterruptException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(
    name = "probe",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    header = "Probe targets (HTTP, DNS, TCP, TLS) from one vantage point and publish the results.",
    description = {
      "Run the HTTP(S), DNS, TCP and TLS checks of the targets file every interval from this vantage point and publish the results. Targets file (YAML or JSON):",
      "  interval: PT30S",
      "  timeout: PT5S",
      "  services:",
      "    whatsapp:",
      "      - {kind: HTTP, url: https://web.whatsapp.com/, expectStatus: 200, keyword: WhatsApp}",
      "      - {kind: DNS, name: web.whatsapp.com, type: A, resolver: 1.1.1.1:53}",
      "      - {kind: TCP, target: g.whatsapp.net:443}",
      "      - {kind: TLS, target: web.whatsapp.com:443}"
    })
public final class ProbeCommand implements Callable<Integer> {
  private static final Logger LOG = LoggerFactory.getLogger(ProbeCommand.class);

  @Spec CommandSpec spec;

  @Mixin ClusterOptions cluster;

  @Option(names = "--targets", required = true, description = "Targets file (.yaml/.yml or .json).")
  Path targetsFile;

  @Option(
      names = "--region",
      required = true,
      description = "ISO 3166-1 alpha-2 region this agent probes from, such as BR.")
  String region;

  @Option(names = "--agent", required = true, description = "Id of this agent, e.g. br-sao-1.")
  String agent;

  @Option(
      names = "--concurrency",
      defaultValue = "16",
      description = "Checks running at once (default: ${DEFAULT-VALUE}).")
  int concurrency;

  @Override
  public Integer call() throws Exception {
    String probedFrom =
        Regions.normalize(region)
            .orElseThrow(
                () ->
                    new ParameterException(
                        spec.commandLine(), "--region " + Regions.notACode(region)));
    TargetsFile targets;
    try {
      targets = TargetsFile.read(targetsFile);
    } catch (IllegalArgumentException e) {
      // a targets file the runner cannot follow is a usage error: exit 2, file and line named
      throw new ConfigException(e.getMessage());
    }
    RadarConfig config = cluster.load(Map.of());
    Topic<String, ProbeResult> topic = ClusterOptions.topics(config).probeResults;
    CountDownLatch stopped = new CountDownLatch(1);
    try (Operability ops =
            ClusterOptions.operability(config, "probe", spec)
                .require(ClusterOptions.required(config, List.of(topic)));
        KafkaProducer<String, ProbeResult> producer =
            new KafkaProducer<>(
                InputProducers.properties(config.kafka()),
                topic.keySerde().serializer(),
                topic.valueSerde().serializer());
        KafkaClientMetrics producerMetrics = ops.bind(new KafkaClientMetrics(producer));
        ProbeRunner runner =
            ProbeRunner.start(
                targets,
                probedFrom,
                agent,
                concurrency,
                Clock.systemUTC(),
                result -> {
                  Counter.builder("outage.radar.probes")
                      .description("Probe results published, by outcome")
                      .tag("outcome", result.getStatus().name())
                      .register(ops.metrics())
                      .increment();
                  try {
                    producer.send(
                        new ProducerRecord<>(
                            topic.name(),
                            null,
                            result.getObservedAt().toEpochMilli(),
                            new ServiceRegion(result.getService(), result.getRegion()).key(),
                            result),
                        (metadata, error) -> {
                          if (error != null) {
                            LOG.warn(
                                "probe result of {} not published: {}",
                                result.getService(),
                                error.toString());
                          }
                        });
                  } catch (InterruptException stopping) {
                    // the probe is shutting down while a send waited for the broker: nothing to
                    // publish to
                    Thread.currentThread().interrupt();
                  }
                })) {
      Runtime.getRuntime()
          .addShutdownHook(new Thread(stopped::countDown, "outage-radar-probe-stop"));
      spec.commandLine()
          .getErr()
          .println(
              "outage-radar probe: "
                  + targets.targets().size()
                  + " target(s) every "
                  + targets.interval().toSeconds()
                  + " s from "
                  + region
                  + "/"
                  + agent
                  + "; Ctrl-C to stop");
      stopped.await();
    }
    return 0;
  }
}
