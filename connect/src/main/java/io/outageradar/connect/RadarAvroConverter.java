package io.outageradar.connect;

import io.outageradar.registry.RegistryOptions;
import io.outageradar.registry.SchemaRegistryClient;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.DecoderFactory;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaAndValue;
import org.apache.kafka.connect.errors.DataException;
import org.apache.kafka.connect.storage.Converter;

/**
 * A Connect converter for the project's topics: reads the Confluent wire format (magic byte 0,
 * 4-byte schema id, Avro binary), fetches the writer schema by id from the registry the pipeline
 * writes to ({@code schema.registry.url}, {@code mock://scope} in tests; optional {@code
 * basic.auth.user.info}) and hands the sink a flat struct with a schema (see {@link
 * AvroToConnect}). Sink-only: it does not write.
 */
public final class RadarAvroConverter implements Converter {
  public static final String REGISTRY_URL = "schema.registry.url";
  public static final String BASIC_AUTH = "basic.auth.user.info";
  private static final byte MAGIC_BYTE = 0;
  private static final int HEADER_SIZE = 5;

  private SchemaRegistryClient registry;
  private final Map<Integer, Reader> readers = new ConcurrentHashMap<>();

  private record Reader(GenericDatumReader<GenericRecord> datumReader, AvroToConnect rows) {}

  @Override
  public ConfigDef config() {
    return new ConfigDef()
        .define(
            REGISTRY_URL,
            ConfigDef.Type.STRING,
            ConfigDef.Importance.HIGH,
            "Schema registry URL, or mock://scope.")
        .define(
            BASIC_AUTH,
            ConfigDef.Type.PASSWORD,
            "",
            ConfigDef.Importance.MEDIUM,
            "user:password for the registry, if it wants one.");
  }

  @Override
  public void configure(Map<String, ?> configs, boolean isKey) {
    Object url = configs.get(REGISTRY_URL);
    if (url == null || url.toString().isBlank()) {
      throw new DataException(REGISTRY_URL + " is required");
    }
    RegistryOptions options = RegistryOptions.of(url.toString());
    Object auth = configs.get(BASIC_AUTH);
    if (auth != null && !auth.toString().isBlank()) {
      options =
          options.withBasicAuth(
              auth instanceof org.apache.kafka.common.config.types.Password password
                  ? password.value()
                  : auth.toString());
    }
    this.registry = options.connect();
  }

  @Override
  public byte[] fromConnectData(String topic, Schema schema, Object value) {
    throw new DataException(
        "RadarAvroConverter only reads; the project's producers write " + topic);
  }

  @Override
  public SchemaAndValue toConnectData(String topic, byte[] value) {
    if (value == null) {
      return SchemaAndValue.NULL;
    }
    if (value.length < HEADER_SIZE || value[0] != MAGIC_BYTE) {
      throw new DataException(
          "record on " + topic + " is not in the Avro wire format (magic byte 0 and a schema id)");
    }
    int id = ByteBuffer.wrap(value, 1, 4).getInt();
    Reader reader =
        readers.computeIfAbsent(
            id,
            writerId -> {
              org.apache.avro.Schema writer = registry.getById(writerId);
              return new Reader(new GenericDatumReader<>(writer), new AvroToConnect(writer));
            });
    try {
      GenericRecord record =
          reader
              .datumReader()
              .read(
                  null,
                  DecoderFactory.get()
                      .binaryDecoder(value, HEADER_SIZE, value.length - HEADER_SIZE, null));
      return new SchemaAndValue(reader.rows().schema(), reader.rows().convert(record));
    } catch (IOException | RuntimeException e) {
      throw new DataException(
          "cannot decode a record of " + topic + " with schema id " + id + ": " + e.getMessage(),
          e);
    }
  }
}
