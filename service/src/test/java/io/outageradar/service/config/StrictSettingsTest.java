package io.outageradar.service.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.outageradar.topics.KafkaClients;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An unknown key from any source is an error naming it and its source; Kafka client settings pass
 * through under their prefixes; credentials never show in a message.
 */
class StrictSettingsTest {
  private static final Map<String, String> REQUIRED =
      Map.of("bootstrap.servers", "kafka:9092", "schema.registry.url", "http://registry:8081");

  @TempDir Path dir;

  private static Map<String, String> flags(String... keyValues) {
    Map<String, String> flags = new HashMap<>(REQUIRED);
    for (int i = 0; i < keyValues.length; i += 2) {
      flags.put(keyValues[i], keyValues[i + 1]);
    }
    return flags;
  }

  @Test
  void anUnknownKeyGivenWithSetIsAnErrorThatSuggestsTheNearestSetting() {
    assertThatThrownBy(() -> RadarConfig.load(null, Map.of(), flags("detection.windw", "30s")))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith(
            "unknown setting detection.windw given with --set, did you mean detection.window?");
  }

  @Test
  void anUnknownEnvironmentVariableWithThePrefixIsAnError() {
    assertThatThrownBy(
            () -> RadarConfig.load(null, Map.of("OUTAGE_RADAR_DETECTION_WINDW", "30s"), REQUIRED))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("unknown setting detection.windw in the environment");
  }

  @Test
  void anUnknownKeyInTheFileIsAnErrorNamingTheFile() throws IOException {
    Path file = dir.resolve("radar.properties");
    Files.writeString(file, "security.protocol=SASL_SSL\n");
    assertThatThrownBy(() -> RadarConfig.load(file, Map.of(), REQUIRED))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("unknown setting security.protocol in " + file)
        .hasMessageContaining("kafka.");
  }

  @Test
  void variablesOfTheLauncherAndTheLogsAreNotSettings() {
    Map<String, String> env =
        Map.of(
            "OUTAGE_RADAR_JAVA_OPTS",
            "-Xmx1g",
            "OUTAGE_RADAR_LOG_LEVEL",
            "INFO",
            "PATH",
            "/usr/bin");
    assertThat(RadarConfig.load(null, env, REQUIRED).get(RadarSettings.BOOTSTRAP_SERVERS))
        .isEqualTo("kafka:9092");
  }

  @Test
  void kafkaClientSettingsPassThroughToEveryClientOrToOneKind() throws IOException {
    Path file = dir.resolve("radar.properties");
    Files.writeString(file, "kafka.security.protocol=SASL_SSL\nproducer.linger.ms=20\n");
    Map<String, String> env = Map.of("OUTAGE_RADAR_KAFKA_SASL_MECHANISM", "SCRAM-SHA-512");

    KafkaClients kafka =
        RadarConfig.load(
                file,
                env,
                flags("consumer.max.poll.records", "50", "kafka.security.protocol", "SSL"))
            .kafka();

    Properties producer = kafka.properties(KafkaClients.Kind.PRODUCER);
    assertThat(producer)
        .containsEntry("bootstrap.servers", "kafka:9092")
        .containsEntry("security.protocol", "SSL") // --set wins over the file
        .containsEntry("sasl.mechanism", "SCRAM-SHA-512")
        .containsEntry("linger.ms", "20")
        .doesNotContainKey("max.poll.records");
    assertThat(kafka.properties(KafkaClients.Kind.CONSUMER))
        .containsEntry("max.poll.records", "50")
        .doesNotContainKey("linger.ms");
    assertThat(kafka.properties(KafkaClients.Kind.STREAMS))
        .containsEntry("security.protocol", "SSL");
  }

  @Test
  void credentialsNeverShowInMessages() {
    assertThatThrownBy(
            () ->
                RadarConfig.load(
                    null, Map.of(), flags("schema.registry.basic.auth.user.info", "Secret")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("schema.registry.basic.auth.user.info")
        .hasMessageNotContaining("Secret");
    String jaas =
        "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"radar\" password=\"hunter2\";";
    KafkaClients kafka =
        RadarConfig.load(
                null,
                Map.of(),
                flags("kafka.sasl.jaas.config", jaas, "kafka.ssl.truststore.password", "changeit"))
            .kafka();
    assertThat(kafka.toString())
        .doesNotContain("hunter2")
        .doesNotContain("changeit")
        .contains("kafka.sasl.jaas.config=***");
    assertThat(kafka.properties(KafkaClients.Kind.ADMIN)).containsEntry("sasl.jaas.config", jaas);
  }
}
