package io.outageradar.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.outageradar.avro.ProbeResult;
import io.outageradar.avro.ProbeStatus;
import io.outageradar.avro.UserReport;
import io.outageradar.simulation.LoadGenerator.InjectedOutage;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;

class LoadGeneratorTest {
  private static final Instant T0 = Instant.parse("2026-11-25T12:00:00Z");

  /** A clock the test moves by hand. */
  private static final class HandClock extends Clock {
    Instant now = T0;

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  @Test
  void spreadsEventsEvenlyOverTheKeysWithThreeAgentsEachAndOneReportRoundInTen() {
    List<SpecificRecord> events =
        new LoadGenerator(50, 1, new HandClock(), List.of()).stream().limit(50 * 30).toList();

    var perKey =
        events.stream()
            .collect(Collectors.groupingBy(ScenarioEvents::keyOf, Collectors.counting()));
    assertThat(perKey).hasSize(50).allSatisfy((key, count) -> assertThat(count).isEqualTo(30));
    assertThat(perKey)
        .containsKeys("svc-00000|US", "svc-00000|AU", "svc-00002|US", "svc-00002|MX")
        .doesNotContainKey("svc-00002|AR");
    assertThat(events).filteredOn(e -> e instanceof UserReport).hasSize(50 * 3);
    assertThat(events)
        .filteredOn(
            e ->
                e instanceof ProbeResult p
                    && p.getService().equals("svc-00001")
                    && p.getRegion().equals("BR"))
        .extracting(e -> ((ProbeResult) e).getAgent())
        .containsOnly("br-load-0", "br-load-1", "br-load-2");
    assertThat(events)
        .filteredOn(e -> e instanceof ProbeResult)
        .extracting(e -> ((ProbeResult) e).getStatus())
        .containsOnly(ProbeStatus.OK);
  }

  @Test
  void anInjectedOutageFailsItsKeyOnlyWhileItLasts() {
    HandClock clock = new HandClock();
    LoadGenerator load =
        new LoadGenerator(
            4, 1, clock, List.of(new InjectedOutage(2, T0.plusSeconds(10), T0.plusSeconds(20))));
    Function<Integer, List<ProbeStatus>> statusesOfKey2 =
        rounds ->
            load.stream()
                .limit(4L * rounds)
                .filter(
                    e ->
                        e instanceof ProbeResult p
                            && ScenarioEvents.keyOf(p).equals(LoadGenerator.key(2).key()))
                .map(e -> ((ProbeResult) e).getStatus())
                .toList();

    assertThat(statusesOfKey2.apply(3)).containsOnly(ProbeStatus.OK);
    clock.now = T0.plusSeconds(10);
    assertThat(statusesOfKey2.apply(3)).containsOnly(ProbeStatus.DNS_SERVFAIL);
    clock.now = T0.plusSeconds(20);
    assertThat(statusesOfKey2.apply(3)).containsOnly(ProbeStatus.OK);
  }

  @Test
  void stampsEventsWithTheClock() {
    HandClock clock = new HandClock();
    LoadGenerator load = new LoadGenerator(3, 1, clock, List.of());
    clock.now = T0.plus(Duration.ofMinutes(5));
    assertThat(ScenarioEvents.timeOf(load.next())).isEqualTo(T0.plus(Duration.ofMinutes(5)));
  }

  @Test
  void rejectsAnOutageOnAKeyItDoesNotHave() {
    assertThatThrownBy(
            () ->
                new LoadGenerator(
                    4, 1, Clock.systemUTC(), List.of(new InjectedOutage(4, T0, T0.plusSeconds(1)))))
        .hasMessageContaining("key 4 outside 0..3");
  }
}
