package io.outageradar.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.outageradar.avro.CheckKind;
import io.outageradar.avro.ProbeResult;
import io.outageradar.avro.ProbeStatus;
import io.outageradar.registry.MockSchemaRegistry;
import io.outageradar.registry.RegisteredSchema;
import io.outageradar.registry.SchemaRegistryClient;
import io.outageradar.registry.SchemaRegistryException;
import java.net.ConnectException;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

public class AvroSerdeTest {
  private static final String SCOPE = AvroSerdeTest.class.getName();
  private final SchemaRegistryClient registry = MockSchemaRegistry.forScope(SCOPE);
  private final AvroSerde<ProbeResult> serde = AvroSerde.forValues(ProbeResult.class, registry);

  @AfterEach
  void dropRegistry() {
    MockSchemaRegistry.drop(SCOPE);
  }

  public static ProbeResult probe() {
    return ProbeResult.newBuilder()
        .setProbeId("p1")
        .setService("whatsapp")
        .setRegion("BR")
        .setAgent("br-sao-1")
        .setKind(CheckKind.DNS)
        .setTarget("whatsapp.net")
        .setStatus(ProbeStatus.DNS_SERVFAIL)
        .setLatencyMs(null)
        .setObservedAt(Instant.parse("2021-10-04T15:40:00Z"))
        .setHttpStatus(null)
        .setCertDaysToExpiry(null)
        .setDetail("SERVFAIL")
        .build();
  }

  @Test
  void roundTripsARecord() {
    byte[] bytes = serde.serializer().serialize("probe-results", probe());
    assertThat(serde.deserializer().deserialize("probe-results", bytes)).isEqualTo(probe());
  }

  @Test
  void aRecordEncodesTheSameAfterALargerOneOnTheSameThread() {
    byte[] first = serde.serializer().serialize("probe-results", probe());
    ProbeResult large = probe();
    large.setDetail("x".repeat(10_000));
    byte[] largeBytes = serde.serializer().serialize("probe-results", large);

    assertThat(serde.serializer().serialize("probe-results", probe())).isEqualTo(first);
    assertThat(serde.deserializer().deserialize("probe-results", largeBytes)).isEqualTo(large);
  }

  @Test
  void aRecordEncodesTheSameAfterOneThatFailedHalfWay() {
    byte[] first = serde.serializer().serialize("probe-results", probe());
    ProbeResult broken = probe();
    broken.setTarget(null); // may not be null: the fields before it are encoded by then
    assertThatThrownBy(() -> serde.serializer().serialize("probe-results", broken))
        .isInstanceOf(SerializationException.class);

    assertThat(serde.serializer().serialize("probe-results", probe())).isEqualTo(first);
  }

  @Test
  void writesTheConfluentWireFormatExactly() {
    byte[] bytes = serde.serializer().serialize("probe-results", probe());
    int id = registry.latest("probe-results-value").id();
    // magic byte 0, then the schema id as a big-endian int
    assertThat(Arrays.copyOf(bytes, 5)).containsExactly(0, 0, 0, 0, id);
    // Avro binary: strings are zig-zag length + UTF-8; "p1" = 04 70 31, "whatsapp" = 10 77 68 ...
    String body = HexFormat.of().formatHex(bytes, 5, bytes.length);
    assertThat(body).startsWith("047031" + "107768617473617070" + "044252");
    // the timestamp-millis 2021-10-04T15:40:00Z = 1633362000000 ms, zig-zag varint encoded
    long millis = Instant.parse("2021-10-04T15:40:00Z").toEpochMilli();
    assertThat(body).contains(HexFormat.of().formatHex(zigZagVarint(millis)));
  }

  @Test
  void registersUnderTheTopicNameStrategySubject() {
    serde.serializer().serialize("probe-results", probe());
    assertThat(registry.latest("probe-results-value").schema())
        .isEqualTo(ProbeResult.getClassSchema());
  }

  @Test
  void rejectsAnotherMagicByte() {
    byte[] bytes = serde.serializer().serialize("probe-results", probe());
    bytes[0] = 1;
    assertThatThrownBy(() -> serde.deserializer().deserialize("probe-results", bytes))
        .isInstanceOf(UnknownMagicByteException.class)
        .hasMessageContaining("byte 1");
  }

  @Test
  void rejectsAnUnknownSchemaIdOfASharedRegistry() {
    AvroSerde<ProbeResult> shared =
        AvroSerde.forValues(ProbeResult.class, new SharedRegistry(registry, 0));
    byte[] bytes = shared.serializer().serialize("probe-results", probe());
    ByteBuffer.wrap(bytes).putInt(1, 999);
    assertThatThrownBy(() -> shared.deserializer().deserialize("probe-results", bytes))
        .isInstanceOf(UnknownSchemaIdException.class)
        .hasMessageContaining("999");
  }

  @Test
  void anIdAMockRegistryDoesNotKnowMeansAnotherProcessWroteTheRecord() {
    byte[] bytes = serde.serializer().serialize("probe-results", probe());
    ByteBuffer.wrap(bytes).putInt(1, 999);
    assertThatThrownBy(() -> serde.deserializer().deserialize("probe-results", bytes))
        .isInstanceOf(RegistryNotSharedException.class)
        .isNotInstanceOf(SerializationException.class)
        .hasMessageContaining("mock://" + SCOPE)
        .hasMessageContaining("lives in one process")
        .hasMessageContaining("999");
  }

  @Test
  void anUnreachableRegistryIsWaitedForNotBlamedOnTheRecord() {
    byte[] bytes = serde.serializer().serialize("probe-results", probe());
    SharedRegistry flaky = new SharedRegistry(registry, 2); // refuses twice, then answers
    AvroSerde<ProbeResult> reader = AvroSerde.forValues(ProbeResult.class, flaky);

    assertThat(reader.deserializer().deserialize("probe-results", bytes)).isEqualTo(probe());
    assertThat(flaky.calls).isEqualTo(3);
  }

  /**
   * A registry other processes share, which cannot be reached for its first {@code failures} calls.
   */
  private static final class SharedRegistry implements SchemaRegistryClient {
    private final SchemaRegistryClient inner;
    private int failures;
    int calls;

    SharedRegistry(SchemaRegistryClient inner, int failures) {
      this.inner = inner;
      this.failures = failures;
    }

    private void reach() {
      calls++;
      if (failures-- > 0) {
        throw new SchemaRegistryException(
            "GET /schemas/ids failed", new ConnectException("Connection refused"));
      }
    }

    @Override
    public int register(String subject, Schema schema) {
      return inner.register(subject, schema);
    }

    @Override
    public Schema getById(int id) {
      reach();
      return inner.getById(id);
    }

    @Override
    public RegisteredSchema latest(String subject) {
      return inner.latest(subject);
    }

    @Override
    public boolean isCompatible(String subject, Schema schema) {
      return inner.isCompatible(subject, schema);
    }

    @Override
    public String location() {
      return "http://registry.test:8081";
    }
  }

  @Test
  void rejectsTooShortAndCorruptPayloads() {
    assertThatThrownBy(() -> serde.deserializer().deserialize("t", new byte[] {0, 0}))
        .isInstanceOf(WireFormatException.class);
    byte[] bytes = serde.serializer().serialize("probe-results", probe());
    byte[] truncated = Arrays.copyOf(bytes, 9);
    assertThatThrownBy(() -> serde.deserializer().deserialize("probe-results", truncated))
        .isInstanceOf(WireFormatException.class);
  }

  @Test
  void readsRecordsWrittenWithAnOlderSchemaVersion() {
    // An older producer that did not know the optional detail field yet.
    Schema old =
        SchemaBuilder.record("ProbeResult")
            .namespace("io.outageradar.avro")
            .fields()
            .requiredString("probeId")
            .requiredString("service")
            .requiredString("region")
            .requiredString("agent")
            .name("kind")
            .type(CheckKind.getClassSchema())
            .noDefault()
            .requiredString("target")
            .name("status")
            .type(ProbeStatus.getClassSchema())
            .noDefault()
            .optionalInt("latencyMs")
            .name("observedAt")
            .type(ProbeResult.getClassSchema().getField("observedAt").schema())
            .noDefault()
            .endRecord();
    int oldId = registry.register("probe-results-value", old);
    org.apache.avro.generic.GenericRecord record =
        new org.apache.avro.generic.GenericData.Record(old);
    record.put("probeId", "p0");
    record.put("service", "instagram");
    record.put("region", "DE");
    record.put("agent", "de-fra-1");
    record.put(
        "kind",
        new org.apache.avro.generic.GenericData.EnumSymbol(CheckKind.getClassSchema(), "HTTP"));
    record.put("target", "https://instagram.com");
    record.put(
        "status",
        new org.apache.avro.generic.GenericData.EnumSymbol(ProbeStatus.getClassSchema(), "OK"));
    record.put("latencyMs", 120);
    record.put("observedAt", 1633362000000L);
    byte[] bytes = GenericWire.encode(oldId, old, record);

    ProbeResult read = serde.deserializer().deserialize("probe-results", bytes);

    assertThat(read.getService()).isEqualTo("instagram");
    assertThat(read.getLatencyMs()).isEqualTo(120);
    assertThat(read.getDetail()).isNull();
    assertThat(read.getObservedAt()).isEqualTo(Instant.ofEpochMilli(1633362000000L));
  }

  private static byte[] zigZagVarint(long value) {
    long zz = (value << 1) ^ (value >> 63);
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    while ((zz & ~0x7FL) != 0) {
      out.write((int) ((zz & 0x7F) | 0x80));
      zz >>>= 7;
    }
    out.write((int) zz);
    return out.toByteArray();
  }
}
