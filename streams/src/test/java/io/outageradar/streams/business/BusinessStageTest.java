package io.outageradar.streams.business;

import static org.assertj.core.api.Assertions.assertThat;

import io.outageradar.avro.Business;
import io.outageradar.avro.BusinessChannel;
import io.outageradar.avro.BusinessContact;
import io.outageradar.avro.BusinessImpact;
import io.outageradar.avro.BusinessNotice;
import io.outageradar.avro.CauseHint;
import io.outageradar.avro.ChannelRole;
import io.outageradar.avro.ContactKind;
import io.outageradar.avro.Money;
import io.outageradar.avro.NoticeAction;
import io.outageradar.avro.OutageEvent;
import io.outageradar.avro.OutageScope;
import io.outageradar.avro.OutageState;
import io.outageradar.registry.MockSchemaRegistry;
import io.outageradar.streams.StreamsProperties;
import io.outageradar.topics.Topics;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.kstream.Consumed;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fan-out over many businesses: each one hurt is told once when the outage pages and once when
 * it is resolved, however many changes come between or are delivered again; one not hurt hears
 * nothing; a deleted one hears nothing more.
 */
class BusinessStageTest {
  private static final int BUSINESSES = 10_000;
  private static final Instant ONSET = Instant.parse("2021-10-04T15:40:30Z");

  @TempDir Path stateDir;
  private final String scope = "business-stage-" + UUID.randomUUID();

  @AfterEach
  void drop() {
    MockSchemaRegistry.drop(scope);
  }

  @Test
  void tenThousandBusinessesAreEachToldOnceOfTheOutageThatHurtsThem() {
    try (Stage stage = new Stage(Topics.create(MockSchemaRegistry.forScope(scope)), stateDir)) {
      TestInputTopic<String, Business> profiles = stage.profiles;
      TestInputTopic<String, OutageEvent> outages = stage.outages;
      for (int i = 0; i < BUSINESSES; i++) {
        // every tenth sells in Germany, where the outage never is
        Business business = business("shop-" + i, i % 10 == 0 ? "DE" : "BR");
        profiles.pipeInput(business.getId(), business);
      }
      profiles.pipeInput("shop-1", null); // deleted before the outage

      Instant paged = ONSET.plusSeconds(60);
      outages.pipeInput("wa", outage(OutageState.SUSPECTED, ONSET, null, null));
      outages.pipeInput("wa", outage(OutageState.CONFIRMED, paged, paged, null));
      outages.pipeInput("wa", outage(OutageState.CONFIRMED, paged, paged, null)); // again
      profiles.pipeInput("shop-2", null); // deleted during the outage
      outages.pipeInput("wa", outage(OutageState.RECOVERING, paged.plusSeconds(3600), paged, null));
      Instant resolved = ONSET.plusSeconds(2 * 3600);
      outages.pipeInput("wa", outage(OutageState.RESOLVED, resolved, paged, resolved));
      outages.pipeInput("wa", outage(OutageState.RESOLVED, resolved, paged, resolved)); // again

      List<BusinessNotice> notices = stage.notices();
      int hurt = BUSINESSES - BUSINESSES / 10 - 1;
      // shop-2, deleted during the outage, was told of it and is told nothing more
      assertThat(
              notices.stream()
                  .filter(n -> n.getBusinessId().equals("shop-2"))
                  .map(BusinessNotice::getAction))
          .containsExactly(NoticeAction.TRIGGER);
      notices = notices.stream().filter(n -> !n.getBusinessId().equals("shop-2")).toList();
      hurt--;
      Map<NoticeAction, Set<String>> byAction =
          notices.stream()
              .collect(
                  Collectors.groupingBy(
                      BusinessNotice::getAction,
                      Collectors.mapping(BusinessNotice::getBusinessId, Collectors.toSet())));
      assertThat(notices).hasSize(2 * hurt);
      assertThat(byAction.get(NoticeAction.TRIGGER))
          .hasSize(hurt)
          .doesNotContain("shop-1", "shop-0");
      assertThat(byAction.get(NoticeAction.RESOLVE)).isEqualTo(byAction.get(NoticeAction.TRIGGER));
      BusinessNotice resolve =
          notices.stream()
              .filter(
                  n -> n.getAction() == NoticeAction.RESOLVE && n.getBusinessId().equals("shop-7"))
              .findFirst()
              .orElseThrow();
      // 2 h of 12.34 BRL an hour
      assertThat(resolve.getLoss()).containsExactly(new Money(2_468L, "BRL"));
      assertThat(resolve.getDurationMs()).isEqualTo(2 * 3_600_000L);

      Map<String, List<BusinessImpact>> impacts = stage.impacts();
      List<BusinessImpact> shop2 = impacts.remove("shop-2");
      assertThat(shop2.get(shop2.size() - 1))
          .as("a deleted business's impact goes too (tombstone)")
          .isNull();
      assertThat(impacts).hasSize(hurt).doesNotContainKeys("shop-0", "shop-1");
      List<BusinessImpact> shop7 = impacts.get("shop-7");
      BusinessImpact recovering = shop7.get(shop7.size() - 2);
      assertThat(recovering.getChannels())
          .singleElement()
          .satisfies(
              channel -> {
                assertThat(channel.getChannelId()).isEqualTo("wa");
                assertThat(channel.getRegions()).containsExactly("BR");
                assertThat(channel.getSince()).isEqualTo(ONSET);
              });
      // 61 min (onset to the recovering change) of 12.34 BRL an hour
      assertThat(recovering.getLoss()).containsExactly(new Money(1_255L, "BRL"));
      assertThat(shop7.get(shop7.size() - 1).getChannels())
          .as("resolved: nothing hurts any more")
          .isEmpty();
    }
  }

  @Test
  void aProfileThatMovesToOrFromTheServiceDuringTheOutageIsToldAsItsProfileSaysThen() {
    try (Stage stage = new Stage(Topics.create(MockSchemaRegistry.forScope(scope)), stateDir)) {
      TestInputTopic<String, Business> profiles = stage.profiles;
      TestInputTopic<String, OutageEvent> outages = stage.outages;
      for (Business business :
          List.of(
              business("leaves", "BR", "whatsapp"),
              business("joins", "BR", "instagram"),
              business("elsewhere", "BR", "instagram"))) {
        profiles.pipeInput(business.getId(), business);
      }
      Instant paged = ONSET.plusSeconds(60);
      outages.pipeInput("wa", outage(OutageState.CONFIRMED, paged, paged, null));
      profiles.pipeInput("leaves", business("leaves", "BR", "instagram"));
      profiles.pipeInput("joins", business("joins", "BR", "whatsapp"));
      outages.pipeInput("wa", outage(OutageState.RECOVERING, paged.plusSeconds(600), paged, null));
      Instant resolved = ONSET.plusSeconds(3600);
      outages.pipeInput("wa", outage(OutageState.RESOLVED, resolved, paged, resolved));

      List<String> told =
          stage.notices().stream()
              .map(notice -> notice.getBusinessId() + " " + notice.getAction())
              .toList();
      assertThat(told)
          .as("told of it while on whatsapp, so told of its end; the newcomer at the next change")
          .containsExactly("leaves TRIGGER", "joins TRIGGER", "joins RESOLVE", "leaves RESOLVE");
      Map<String, List<BusinessImpact>> impacts = stage.impacts();
      assertThat(impacts).doesNotContainKey("elsewhere");
      List<BusinessImpact> leaves = impacts.get("leaves");
      assertThat(leaves.get(leaves.size() - 1).getChannels())
          .as("no longer on whatsapp: the outage's part in its impact goes")
          .isEmpty();
      assertThat(impacts.get("joins").get(0).getChannels()).hasSize(1);
    }
  }

  /** The business stage alone in a test driver, fed outage changes and profiles. */
  private static final class Stage implements AutoCloseable {
    final Topics topics;
    final TopologyTestDriver driver;
    final TestInputTopic<String, Business> profiles;
    final TestInputTopic<String, OutageEvent> outages;

    Stage(Topics topics, Path stateDir) {
      this.topics = topics;
      StreamsBuilder builder = new StreamsBuilder();
      BusinessStage.addTo(
          builder,
          builder.stream(
              topics.outages.name(),
              Consumed.with(topics.outages.keySerde(), topics.outages.valueSerde())),
          topics);
      driver =
          new TopologyTestDriver(
              builder.build(),
              StreamsProperties.of(
                  "business-stage-test", "dummy:9092", topics.deadLetters.name(), stateDir, false));
      profiles =
          driver.createInputTopic(
              topics.businesses.name(),
              topics.businesses.keySerde().serializer(),
              topics.businesses.valueSerde().serializer());
      outages =
          driver.createInputTopic(
              topics.outages.name(),
              topics.outages.keySerde().serializer(),
              topics.outages.valueSerde().serializer());
    }

    List<BusinessNotice> notices() {
      return driver
          .createOutputTopic(
              topics.businessNotices.name(),
              topics.businessNotices.keySerde().deserializer(),
              topics.businessNotices.valueSerde().deserializer())
          .readValuesToList();
    }

    /** Each business's impacts in the order they came. */
    Map<String, List<BusinessImpact>> impacts() {
      return driver
          .createOutputTopic(
              topics.businessImpact.name(),
              topics.businessImpact.keySerde().deserializer(),
              topics.businessImpact.valueSerde().deserializer())
          .readKeyValuesToList()
          .stream()
          .collect(
              Collectors.groupingBy(
                  kv -> kv.key, Collectors.mapping(kv -> kv.value, Collectors.toList())));
    }

    @Override
    public void close() {
      driver.close();
    }
  }

  private static Business business(String id, String region) {
    return business(id, region, "whatsapp");
  }

  private static Business business(String id, String region, String service) {
    return Business.newBuilder()
        .setId(id)
        .setName(id)
        .setCurrency("BRL")
        .setTimeZone("America/Sao_Paulo")
        .setLanguages(List.of("pt-BR"))
        .setContacts(
            List.of(
                new BusinessContact("mail", ContactKind.EMAIL, id + "@example.com", null, null)))
        .setChannels(
            List.of(
                BusinessChannel.newBuilder()
                    .setId("wa")
                    .setRole(ChannelRole.SALES)
                    .setService(service)
                    .setRegions(List.of(region))
                    .setRevenuePerHour(new Money(1_234L, "BRL"))
                    .setFallbackText(Map.of())
                    .build()))
        .build();
  }

  private static OutageEvent outage(
      OutageState state, Instant at, Instant notified, Instant resolved) {
    return OutageEvent.newBuilder()
        .setOutageId("whatsapp-global-20211004T154030Z")
        .setService("whatsapp")
        .setScope(OutageScope.GLOBAL)
        .setRegions(List.of("BR", "US"))
        .setState(state)
        .setCause(CauseHint.DNS)
        .setOnset(ONSET)
        .setConfirmedAt(notified)
        .setResolvedAt(resolved)
        .setNotifiedAt(notified)
        .setPeakFailureRatio(1.0)
        .setUpdatedAt(at)
        .build();
  }
}
