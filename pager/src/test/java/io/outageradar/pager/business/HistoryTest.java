package io.outageradar.pager.business;

import static org.assertj.core.api.Assertions.assertThat;

import io.outageradar.avro.Business;
import io.outageradar.avro.NoticeAction;
import io.outageradar.avro.OutageEvent;
import io.outageradar.avro.OutageScope;
import io.outageradar.detection.business.IncidentReport;
import io.outageradar.registry.MockSchemaRegistry;
import io.outageradar.testkit.Outages;
import io.outageradar.testkit.Shops;
import io.outageradar.topics.Topic;
import io.outageradar.topics.Topics;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The history behind incident reports stays bounded however many keys report, and loses nothing a
 * report reads: quiet minutes go an hour after they are read (once caught up), minutes inside an
 * outage stay, and everything older than a week goes.
 */
class HistoryTest {
  private static final Instant START = Outages.ONSET.minus(Duration.ofHours(1));

  private final String scope = "history-test-" + UUID.randomUUID();
  private final Topics topics = Topics.create(MockSchemaRegistry.forScope(scope));

  @AfterEach
  void drop() {
    MockSchemaRegistry.drop(scope);
  }

  @Test
  void quietMinutesGoOnceCaughtUpAndAnIncidentsMinutesStay() {
    History history = new History(topics.businessNotices, topics.reportHealth);
    OutageEvent outage = Outages.outage("whatsapp", OutageScope.REGIONAL, List.of("BR"), 1.0);
    Instant over = Outages.ONSET.plus(Duration.ofHours(1));
    history.changed(outage);
    history.changed(Outages.resolved(outage, over));
    read(
        history,
        topics.businessNotices,
        Outages.notice("loja", outage, NoticeAction.TRIGGER, Outages.ONSET.plusSeconds(60)));
    // three hours of minutes from an hour before the onset, on the outage's key and another
    for (int m = 0; m < 180; m++) {
      Instant start = START.plus(Duration.ofMinutes(m));
      read(history, topics.reportHealth, Outages.reportMinute("whatsapp", "BR", start, 2, -0.5));
      read(history, topics.reportHealth, Outages.reportMinute("facebook", "BR", start, 1, 0.1));
    }
    assertThat(history.minutesHeld()).as("nothing goes while catching up").isEqualTo(360);
    Business shop =
        Shops.inSaoPaulo("loja", "Loja", "pt-BR")
            .setChannels(List.of(Shops.whatsAppSales(8_000L)))
            .build();
    IncidentReport.Customers before = history.report(shop, null).incidents().get(0).customers();

    history.caughtUp();

    // each key keeps its last hour (minutes 119..179); whatsapp also the outage's hour (60..118)
    assertThat(history.minutesHeld()).isEqualTo(61 + 61 + 59);
    assertThat(history.report(shop, null).incidents().get(0).customers())
        .as("what the report says of the customers is unchanged")
        .isEqualTo(before);
    assertThat(before.reports()).isEqualTo(2 * 60);

    read(
        history,
        topics.reportHealth,
        Outages.reportMinute("facebook", "BR", over.plus(Duration.ofDays(8)), 1, 0.1));
    assertThat(history.report(shop, null).incidents())
        .as("a week after, the incident and its minutes are gone")
        .isEmpty();
    assertThat(history.minutesHeld()).isEqualTo(1);
  }

  @Test
  void whatIsOlderThanAWeekGoesWhileEventTimeMovesOnAMinuteAtATime() {
    History history = new History(topics.businessNotices, topics.reportHealth);
    OutageEvent outage = Outages.outage("whatsapp", OutageScope.REGIONAL, List.of("BR"), 1.0);
    history.changed(outage);
    history.changed(Outages.resolved(outage, Outages.ONSET.plus(Duration.ofHours(1))));
    read(
        history,
        topics.businessNotices,
        Outages.notice("loja", outage, NoticeAction.TRIGGER, Outages.ONSET.plusSeconds(60)));
    history.caughtUp();
    Business shop =
        Shops.inSaoPaulo("loja", "Loja", "pt-BR")
            .setChannels(List.of(Shops.whatsAppSales(8_000L)))
            .build();
    assertThat(history.report(shop, null).incidents()).hasSize(1);
    // nine days of minutes, one after another, as a running pipeline writes them
    for (int m = 0; m < 9 * 24 * 60; m++) {
      read(
          history,
          topics.reportHealth,
          Outages.reportMinute("whatsapp", "BR", START.plus(Duration.ofMinutes(m)), 1, 0.0));
    }
    assertThat(history.report(shop, null).incidents())
        .as("more than a week later the incident is gone")
        .isEmpty();
    assertThat(history.minutesHeld()).as("the last hour of minutes").isEqualTo(61);
  }

  private static <V> void read(History history, Topic<String, V> topic, V value) {
    byte[] bytes = topic.valueSerde().serializer().serialize(topic.name(), value);
    assertThat(history.takes(new ConsumerRecord<>(topic.name(), 0, 0L, new byte[0], bytes)))
        .isTrue();
  }
}
