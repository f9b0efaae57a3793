package io.outageradar.producers.probe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.outageradar.avro.CheckKind;
import io.outageradar.avro.ProbeStatus;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConditionTest {
  private static final CheckOutcome HTTP_OK =
      CheckOutcome.ok(
          120,
          200,
          10,
          Observation.http(
              200,
              Map.of("Content-Type", List.of("application/json"), "X-Served-By", List.of("edge-7")),
              "{\"status\":\"UP\",\"data\":[{\"id\":42,\"load\":0.7}],\"version\":\"2.1\"}"));

  private static final CheckOutcome DNS_OK =
      CheckOutcome.ok(8, null, null, Observation.dns(List.of("157.240.0.35", "157.240.1.35")));

  private static boolean http(String condition) {
    return Condition.parse(condition, CheckKind.HTTP).holds(HTTP_OK);
  }

  @Test
  void statusInASetBelowABoundOrExactly() {
    assertThat(http("[STATUS] == 200")).isTrue();
    assertThat(http("[STATUS] == any(200, 204)")).isTrue();
    assertThat(http("[STATUS] == any(201, 204)")).isFalse();
    assertThat(http("[STATUS] < 300")).isTrue();
    assertThat(http("[STATUS] != 200")).isFalse();
  }

  @Test
  void responseTimeBelowABound() {
    assertThat(http("[RESPONSE_TIME] < 500")).isTrue();
    assertThat(http("[RESPONSE_TIME] < 100ms")).isFalse();
  }

  @Test
  void headersPresentOrEqualWhateverTheCaseOfTheirName() {
    assertThat(http("has([HEADER].x-served-by)")).isTrue();
    assertThat(http("has([HEADER].X-Cache) == false")).isTrue();
    assertThat(http("[HEADER].Content-Type == application/json")).isTrue();
    assertThat(http("[HEADER].Content-Type == pat(text/*)")).isFalse();
  }

  @Test
  void bodyContainsAndJsonPaths() {
    assertThat(http("[BODY] == pat(*\"UP\"*)")).isTrue();
    assertThat(http("[BODY] == pat(*DOWN*)")).isFalse();
    assertThat(http("[BODY].status == UP")).isTrue();
    assertThat(http("[BODY].data[0].id == 42")).isTrue();
    assertThat(http("[BODY].data[0].load < 0.5")).isFalse();
    assertThat(http("[BODY].version == any(2.0, 2.1)")).isTrue();
    assertThat(http("has([BODY].data[0].id)")).isTrue();
    assertThat(http("has([BODY].errors) == false")).isTrue();
  }

  @Test
  void dnsAnswerContains() {
    assertThat(Condition.parse("[DNS_ANSWER] == 157.240.1.35", CheckKind.DNS).holds(DNS_OK))
        .isTrue();
    assertThat(Condition.parse("[DNS_ANSWER] == pat(157.240.*)", CheckKind.DNS).holds(DNS_OK))
        .isTrue();
    assertThat(Condition.parse("[DNS_ANSWER] == 10.0.0.1", CheckKind.DNS).holds(DNS_OK)).isFalse();
  }

  @Test
  void certificateExpiresInMoreThanNDays() {
    assertThat(http("[CERTIFICATE_EXPIRATION] > 7d")).isTrue();
    assertThat(http("[CERTIFICATE_EXPIRATION] > 14")).isFalse();
    assertThat(http("[CERTIFICATE_EXPIRATION] > 48h")).isTrue();
  }

  @Test
  void aFailedConditionNamesItselfAndGivesTheStatusClassOfWhatFailed() {
    Condition slow = Condition.parse("[RESPONSE_TIME] < 100", CheckKind.HTTP);
    CheckOutcome failed = HTTP_OK.failing(slow);
    assertThat(failed.status()).isEqualTo(ProbeStatus.TIMEOUT);
    assertThat(failed.failedCondition()).isEqualTo("[RESPONSE_TIME] < 100");
    assertThat(
            HTTP_OK
                .failing(Condition.parse("[CERTIFICATE_EXPIRATION] > 14d", CheckKind.TLS))
                .status())
        .isEqualTo(ProbeStatus.TLS_ERROR);
    assertThat(HTTP_OK.failing(Condition.parse("[BODY].status == DOWN", CheckKind.HTTP)).status())
        .isEqualTo(ProbeStatus.HTTP_UNEXPECTED);
  }

  @Test
  void badConditionsSayWhatIsWrong() {
    assertThatThrownBy(() -> Condition.parse("[STATUS] = 200", CheckKind.HTTP))
        .hasMessageContaining("is not \"[SUBJECT] OP EXPECTED\"");
    assertThatThrownBy(() -> Condition.parse("[LATENCY] < 5", CheckKind.HTTP))
        .hasMessageContaining("[LATENCY] is not one of");
    assertThatThrownBy(() -> Condition.parse("[DNS_ANSWER] == 1.2.3.4", CheckKind.HTTP))
        .hasMessageContaining("applies to [DNS] checks, not HTTP");
    assertThatThrownBy(() -> Condition.parse("[STATUS] < fast", CheckKind.HTTP))
        .hasMessageContaining("\"fast\" is not a number");
    assertThatThrownBy(() -> Condition.parse("[HEADER] == x", CheckKind.HTTP))
        .hasMessageContaining("[HEADER] needs a name");
  }
}
