package io.outageradar.connect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.outageradar.avro.CauseHint;
import io.outageradar.avro.Money;
import io.outageradar.avro.OutageEvent;
import io.outageradar.avro.OutageScope;
import io.outageradar.avro.OutageState;
import io.outageradar.avro.RegionImpact;
import io.outageradar.registry.MockSchemaRegistry;
import io.outageradar.topics.Topics;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.SchemaAndValue;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.data.Timestamp;
import org.apache.kafka.connect.errors.DataException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

class RadarAvroConverterTest {
  private static final String SCOPE = RadarAvroConverterTest.class.getName();
  private final Topics topics = Topics.create(MockSchemaRegistry.forScope(SCOPE));
  private final RadarAvroConverter converter = new RadarAvroConverter();

  RadarAvroConverterTest() {
    converter.configure(Map.of(RadarAvroConverter.REGISTRY_URL, "mock://" + SCOPE), false);
  }

  @AfterAll
  static void drop() {
    MockSchemaRegistry.drop(SCOPE);
  }

  @Test
  void anOutageBecomesAFlatRowWithSnakeCaseColumns() {
    OutageEvent outage =
        OutageEvent.newBuilder()
            .setOutageId("whatsapp-global-20211004T154030Z")
            .setService("whatsapp")
            .setScope(OutageScope.GLOBAL)
            .setRegions(List.of("BR", "US"))
            .setState(OutageState.CONFIRMED)
            .setPreviousState(OutageState.SUSPECTED)
            .setOnset(Instant.parse("2021-10-04T15:40:30Z"))
            .setConfirmedAt(Instant.parse("2021-10-04T15:41:30Z"))
            .setResolvedAt(null)
            .setCause(CauseHint.DNS)
            .setPeakFailureRatio(1.0)
            .setMergedInto(null)
            .setReports(1234)
            .setMeanSentiment(-0.55)
            .setNotifiedAt(null)
            .setUpdatedAt(Instant.parse("2021-10-04T15:41:30Z"))
            .build();
    byte[] bytes =
        topics.outages.valueSerde().serializer().serialize(topics.outages.name(), outage);

    SchemaAndValue row = converter.toConnectData(topics.outages.name(), bytes);

    assertThat(row.schema().fields())
        .extracting(Field::name)
        .startsWith(
            "outage_id",
            "service",
            "scope",
            "regions",
            "state",
            "previous_state",
            "onset",
            "confirmed_at",
            "resolved_at",
            "cause");
    assertThat(row.schema().field("onset").schema().name()).isEqualTo(Timestamp.LOGICAL_NAME);
    assertThat(row.schema().field("resolved_at").schema().isOptional()).isTrue();
    Struct struct = (Struct) row.value();
    assertThat(struct.getString("outage_id")).isEqualTo("whatsapp-global-20211004T154030Z");
    assertThat(struct.getString("regions")).isEqualTo("BR,US");
    assertThat(struct.getString("scope")).isEqualTo("GLOBAL");
    assertThat(struct.get("onset")).isEqualTo(Date.from(Instant.parse("2021-10-04T15:40:30Z")));
    assertThat(struct.get("resolved_at")).isNull();
    assertThat(struct.getInt64("reports")).isEqualTo(1234L);
    assertThat(struct.getFloat64("mean_sentiment")).isEqualTo(-0.55);
  }

  @Test
  void nestedMoneyBecomesPrefixedColumns() {
    RegionImpact impact =
        RegionImpact.newBuilder()
            .setRegion("BR")
            .setAffectedServices(List.of("instagram", "whatsapp"))
            .setOutageIds(List.of("a", "b"))
            .setSince(Instant.parse("2021-10-04T15:40:30Z"))
            .setDurationMs(3_600_000)
            .setSeverity(2.5)
            .setReports(10)
            .setMeanSentiment(null)
            .setEstimatedLoss(new Money(12_345_678L, "BRL"))
            .setAsOf(Instant.parse("2021-10-04T16:40:30Z"))
            .build();
    byte[] bytes =
        topics.regionImpact.valueSerde().serializer().serialize(topics.regionImpact.name(), impact);

    Struct struct = (Struct) converter.toConnectData(topics.regionImpact.name(), bytes).value();

    assertThat(struct.schema().fields())
        .extracting(Field::name)
        .contains("estimated_loss_amount_minor", "estimated_loss_currency");
    assertThat(struct.getInt64("estimated_loss_amount_minor")).isEqualTo(12_345_678L);
    assertThat(struct.getString("estimated_loss_currency")).isEqualTo("BRL");
    assertThat(struct.getString("affected_services")).isEqualTo("instagram,whatsapp");
    assertThat(struct.getInt32("estimated_loss_currency_digits")).isEqualTo(2);
  }

  @Test
  void moneyCarriesTheMinorUnitDigitsOfItsCurrency() {
    for (var currency : java.util.Map.of("JPY", 0, "BRL", 2, "KWD", 3, "XXX", 0).entrySet()) {
      RegionImpact impact =
          RegionImpact.newBuilder()
              .setRegion("JP")
              .setAffectedServices(List.of("line"))
              .setOutageIds(List.of("a"))
              .setSince(null)
              .setDurationMs(0)
              .setSeverity(0)
              .setReports(0)
              .setMeanSentiment(null)
              .setEstimatedLoss(new Money(1_234L, currency.getKey()))
              .setAsOf(Instant.parse("2021-10-04T16:40:30Z"))
              .build();
      byte[] bytes =
          topics
              .regionImpact
              .valueSerde()
              .serializer()
              .serialize(topics.regionImpact.name(), impact);

      Struct struct = (Struct) converter.toConnectData(topics.regionImpact.name(), bytes).value();

      assertThat(struct.getInt32("estimated_loss_currency_digits"))
          .as(currency.getKey())
          .isEqualTo(currency.getValue());
    }
  }

  @Test
  void aRecordNotInTheWireFormatIsADataError() {
    assertThatThrownBy(() -> converter.toConnectData("outages", "{\"json\":true}".getBytes()))
        .isInstanceOf(DataException.class)
        .hasMessageContaining("not in the Avro wire format");
    assertThat(converter.toConnectData("outages", null)).isEqualTo(SchemaAndValue.NULL);
  }
}
