package io.outageradar.service.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.outageradar.avro.OutageEvent;
import io.outageradar.detection.DetectionConfig;
import io.outageradar.embedded.EmbeddedKafka;
import io.outageradar.registry.MockSchemaRegistry;
import io.outageradar.service.cli.ClusterOptions;
import io.outageradar.service.config.RadarConfig;
import io.outageradar.service.runtime.Pipeline;
import io.outageradar.simulation.Pacing;
import io.outageradar.simulation.ScenarioEvents;
import io.outageradar.simulation.ScenarioPublisher;
import io.outageradar.simulation.Scenarios;
import io.outageradar.testkit.TestCertificates;
import io.outageradar.topics.InputProducers;
import io.outageradar.topics.KafkaClients;
import io.outageradar.topics.Topics;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The pipeline against a broker that lets clients in only over SASL_SSL with SCRAM-SHA-512 and a
 * certificate made for this test: everything the operator sets goes through the kafka.* settings,
 * as on Confluent Cloud, MSK or Aiven. A client without credentials is turned away, so the listener
 * really is secured.
 */
class SaslSslIT {
  private static final String SCOPE = SaslSslIT.class.getName();
  private static final String USER = "radar";
  private static final String PASSWORD = "radar-scram-secret";

  @TempDir Path dir;

  @AfterEach
  void dropRegistry() {
    MockSchemaRegistry.drop(SCOPE);
  }

  @Test
  void thePipelineFindsOutagesThroughASaslSslListener() throws Exception {
    TestCertificates certificates = TestCertificates.create(dir);
    try (EmbeddedKafka kafka =
        EmbeddedKafka.startSecured(certificates.keyStore(), certificates.password())) {
      try (Admin admin = Admin.create(Map.of("bootstrap.servers", kafka.bootstrapServers()))) {
        admin
            .alterUserScramCredentials(
                List.of(
                    new UserScramCredentialUpsertion(
                        USER,
                        new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_512, 4096),
                        PASSWORD)))
            .all()
            .get();
      }
      Map<String, String> flags = new HashMap<>();
      flags.put("bootstrap.servers", kafka.secureBootstrapServers());
      flags.put("schema.registry.url", "mock://" + SCOPE);
      flags.put("kafka.security.protocol", "SASL_SSL");
      flags.put("kafka.sasl.mechanism", "SCRAM-SHA-512");
      flags.put(
          "kafka.sasl.jaas.config",
          "org.apache.kafka.common.security.scram.ScramLoginModule required username=\""
              + USER
              + "\" password=\""
              + PASSWORD
              + "\";");
      flags.put("kafka.ssl.truststore.location", certificates.trustStore().toString());
      flags.put("kafka.ssl.truststore.password", certificates.password());
      flags.put("kafka.ssl.truststore.type", "PKCS12");
      RadarConfig config = RadarConfig.load(null, Map.of(), flags);
      KafkaClients secured = config.kafka();
      assertThat(secured.toString())
          .doesNotContain(PASSWORD)
          .doesNotContain(certificates.password());
      Topics topics = ClusterOptions.topics(config);

      try (Pipeline pipeline =
          Pipeline.start(
              Pipeline.Settings.builder(secured, "sasl-ssl-it", topics, dir.resolve("state"))
                  .detection(
                      DetectionConfig.builder().idleAdvanceAfter(Duration.ofSeconds(2)).build())
                  .build(),
              Duration.ofMinutes(2))) {
        long sent =
            ScenarioPublisher.publish(
                "regional-isp",
                ScenarioEvents.of(Scenarios.create("regional-isp", 7)),
                topics,
                InputProducers.properties(secured),
                Pacing.unpaced(),
                ScenarioPublisher.Progress.NONE);
        assertThat(sent).isPositive();

        Properties own = new Properties();
        own.put(ConsumerConfig.GROUP_ID_CONFIG, "sasl-ssl-it-reader");
        own.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<OutageEvent> outages = new ArrayList<>();
        try (KafkaConsumer<String, OutageEvent> consumer =
            new KafkaConsumer<>(
                secured.properties(KafkaClients.Kind.CONSUMER, own),
                topics.outages.keySerde().deserializer(),
                topics.outages.valueSerde().deserializer())) {
          consumer.subscribe(List.of(topics.outages.name()));
          await()
              .atMost(Duration.ofMinutes(3))
              .until(
                  () -> {
                    consumer
                        .poll(Duration.ofMillis(500))
                        .forEach(record -> outages.add(record.value()));
                    return !outages.isEmpty();
                  });
        }
        assertThat(outages)
            .extracting(OutageEvent::getRegions)
            .allSatisfy(regions -> assertThat(regions).isNotEmpty());
      }

      // without credentials the secured listener lets nobody in
      Properties anonymous = new Properties();
      anonymous.put("bootstrap.servers", kafka.secureBootstrapServers());
      anonymous.put("security.protocol", "SSL");
      anonymous.put("ssl.truststore.location", certificates.trustStore().toString());
      anonymous.put("ssl.truststore.password", certificates.password());
      anonymous.put("ssl.truststore.type", "PKCS12");
      anonymous.put("request.timeout.ms", "5000");
      anonymous.put("default.api.timeout.ms", "10000");
      try (Admin stranger = Admin.create(anonymous)) {
        assertThatThrownBy(() -> stranger.listTopics().names().get())
            .isInstanceOf(ExecutionException.class);
      }
    }
  }
}
