package io.outageradar.detection.business;

import static org.assertj.core.api.Assertions.assertThat;

import io.outageradar.avro.Business;
import io.outageradar.avro.BusinessChannel;
import io.outageradar.avro.BusinessContact;
import io.outageradar.avro.BusinessNotice;
import io.outageradar.avro.CauseHint;
import io.outageradar.avro.ChannelRole;
import io.outageradar.avro.ContactKind;
import io.outageradar.avro.Money;
import io.outageradar.avro.NoticeAction;
import io.outageradar.avro.OutageEvent;
import io.outageradar.avro.OutageScope;
import io.outageradar.avro.OutageState;
import io.outageradar.detection.business.BusinessNotices.Decision;
import io.outageradar.detection.business.BusinessNotices.Told;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** One TRIGGER and one RESOLVE per business per outage, with the loss from its own revenue. */
class BusinessNoticesTest {
  private static final Instant ONSET = Instant.parse("2021-10-04T15:40:00Z");

  static Business shop() {
    return Business.newBuilder()
        .setId("loja")
        .setName("Loja")
        .setCurrency("BRL")
        .setTimeZone("America/Sao_Paulo")
        .setLanguages(List.of("pt-BR"))
        .setDailyRevenue(new Money(240_000L, "BRL"))
        .setContacts(
            List.of(
                new BusinessContact("wa", ContactKind.SMS, null, "https://sms.example", "whatsapp"),
                new BusinessContact("mail", ContactKind.EMAIL, "a@b.example", null, null)))
        .setChannels(
            List.of(
                channel("wa-sales", "whatsapp", List.of("BR"), new Money(8_000L, "BRL"), null),
                channel("wa-leads", "whatsapp", List.of("PT"), null, "0.5"),
                channel("ig-us", "instagram", List.of("US"), new Money(1_000L, "USD"), null)))
        .build();
  }

  private static BusinessChannel channel(
      String id, String service, List<String> regions, Money perHour, String dailyShare) {
    return BusinessChannel.newBuilder()
        .setId(id)
        .setRole(ChannelRole.SALES)
        .setService(service)
        .setRegions(regions)
        .setRevenuePerHour(perHour)
        .setDailyShare(dailyShare)
        .setFallbackText(Map.of())
        .build();
  }

  static OutageEvent outage(
      String service, List<String> regions, OutageState state, Instant at, Instant notified) {
    return OutageEvent.newBuilder()
        .setOutageId(service + "-global-1")
        .setService(service)
        .setScope(OutageScope.GLOBAL)
        .setRegions(regions)
        .setState(state)
        .setOnset(ONSET)
        .setConfirmedAt(notified)
        .setResolvedAt(state == OutageState.RESOLVED ? at : null)
        .setNotifiedAt(notified)
        .setCause(CauseHint.UNKNOWN)
        .setUpdatedAt(at)
        .build();
  }

  @Test
  void anOutageNotYetPagedTellsNothing() {
    Decision decision =
        BusinessNotices.decide(
            outage("whatsapp", List.of("BR"), OutageState.SUSPECTED, ONSET, null), shop(), null);

    assertThat(decision.notice()).isEmpty();
    assertThat(decision.told()).isNull();
  }

  @Test
  void anOutageElsewhereOrOnAnotherServiceTellsNothing() {
    Instant at = ONSET.plusSeconds(90);
    assertThat(
            BusinessNotices.decide(
                    outage("whatsapp", List.of("DE"), OutageState.CONFIRMED, at, at), shop(), null)
                .notice())
        .isEmpty();
    assertThat(
            BusinessNotices.decide(
                    outage("facebook", List.of("BR"), OutageState.CONFIRMED, at, at), shop(), null)
                .notice())
        .isEmpty();
  }

  @Test
  void thePageTriggersOnceWithTheLossSoFarThenTheResolutionResolvesWithTheTotal() {
    Instant paged = ONSET.plusSeconds(90);
    Decision trigger =
        BusinessNotices.decide(
            outage("whatsapp", List.of("BR", "PT"), OutageState.CONFIRMED, paged, paged),
            shop(),
            null);
    BusinessNotice notice = trigger.notice().orElseThrow();
    assertThat(notice.getAction()).isEqualTo(NoticeAction.TRIGGER);
    assertThat(notice.getDedupKey()).isEqualTo("loja|whatsapp-global-1");
    assertThat(notice.getChannels()).containsExactly("wa-sales", "wa-leads");
    assertThat(notice.getRegions()).containsExactly("BR", "PT");
    // 90 s of 80.00 BRL/h (200 minor) + 90 s of half of 2,400.00 BRL a day = 50.00 BRL/h (125)
    assertThat(notice.getLoss()).containsExactly(new Money(325L, "BRL"));

    Decision again =
        BusinessNotices.decide(
            outage(
                "whatsapp",
                List.of("BR", "PT"),
                OutageState.CONFIRMED,
                paged.plusSeconds(60),
                paged),
            shop(),
            trigger.told());
    assertThat(again.notice()).as("a later change of the same outage").isEmpty();

    Instant resolved = ONSET.plus(java.time.Duration.ofHours(6));
    BusinessNotice resolve =
        BusinessNotices.decide(
                outage("whatsapp", List.of("BR", "PT"), OutageState.RESOLVED, resolved, paged),
                shop(),
                Told.TRIGGERED)
            .notice()
            .orElseThrow();
    assertThat(resolve.getAction()).isEqualTo(NoticeAction.RESOLVE);
    assertThat(resolve.getDurationMs()).isEqualTo(6 * 3_600_000L);
    // 6 h × (80.00 + 50.00) BRL/h
    assertThat(resolve.getLoss()).containsExactly(new Money(78_000L, "BRL"));
  }

  @Test
  void afterTheResolveNothingMoreIsToldEvenIfTheOutageReopens() {
    Instant at = ONSET.plus(java.time.Duration.ofHours(7));
    assertThat(
            BusinessNotices.decide(
                    outage("whatsapp", List.of("BR"), OutageState.CONFIRMED, at, ONSET),
                    shop(),
                    Told.RESOLVED)
                .notice())
        .isEmpty();
  }

  @Test
  void aContactRidingOnAPlatformDownWhereTheBusinessIsIsSkipped() {
    ContactChoice.Choice choice = ContactChoice.of(shop(), Map.of("whatsapp", Set.of("BR", "DE")));

    assertThat(choice.via()).containsExactly("mail");
    assertThat(choice.skipped())
        .containsExactly(
            new ContactChoice.Skipped(
                "wa", "rides on whatsapp, which is down in BR", "whatsapp", List.of("BR")));
    assertThat(ContactChoice.of(shop(), Map.of("whatsapp", Set.of("DE"))).via())
        .as("down only where the business is not")
        .containsExactly("wa", "mail");
  }
}
