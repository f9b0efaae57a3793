package io.outageradar.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class MockSchemaRegistryTest {
  private static final String SCOPE = MockSchemaRegistryTest.class.getName();
  private static final Schema V1 =
      SchemaBuilder.record("R").fields().requiredString("a").endRecord();
  private static final Schema V2 =
      SchemaBuilder.record("R").fields().requiredString("a").optionalInt("b").endRecord();
  private static final Schema BREAKING =
      SchemaBuilder.record("R").fields().requiredString("a").requiredInt("c").endRecord();

  @AfterEach
  void drop() {
    MockSchemaRegistry.drop(SCOPE);
  }

  @Test
  void clientsOfOneScopeShareIdsAndDropForgetsThem() {
    int id = RegistryOptions.of("mock://" + SCOPE).connect().register("t-value", V1);
    assertThat(RegistryOptions.of("mock://" + SCOPE).connect().getById(id)).isEqualTo(V1);

    MockSchemaRegistry.drop(SCOPE);

    assertThatThrownBy(() -> MockSchemaRegistry.forScope(SCOPE).getById(id))
        .isInstanceOfSatisfying(
            SchemaRegistryException.class, e -> assertThat(e.errorCode()).isEqualTo(40403));
  }

  @Test
  void versionsGrowOnlyWithBackwardCompatibleSchemas() {
    MockSchemaRegistry registry = MockSchemaRegistry.forScope(SCOPE);
    registry.register("t-value", V1);
    int v2 = registry.register("t-value", V2);

    assertThat(registry.latest("t-value").version()).isEqualTo(2);
    assertThat(registry.latest("t-value").id()).isEqualTo(v2);
    assertThat(registry.isCompatible("t-value", BREAKING)).isFalse();
    assertThatThrownBy(() -> registry.register("t-value", BREAKING))
        .isInstanceOfSatisfying(
            SchemaRegistryException.class, e -> assertThat(e.httpStatus()).isEqualTo(409));
  }
}
