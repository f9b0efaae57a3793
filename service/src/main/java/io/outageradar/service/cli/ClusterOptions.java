package io.outageradar.service.cli;

import io.outageradar.registry.RegistryOptions;
import io.outageradar.service.config.RadarConfig;
import io.outageradar.service.config.RadarSettings;
import io.outageradar.topics.Topics;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * The flags every command that talks to a cluster shares, and the configuration they resolve to.
 */
public final class ClusterOptions {
  @Option(
      names = "--bootstrap-servers",
      description = "Kafka bootstrap servers (bootstrap.servers).")
  String bootstrapServers;

  @Option(
      names = "--schema-registry-url",
      description = "Schema registry URL, or mock://scope (schema.registry.url).")
  String schemaRegistryUrl;

  @Option(names = "--config", description = "Properties file with settings.")
  Path configFile;

  @Option(
      names = "--set",
      description = "Any setting as key=value, repeatable (e.g. --set detection.window=1m).")
  Map<String, String> settings = new HashMap<>();

  /**
   * Flags over the environment over the file over the defaults; {@code overrides} and --set count
   * as flags.
   */
  public RadarConfig load(Map<String, String> overrides) {
    Map<String, String> flags = new HashMap<>(settings);
    flags.putAll(overrides);
    if (bootstrapServers != null) {
      flags.put(RadarSettings.BOOTSTRAP_SERVERS.key(), bootstrapServers);
    }
    if (schemaRegistryUrl != null) {
      flags.put(RadarSettings.SCHEMA_REGISTRY_URL.key(), schemaRegistryUrl);
    }
    return RadarConfig.load(configFile, System.getenv(), flags);
  }

  /** The topic catalog of a configuration, with its registry client. */
  public static Topics topics(RadarConfig config) {
    RegistryOptions registry = RegistryOptions.of(config.get(RadarSettings.SCHEMA_REGISTRY_URL));
    String userInfo = config.get(RadarSettings.SCHEMA_REGISTRY_BASIC_AUTH);
    if (!userInfo.isEmpty()) {
      registry = registry.withBasicAuth(userInfo);
    }
    return Topics.withPrefix(config.get(RadarSettings.TOPIC_PREFIX), registry.connect());
  }
}
