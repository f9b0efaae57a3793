package io.outageradar.tools.cli;

import io.outageradar.embedded.EmbeddedKafka;
import io.outageradar.embedded.EmbeddedSchemaRegistry;
import io.outageradar.service.cli.ClusterOptions;
import io.outageradar.service.cli.Version;
import io.outageradar.service.config.RadarConfig;
import io.outageradar.service.config.RadarSettings;
import io.outageradar.topics.TopicCreator;
import java.io.PrintWriter;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
    name = "dev",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    header = "Start a local Kafka broker and schema registry for trying the commands by hand.",
    description = {
      "Start a single-node KRaft broker and a schema registry endpoint on loopback, create the catalog's topics (topic.prefix and replication.factor from the settings, e.g. --set topic.prefix=dev.), print the two settings that point run, replay, intake, probe and pager at them, and keep them up until Ctrl-C, so those commands work in any order. For local use only: the registry keeps schemas in memory and serves the part of the Confluent REST API this project uses; in production use Confluent Schema Registry, Karapace, Redpanda or Apicurio."
    })
public final class DevCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = "--kafka-port",
      defaultValue = "9092",
      description = "Port of the broker (default: ${DEFAULT-VALUE}; 0 for any free one).")
  int kafkaPort;

  @Option(
      names = "--registry-port",
      defaultValue = "8081",
      description = "Port of the schema registry (default: ${DEFAULT-VALUE}; 0 for any free one).")
  int registryPort;

  @Option(
      names = "--set",
      paramLabel = "KEY=VALUE",
      description = "A setting as key=value, e.g. topic.prefix=dev.; repeatable.")
  Map<String, String> settings = new HashMap<>();

  @Override
  public Integer call() throws Exception {
    CountDownLatch stopped = new CountDownLatch(1);
    try (EmbeddedSchemaRegistry registry = EmbeddedSchemaRegistry.start(registryPort);
        EmbeddedKafka kafka = EmbeddedKafka.startOnPort(kafkaPort)) {
      Runtime.getRuntime().addShutdownHook(new Thread(stopped::countDown, "outage-radar-dev-stop"));
      Map<String, String> flags = new HashMap<>(settings);
      flags.put(RadarSettings.BOOTSTRAP_SERVERS.key(), kafka.bootstrapServers());
      flags.put(RadarSettings.SCHEMA_REGISTRY_URL.key(), registry.url());
      RadarConfig config = RadarConfig.load(null, System.getenv(), flags);
      // the producers find their topics whatever starts first; run would create them too
      TopicCreator.ensure(
          config.kafka(),
          ClusterOptions.topics(config).all(),
          config.get(RadarSettings.REPLICATION_FACTOR));
      PrintWriter out = spec.commandLine().getOut();
      out.println("bootstrap.servers=" + kafka.bootstrapServers());
      out.println("schema.registry.url=" + registry.url());
      if (!config.get(RadarSettings.TOPIC_PREFIX).isEmpty()) {
        out.println("topic.prefix=" + config.get(RadarSettings.TOPIC_PREFIX));
      }
      out.flush();
      spec.commandLine()
          .getErr()
          .println(
              "outage-radar dev: try ./outage-radar run --bootstrap-servers "
                  + kafka.bootstrapServers()
                  + " --schema-registry-url "
                  + registry.url()
                  + " (and replay, intake, probe, pager likewise); Ctrl-C to stop");
      stopped.await();
    }
    return 0;
  }
}
