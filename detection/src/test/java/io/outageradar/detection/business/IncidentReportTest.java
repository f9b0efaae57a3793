package io.outageradar.detection.business;

import static io.outageradar.detection.business.BusinessNoticesTest.outage;
import static io.outageradar.detection.business.BusinessNoticesTest.shop;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import io.outageradar.avro.BusinessNotice;
import io.outageradar.avro.Money;
import io.outageradar.avro.NoticeAction;
import io.outageradar.avro.OutageEvent;
import io.outageradar.avro.OutageState;
import io.outageradar.avro.ReportWindowStats;
import io.outageradar.detection.business.IncidentReport.Incident;
import io.outageradar.testkit.Outages;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A business's incident report: its own notices and channels only, the loss, who was told how. */
class IncidentReportTest {
  private static final Instant ONSET = Instant.parse("2021-10-04T15:40:00Z");
  private static final Instant PAGED = ONSET.plusSeconds(90);
  private static final Instant RESOLVED = ONSET.plusSeconds(6 * 3600);

  private static final List<OutageEvent> CHANGES =
      List.of(
          outage("whatsapp", List.of("BR", "US"), OutageState.CONFIRMED, PAGED, PAGED),
          outage("whatsapp", List.of("BR", "US"), OutageState.RESOLVED, RESOLVED, PAGED));

  private static BusinessNotice notice(String business, NoticeAction action, Instant at) {
    return BusinessNotice.newBuilder()
        .setBusinessId(business)
        .setOutageId("whatsapp-global-1")
        .setDedupKey(business + "|whatsapp-global-1")
        .setAction(action)
        .setAt(at)
        .setService("whatsapp")
        .setRegions(List.of("BR"))
        .setChannels(List.of("wa-sales"))
        .setSince(ONSET)
        .setDurationMs(null)
        .setLoss(List.of())
        .build();
  }

  @Test
  void anIncidentSaysHowLongEachChannelWasDownWhatItCostAndHowTheBusinessWasTold() {
    List<BusinessNotice> notices =
        List.of(
            notice("loja", NoticeAction.TRIGGER, PAGED),
            notice("someone-else", NoticeAction.TRIGGER, PAGED),
            notice("loja", NoticeAction.RESOLVE, RESOLVED));
    List<ReportWindowStats> minutes =
        List.of(
            Outages.reportMinute("whatsapp", "BR", ONSET.plusSeconds(60), 30, -0.6),
            Outages.reportMinute("whatsapp", "BR", ONSET.plusSeconds(120), 10, -0.2),
            Outages.reportMinute(
                "whatsapp", "US", ONSET.plusSeconds(60), 99, -0.9), // not where loja sells
            Outages.reportMinute(
                "instagram", "BR", ONSET.plusSeconds(60), 99, -0.9), // another platform
            Outages.reportMinute("whatsapp", "BR", RESOLVED.plusSeconds(60), 99, 0.5)); // after it

    IncidentReport report = IncidentReport.of(shop(), notices, CHANGES, minutes, null);

    assertThat(report.businessId()).isEqualTo("loja");
    assertThat(report.asOf()).isEqualTo(RESOLVED);
    Incident incident = report.incidents().get(0);
    assertThat(report.incidents()).hasSize(1);
    assertThat(incident.platform()).isEqualTo("whatsapp");
    assertThat(incident.regions()).as("the business's regions only").containsExactly("BR");
    assertThat(incident.onset()).isEqualTo(ONSET);
    assertThat(incident.confirmed()).isEqualTo(PAGED);
    assertThat(incident.resolved()).isEqualTo(RESOLVED);
    assertThat(incident.channels())
        .singleElement()
        .satisfies(
            channel -> {
              assertThat(channel.channel()).isEqualTo("wa-sales");
              assertThat(channel.minutesDown()).isEqualTo(360);
              // 80.00 BRL an hour, six hours, everything unavailable
              assertThat(channel.loss()).containsExactly(new Money(48_000L, "BRL"));
            });
    assertThat(incident.loss()).containsExactly(new Money(48_000L, "BRL"));
    assertThat(incident.notices())
        .extracting(IncidentReport.Told::action)
        .containsExactly(NoticeAction.TRIGGER, NoticeAction.RESOLVE);
    assertThat(incident.notices().get(0).via()).containsExactly("mail");
    assertThat(incident.notices().get(0).skipped())
        .singleElement()
        .satisfies(skipped -> assertThat(skipped.contact()).isEqualTo("wa"));
    assertThat(incident.notices().get(1).via()).containsExactly("wa", "mail");
    assertThat(incident.customers().reports()).isEqualTo(40);
    assertThat(incident.customers().meanSentiment()).isCloseTo(-0.5, offset(1e-9));
    assertThat(incident.customers().negativeShare()).isCloseTo(0.8, offset(1e-9));
  }

  @Test
  void aBusinessToldOfNothingHasNoIncidentsAndAnotherOutageIdSelectsNone() {
    List<BusinessNotice> notices = List.of(notice("someone-else", NoticeAction.TRIGGER, PAGED));

    assertThat(IncidentReport.of(shop(), notices, CHANGES, List.of(), null).incidents()).isEmpty();
    assertThat(
            IncidentReport.of(
                    shop(),
                    List.of(notice("loja", NoticeAction.TRIGGER, PAGED)),
                    CHANGES,
                    List.of(),
                    "another-outage")
                .incidents())
        .isEmpty();
  }

  @Test
  void anOngoingIncidentCountsUpToTheLatestChange() {
    IncidentReport report =
        IncidentReport.of(
            shop(),
            List.of(notice("loja", NoticeAction.TRIGGER, PAGED)),
            CHANGES.subList(0, 1),
            List.of(),
            null);

    Incident incident = report.incidents().get(0);
    assertThat(incident.resolved()).isNull();
    assertThat(incident.channels().get(0).minutesDown()).isEqualTo(1);
    assertThat(incident.customers().meanSentiment()).as("nothing scored").isNull();
  }
}
