package io.outageradar.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.outageradar.avro.ProbeResult;
import io.outageradar.serde.AvroSerde;
import io.outageradar.serde.AvroSerdeTest;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.junit.jupiter.api.Test;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.Network;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * The HTTP client against a real Confluent Schema Registry. Needs Docker; without it the class is
 * skipped, and the same calls are covered by {@link HttpSchemaRegistryClientTest} against recorded
 * Confluent answers.
 */
@Testcontainers(disabledWithoutDocker = true)
class ConfluentSchemaRegistryContainerIT {
  private static final Network NETWORK = Network.newNetwork();

  @Container
  private static final KafkaContainer KAFKA =
      new KafkaContainer(DockerImageName.parse("apache/kafka:4.1.0"))
          .withNetwork(NETWORK)
          .withNetworkAliases("kafka")
          .withListener("kafka:19092");

  @Container
  private static final GenericContainer<?> REGISTRY =
      new GenericContainer<>(DockerImageName.parse("confluentinc/cp-schema-registry:7.9.0"))
          .withNetwork(NETWORK)
          .dependsOn(KAFKA)
          .withExposedPorts(8081)
          .withEnv("SCHEMA_REGISTRY_HOST_NAME", "schema-registry")
          .withEnv("SCHEMA_REGISTRY_LISTENERS", "http://0.0.0.0:8081")
          .withEnv("SCHEMA_REGISTRY_KAFKASTORE_BOOTSTRAP_SERVERS", "PLAINTEXT://kafka:19092")
          .waitingFor(Wait.forHttp("/subjects").forStatusCode(200));

  private static SchemaRegistryClient client() {
    return RegistryOptions.of("http://" + REGISTRY.getHost() + ":" + REGISTRY.getMappedPort(8081))
        .connect();
  }

  @Test
  void registersFetchesAndChecksCompatibility() {
    SchemaRegistryClient client = client();
    Schema v1 = SchemaBuilder.record("R").fields().requiredString("a").endRecord();
    Schema v2 = SchemaBuilder.record("R").fields().requiredString("a").optionalInt("b").endRecord();
    Schema breaking =
        SchemaBuilder.record("R").fields().requiredString("a").requiredInt("c").endRecord();

    int id = client.register("it-value", v1);

    assertThat(client.getById(id)).isEqualTo(v1);
    assertThat(client.latest("it-value").version()).isEqualTo(1);
    assertThat(client.isCompatible("it-value", v2)).isTrue();
    assertThat(client.isCompatible("it-value", breaking)).isFalse();
    assertThatThrownBy(() -> client.register("it-value", breaking))
        .isInstanceOfSatisfying(
            SchemaRegistryException.class, e -> assertThat(e.httpStatus()).isEqualTo(409));
    assertThatThrownBy(() -> client.latest("no-such-subject"))
        .isInstanceOfSatisfying(
            SchemaRegistryException.class, e -> assertThat(e.errorCode()).isEqualTo(40401));
  }

  @Test
  void theSerdeRoundTripsThroughTheRealRegistry() {
    AvroSerde<ProbeResult> serde = AvroSerde.forValues(ProbeResult.class, client());
    ProbeResult probe = AvroSerdeTest.probe();

    byte[] bytes = serde.serializer().serialize("probe-results", probe);

    assertThat(serde.deserializer().deserialize("probe-results", bytes)).isEqualTo(probe);
  }
}
