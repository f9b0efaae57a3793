package io.outageradar.connect;

import java.util.ArrayList;
import java.util.Currency;
import java.util.Date;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.data.Timestamp;
import org.apache.kafka.connect.errors.DataException;

/**
 * Turns one of the project's Avro records into a flat Connect struct a relational sink can write
 * row for row: nested records become prefixed columns ({@code estimatedLoss.amountMinor} → {@code
 * estimated_loss_amount_minor}), arrays of scalars one comma-separated text column, enums their
 * symbol, {@code timestamp-millis} a Connect Timestamp, {@code ["null", T]} an optional T; names
 * are snake_case, as SQL dashboards want them. A {@code Money} record gets one column more, {@code
 * <name>_currency_digits}: the minor-unit digits of its currency (2 for BRL, 0 for JPY, 3 for KWD),
 * so a dashboard turns {@code amount_minor} into major units right for every currency.
 */
final class AvroToConnect {
  /**
   * A flattened column: where its value sits in the record (field names from the top) and its
   * Connect type.
   */
  private record Column(
      String name,
      List<String> path,
      Schema avro,
      org.apache.kafka.connect.data.Schema connect,
      boolean currencyDigits) {
    Column(
        String name, List<String> path, Schema avro, org.apache.kafka.connect.data.Schema connect) {
      this(name, path, avro, connect, false);
    }
  }

  private static final String MONEY = "io.outageradar.avro.Money";

  private final org.apache.kafka.connect.data.Schema schema;
  private final List<Column> columns;

  AvroToConnect(Schema record) {
    if (record.getType() != Schema.Type.RECORD) {
      throw new DataException("only records can be written as rows, not " + record.getType());
    }
    this.columns = new ArrayList<>();
    collect(record, "", List.of(), false, columns);
    SchemaBuilder builder = SchemaBuilder.struct().name(record.getFullName()).optional();
    columns.forEach(column -> builder.field(column.name(), column.connect()));
    this.schema = builder.build();
  }

  org.apache.kafka.connect.data.Schema schema() {
    return schema;
  }

  Struct convert(GenericRecord record) {
    Struct struct = new Struct(schema);
    for (Column column : columns) {
      Object value = valueAt(record, column.path());
      struct.put(
          column.name(),
          column.currencyDigits() ? currencyDigits(value) : value(value, column.avro()));
    }
    return struct;
  }

  private static void collect(
      Schema record, String prefix, List<String> path, boolean optional, List<Column> out) {
    for (Schema.Field field : record.getFields()) {
      Schema type = field.schema();
      boolean nullable = optional;
      if (type.getType() == Schema.Type.UNION) {
        List<Schema> branches =
            type.getTypes().stream().filter(t -> t.getType() != Schema.Type.NULL).toList();
        if (branches.size() != 1) {
          throw new DataException(
              "field " + field.name() + " is a union of several types; a column holds one");
        }
        nullable = true;
        type = branches.get(0);
      }
      String name = prefix + snake(field.name());
      List<String> fieldPath = new ArrayList<>(path);
      fieldPath.add(field.name());
      if (type.getType() == Schema.Type.RECORD) {
        collect(type, name + "_", List.copyOf(fieldPath), nullable, out);
        if (type.getFullName().equals(MONEY)) {
          List<String> currency = new ArrayList<>(fieldPath);
          currency.add("currency");
          out.add(
              new Column(
                  name + "_currency_digits",
                  List.copyOf(currency),
                  type.getField("currency").schema(),
                  SchemaBuilder.int32().optional().build(),
                  true));
        }
      } else {
        out.add(
            new Column(
                name, List.copyOf(fieldPath), type, connectType(type, nullable, field.name())));
      }
    }
  }

  private static org.apache.kafka.connect.data.Schema connectType(
      Schema type, boolean optional, String field) {
    SchemaBuilder builder =
        switch (type.getType()) {
          case STRING, ENUM, ARRAY -> SchemaBuilder.string();
          case INT -> SchemaBuilder.int32();
          case LONG ->
              type.getLogicalType() instanceof LogicalTypes.TimestampMillis
                  ? Timestamp.builder()
                  : SchemaBuilder.int64();
          case DOUBLE -> SchemaBuilder.float64();
          case FLOAT -> SchemaBuilder.float32();
          case BOOLEAN -> SchemaBuilder.bool();
          case BYTES, FIXED -> SchemaBuilder.bytes();
          default ->
              throw new DataException(
                  "field " + field + " of type " + type.getType() + " has no column type");
        };
    return optional ? builder.optional().build() : builder.build();
  }

  private static Object valueAt(GenericRecord record, List<String> path) {
    Object value = record;
    for (String field : path) {
      if (value == null) {
        return null;
      }
      value = ((GenericRecord) value).get(field);
    }
    return value;
  }

  private static Object value(Object value, Schema type) {
    if (value == null) {
      return null;
    }
    return switch (type.getType()) {
      case STRING, ENUM -> value.toString();
      case ARRAY ->
          ((List<?>) value).stream().map(String::valueOf).collect(Collectors.joining(","));
      case LONG ->
          type.getLogicalType() instanceof LogicalTypes.TimestampMillis
              ? new Date((Long) value)
              : value;
      case BYTES -> ((java.nio.ByteBuffer) value).array();
      case FIXED -> ((org.apache.avro.generic.GenericFixed) value).bytes();
      default -> value;
    };
  }

  /**
   * Minor-unit digits of an ISO 4217 code; 0 for codes without minor units (XXX: no currency) and
   * null for a code Java does not know.
   */
  private static Integer currencyDigits(Object code) {
    if (code == null) {
      return null;
    }
    try {
      return Math.max(0, Currency.getInstance(code.toString()).getDefaultFractionDigits());
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  /** {@code estimatedLoss} → {@code estimated_loss}. */
  static String snake(String camel) {
    StringBuilder out = new StringBuilder(camel.length() + 4);
    for (int i = 0; i < camel.length(); i++) {
      char c = camel.charAt(i);
      if (Character.isUpperCase(c)) {
        if (i > 0) {
          out.append('_');
        }
        out.append(Character.toLowerCase(c));
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }
}
