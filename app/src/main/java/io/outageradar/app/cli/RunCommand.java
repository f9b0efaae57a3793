package io.outageradar.app.cli;

import io.outageradar.app.config.RadarConfig;
import io.outageradar.app.config.RadarSettings;
import io.outageradar.app.runtime.Pipeline;
import io.outageradar.registry.RegistryOptions;
import io.outageradar.topics.Topics;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "run", description = {
    "Run the topologies against an existing Kafka cluster until stopped (SIGTERM or Ctrl-C).",
    "Every setting also comes from the environment (OUTAGE_RADAR_<KEY>, e.g. OUTAGE_RADAR_BOOTSTRAP_SERVERS)",
    "or from the --config properties file; flags win over the environment, which wins over the file."})
public final class RunCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--bootstrap-servers", description = "Kafka bootstrap servers (bootstrap.servers).")
  String bootstrapServers;

  @Option(names = "--schema-registry-url", description = "Schema registry URL, or mock://scope (schema.registry.url).")
  String schemaRegistryUrl;

  @Option(names = "--config", description = "Properties file with settings.")
  Path configFile;

  @Option(names = "--set", description = "Any setting as key=value, repeatable (e.g. --set detection.window=1m).")
  Map<String, String> overrides = new HashMap<>();

  @Override
  public Integer call() throws InterruptedException {
    Map<String, String> flags = new HashMap<>(overrides);
    if (bootstrapServers != null) {
      flags.put(RadarSettings.BOOTSTRAP_SERVERS.key(), bootstrapServers);
    }
    if (schemaRegistryUrl != null) {
      flags.put(RadarSettings.SCHEMA_REGISTRY_URL.key(), schemaRegistryUrl);
    }
    RadarConfig config = RadarConfig.load(configFile, System.getenv(), flags);

    RegistryOptions registry = RegistryOptions.of(config.get(RadarSettings.SCHEMA_REGISTRY_URL));
    String userInfo = config.get(RadarSettings.SCHEMA_REGISTRY_BASIC_AUTH);
    if (!userInfo.isEmpty()) {
      registry = registry.withBasicAuth(userInfo);
    }
    Topics topics = Topics.withPrefix(config.get(RadarSettings.TOPIC_PREFIX), registry.connect());
    Pipeline.Settings settings = new Pipeline.Settings(config.get(RadarSettings.BOOTSTRAP_SERVERS),
        config.get(RadarSettings.APPLICATION_ID), topics, config.detection(), config.reports(), config.revenue(), config.alerts(),
        config.queryServer(),
        Path.of(config.get(RadarSettings.STATE_DIR)),
        config.get(RadarSettings.REPLICATION_FACTOR), config.get(RadarSettings.EXACTLY_ONCE));

    CountDownLatch stopped = new CountDownLatch(1);
    try (Pipeline pipeline = Pipeline.start(settings, Duration.ofMinutes(5))) {
      Runtime.getRuntime().addShutdownHook(new Thread(stopped::countDown, "outage-radar-shutdown"));
      spec.commandLine().getErr().println("outage-radar: running against " + settings.bootstrapServers() + "; Ctrl-C to stop");
      stopped.await();
    }
    return 0;
  }
}
