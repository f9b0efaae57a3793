package io.outageradar.service.status;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.outageradar.avro.HealthStatus;
import io.outageradar.avro.OutageEvent;
import io.outageradar.avro.OutageScope;
import io.outageradar.avro.OutageState;
import io.outageradar.avro.ProbeStatus;
import io.outageradar.avro.RegionWindowHealth;
import io.outageradar.avro.ReportCategory;
import io.outageradar.avro.ReportSource;
import io.outageradar.avro.ScoredReport;
import io.outageradar.avro.UserReport;
import io.outageradar.detection.impact.RevenueTable;
import io.outageradar.registry.MockSchemaRegistry;
import io.outageradar.testkit.Outages;
import io.outageradar.topics.Topics;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class StatusViewTest {
  private static final RevenueTable REVENUE =
      RevenueTable.parse("whatsapp|BR=2500.00 BRL,whatsapp|IN=90000 INR,whatsapp|US=1200.00 USD");
  private static final Instant ONSET = Outages.ONSET;

  private final StatusView view = new StatusView(REVENUE, false);

  @Test
  void anOpenConfirmedOutageIsAnOutageWithItsLossSoFarPerCurrency() {
    view.accept(window("whatsapp", "BR", ONSET.plus(Duration.ofHours(1)), HealthStatus.DOWN));
    view.accept(Outages.outage("whatsapp", OutageScope.GLOBAL, List.of("BR", "IN", "DE"), 1.0));

    ObjectNode overview = view.overview();
    JsonNode service = overview.get("services").get(0);
    assertThat(service.get("state").asText()).isEqualTo("outage");
    assertThat(service.get("cause").asText()).isEqualTo("DNS");
    JsonNode outage = overview.get("openOutages").get(0);
    assertThat(outage.get("durationSeconds").asLong())
        .as("up to the view's event time, not the wall clock")
        .isEqualTo(Duration.ofHours(1).toSeconds());
    // one hour at 2,500.00 BRL and 90,000 INR an hour; DE has no revenue configured
    assertThat(outage.get("loss").toString())
        .isEqualTo(
            "[{\"currency\":\"BRL\",\"amountMinor\":250000,\"amount\":\"2500.00\"},"
                + "{\"currency\":\"INR\",\"amountMinor\":9000000,\"amount\":\"90000.00\"}]");
    assertThat(overview.get("regions").get("BR").get("state").asText()).isEqualTo("outage");
    assertThat(overview.get("regions").has("US")).isFalse();
  }

  @Test
  void aServiceWhoseDataTrailsTheOthersIsCatchingUpAndSaysHowFarBehind() {
    // a historical replay (years before the clock): judged against the newest data on the page
    Instant front = ONSET.plus(Duration.ofHours(3));
    view.accept(window("instagram", "BR", front, HealthStatus.DOWN));
    view.accept(window("facebook", "BR", ONSET.plus(Duration.ofMinutes(20)), HealthStatus.HEALTHY));
    view.accept(window("whatsapp", "BR", front.minus(Duration.ofMinutes(1)), HealthStatus.HEALTHY));

    JsonNode services = view.overview().get("services");
    JsonNode facebook = services.get(0);
    assertThat(facebook.get("service").asText()).isEqualTo("facebook");
    assertThat(facebook.get("catchingUp").asBoolean()).isTrue();
    assertThat(facebook.get("behindSeconds").asLong())
        .isEqualTo(Duration.ofMinutes(160).toSeconds());
    assertThat(facebook.get("dataUntil").asText())
        .isEqualTo(ONSET.plus(Duration.ofMinutes(20)).toString());
    assertThat(services.get(1).get("catchingUp").asBoolean())
        .as("instagram is the front")
        .isFalse();
    assertThat(services.get(2).get("catchingUp").asBoolean())
        .as("whatsapp, a minute behind: current")
        .isFalse();
    assertThat(services.get(2).has("behindSeconds")).isFalse();
  }

  @Test
  void aLiveViewJudgesEveryServiceAgainstTheClock() {
    Instant wall = ONSET.plus(Duration.ofHours(5));
    StatusView live = new StatusView(REVENUE, false, Clock.fixed(wall, ZoneOffset.UTC));
    live.accept(window("whatsapp", "BR", wall.minus(Duration.ofMinutes(30)), HealthStatus.HEALTHY));

    JsonNode whatsapp = live.overview().get("services").get(0);
    assertThat(whatsapp.get("catchingUp").asBoolean()).isTrue();
    assertThat(whatsapp.get("behindSeconds").asLong()).isEqualTo(1800);
  }

  @Test
  void anOutageMergedIntoAGlobalOneIsNotOneMoreIncident() {
    OutageEvent global = Outages.outage("whatsapp", OutageScope.GLOBAL, List.of("BR", "IN"), 1.0);
    OutageEvent regional = Outages.outage("whatsapp", OutageScope.REGIONAL, List.of("BR"), 1.0);
    regional.setOutageId("whatsapp-br-20211004T154000Z");
    regional.setMergedInto(global.getOutageId());
    view.accept(regional);
    view.accept(global);

    assertThat(view.overview().get("outagesInHistory").asLong()).isEqualTo(1);
  }

  @Test
  void thePublicViewNeverCarriesMoney() {
    StatusView open = new StatusView(REVENUE, true);
    OutageEvent outage = Outages.outage("whatsapp", OutageScope.GLOBAL, List.of("BR"), 1.0);
    open.accept(outage);

    assertThat(open.overview().toString()).doesNotContain("loss").contains("whatsapp");
    assertThat(open.outage(outage.getOutageId()).orElseThrow().has("loss")).isFalse();
    assertThat(open.history("whatsapp").orElseThrow().toString()).doesNotContain("loss");
  }

  @Test
  void regionHealthKeepsTheDaysTheHistoryShowsSoARestartReadsThemBack() {
    String scope = StatusViewTest.class.getName();
    try {
      Topics topics = Topics.create(MockSchemaRegistry.forScope(scope));
      assertThat(topics.regionHealth.retention()).isGreaterThan(ServiceHistory.DAYS_KEPT);
    } finally {
      MockSchemaRegistry.drop(scope);
    }
  }

  @Test
  void suspectedDegradedAndRecoveringOutagesDegradeAndResolvedOnesAreHistory() {
    for (OutageState state :
        List.of(OutageState.SUSPECTED, OutageState.DEGRADED, OutageState.RECOVERING)) {
      StatusView one = new StatusView(REVENUE, false);
      one.accept(
          withState(Outages.outage("whatsapp", OutageScope.REGIONAL, List.of("BR"), 0.5), state));
      assertThat(one.overview().get("services").get(0).get("state").asText())
          .as(state.name())
          .isEqualTo("degraded");
    }
    OutageEvent resolved =
        withState(
            Outages.outage("whatsapp", OutageScope.REGIONAL, List.of("BR"), 0.5),
            OutageState.RESOLVED);
    resolved.setResolvedAt(ONSET.plus(Duration.ofHours(2)));
    resolved.setUpdatedAt(ONSET.plus(Duration.ofHours(2)));
    view.accept(resolved);
    ObjectNode overview = view.overview();
    assertThat(overview.get("services").get(0).get("state").asText()).isEqualTo("operational");
    assertThat(overview.get("openOutages")).isEmpty();
    assertThat(overview.get("recentOutages").get(0).get("durationSeconds").asLong())
        .isEqualTo(7200);
  }

  @Test
  void anOlderCopyOfAnOutageReadLateChangesNothing() {
    OutageEvent confirmed = Outages.outage("whatsapp", OutageScope.GLOBAL, List.of("BR"), 1.0);
    OutageEvent resolved =
        withState(OutageEvent.newBuilder(confirmed).build(), OutageState.RESOLVED);
    resolved.setResolvedAt(ONSET.plus(Duration.ofHours(1)));
    resolved.setUpdatedAt(ONSET.plus(Duration.ofHours(1)));
    List<StatusView.Change> heard = new ArrayList<>();
    view.onChange(heard::add);

    view.accept(resolved);
    view.accept(confirmed);

    assertThat(view.outage(confirmed.getOutageId()).orElseThrow().get("state").asText())
        .isEqualTo("RESOLVED");
    assertThat(heard).extracting(StatusView.Change::type).containsExactly("outage");
    assertThat(view.outageChangesSince(resolved.getUpdatedAt().toEpochMilli())).hasSize(1);
    assertThat(view.outageChangesSince(resolved.getUpdatedAt().toEpochMilli() + 1)).isEmpty();
  }

  @Test
  void theServicePageHasNinetyDaysOfUptimeAndTheLatestTextsWithoutTheirSenders() {
    Instant day = Instant.parse("2021-10-04T00:00:00Z");
    for (int minute = 0; minute < 60; minute++) {
      Instant end = day.plus(Duration.ofHours(15)).plus(Duration.ofMinutes(minute + 1));
      view.accept(
          window("whatsapp", "BR", end, minute < 15 ? HealthStatus.DOWN : HealthStatus.HEALTHY));
    }
    IntStream.range(0, 60).forEach(i -> view.accept(report("whatsapp", i)));

    JsonNode history = view.history("whatsapp").orElseThrow();
    assertThat(history.get("days")).hasSize(90);
    JsonNode today = history.get("days").get(89);
    assertThat(today.get("day").asText()).isEqualTo("2021-10-04");
    assertThat(today.get("uptime").get("BR").asDouble()).isEqualTo(75.0);
    assertThat(history.get("days").get(0).get("uptime").isEmpty()).isTrue();
    assertThat(history.get("categories").get(0).get("category").asText()).isEqualTo("MESSAGING");
    assertThat(history.get("categories").get(0).get("reports").asLong()).isEqualTo(60);

    JsonNode texts = view.recentReports("whatsapp", 5).orElseThrow();
    assertThat(texts).hasSize(5);
    assertThat(texts.get(0).get("text").asText()).isEqualTo("report 59");
    assertThat(texts.toString()).doesNotContain("reporter").doesNotContain("person-");
  }

  @Test
  void eachDayCountsTheOutagesThatTouchIt() {
    Instant day = Instant.parse("2021-10-01T00:00:00Z");
    // 1 Oct 22:00 to 2 Oct 02:00: both days
    view.accept(
        outageBetween(
            "across-midnight", day.plus(Duration.ofHours(22)), day.plus(Duration.ofHours(26))));
    // resolved at midnight exactly: that day too, as the outage list's overlap says
    view.accept(
        outageBetween("to-midnight", day.plus(Duration.ofHours(40)), day.plus(Duration.ofDays(2))));
    // open since 3 Oct: every day to today
    view.accept(
        outageBetween("open", day.plus(Duration.ofDays(2)).plus(Duration.ofHours(5)), null));
    view.accept(
        window(
            "whatsapp",
            "BR",
            day.plus(Duration.ofDays(4)).plus(Duration.ofHours(12)),
            HealthStatus.DOWN));

    JsonNode days = view.history("whatsapp").orElseThrow().get("days");
    assertThat(days.get(89).get("day").asText()).isEqualTo("2021-10-05");
    List<Long> lastFive = new ArrayList<>();
    for (int i = 85; i < 90; i++) {
      lastFive.add(days.get(i).get("outages").asLong());
    }
    // 1 Oct, 2 Oct, 3 Oct, 4 Oct, 5 Oct
    assertThat(lastFive).containsExactly(1L, 2L, 2L, 1L, 1L);
    assertThat(days.get(0).get("outages").asLong()).isZero();
  }

  private static OutageEvent outageBetween(String id, Instant onset, Instant resolvedAt) {
    OutageEvent outage = Outages.outage("whatsapp", OutageScope.REGIONAL, List.of("BR"), 0.5);
    outage.setOutageId(id);
    outage.setOnset(onset);
    outage.setConfirmedAt(onset);
    outage.setNotifiedAt(onset);
    if (resolvedAt != null) {
      outage.setState(OutageState.RESOLVED);
      outage.setResolvedAt(resolvedAt);
    }
    outage.setUpdatedAt(resolvedAt == null ? onset : resolvedAt);
    return outage;
  }

  @Test
  void outagesResolvedMoreThanNinetyDaysAgoAreForgotten() {
    OutageEvent old =
        withState(
            Outages.outage("whatsapp", OutageScope.REGIONAL, List.of("BR"), 0.5),
            OutageState.RESOLVED);
    old.setResolvedAt(ONSET.plus(Duration.ofHours(1)));
    old.setUpdatedAt(ONSET.plus(Duration.ofHours(1)));
    view.accept(old);
    view.accept(window("whatsapp", "BR", ONSET.plus(Duration.ofDays(90)), HealthStatus.HEALTHY));
    assertThat(view.outage(old.getOutageId())).as("89 days and 23 hours later").isPresent();
    view.accept(
        window(
            "whatsapp",
            "BR",
            ONSET.plus(Duration.ofDays(90)).plus(Duration.ofHours(2)),
            HealthStatus.HEALTHY));
    assertThat(view.outage(old.getOutageId())).isEmpty();
    assertThat(view.overview().get("outagesInHistory").asInt()).isZero();
  }

  @Test
  void unknownServicesAndOutagesAreAbsent() {
    view.accept(window("whatsapp", "BR", ONSET, HealthStatus.HEALTHY));
    assertThat(view.knows("whatsapp")).isTrue();
    assertThat(view.history("myspace")).isEmpty();
    assertThat(view.recentReports("myspace", 5)).isEmpty();
    assertThat(view.outage("myspace-global-20211004T154000Z")).isEmpty();
  }

  private static OutageEvent withState(OutageEvent outage, OutageState state) {
    outage.setState(state);
    return outage;
  }

  static RegionWindowHealth window(
      String service, String region, Instant end, HealthStatus status) {
    boolean down = status == HealthStatus.DOWN;
    return RegionWindowHealth.newBuilder()
        .setService(service)
        .setRegion(region)
        .setWindowStart(end.minus(Duration.ofMinutes(1)))
        .setWindowEnd(end)
        .setAgents(3)
        .setFailingAgents(down ? 3 : 0)
        .setFailureRatio(down ? 1.0 : 0.0)
        .setChecks(9)
        .setFailedChecks(down ? 9 : 0)
        .setDominantFailure(down ? ProbeStatus.DNS_SERVFAIL : ProbeStatus.OK)
        .setLatencyP50Ms(null)
        .setLatencyP95Ms(null)
        .setStatus(status)
        .build();
  }

  private static ScoredReport report(String service, int i) {
    UserReport report =
        UserReport.newBuilder()
            .setReportId("r-" + i)
            .setService(service)
            .setRegion("BR")
            .setReporterId("person-" + i)
            .setSource(ReportSource.APP)
            .setCategory(ReportCategory.MESSAGING)
            .setText("report " + i)
            .setLang("en")
            .setReportedAt(ONSET.plusSeconds(i))
            .build();
    return new ScoredReport(report, -0.5, 0.0, 0.5, 0.5, "en");
  }
}
