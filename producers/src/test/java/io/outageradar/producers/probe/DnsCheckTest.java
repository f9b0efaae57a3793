package io.outageradar.producers.probe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.outageradar.avro.ProbeStatus;
import io.outageradar.producers.probe.FakeDnsServer.Answer;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * DNS checks through a real UDP responder: each failure class the JDK resolver cannot tell apart.
 */
class DnsCheckTest {
  private static FakeDnsServer dns;

  @BeforeAll
  static void start() throws Exception {
    dns =
        new FakeDnsServer(
            Map.of(
                "web.whatsapp.com", Answer.ADDRESS,
                "facebook.com", Answer.SERVFAIL,
                "gone.example", Answer.NXDOMAIN,
                "v4only.example", Answer.NO_RECORDS,
                "blackhole.example", Answer.SILENCE));
  }

  @AfterAll
  static void stop() throws InterruptedException {
    dns.close();
  }

  private static CheckOutcome check(String name, Duration timeout) {
    return new DnsCheck(name, "A", dns.address()).run(timeout);
  }

  @Test
  void anAnsweredNameIsOk() {
    CheckOutcome outcome = check("web.whatsapp.com", Duration.ofSeconds(2));
    assertThat(outcome.status()).as(String.valueOf(outcome.detail())).isEqualTo(ProbeStatus.OK);
    assertThat(outcome.latencyMs()).isNotNull();
  }

  @Test
  void servfailIsTheResolverFailingNotTheNameMissing() {
    CheckOutcome outcome = check("facebook.com", Duration.ofSeconds(2));
    assertThat(outcome.status()).isEqualTo(ProbeStatus.DNS_SERVFAIL);
    assertThat(outcome.detail()).contains("SERVFAIL");
  }

  @Test
  void nxdomainIsTheNameMissing() {
    CheckOutcome outcome = check("gone.example", Duration.ofSeconds(2));
    assertThat(outcome.status()).isEqualTo(ProbeStatus.DNS_NXDOMAIN);
    assertThat(outcome.detail()).contains("NXDOMAIN");
  }

  @Test
  void anEmptyAnswerMeansNoRecordOfTheType() {
    CheckOutcome outcome = check("v4only.example", Duration.ofSeconds(2));
    assertThat(outcome.status()).isEqualTo(ProbeStatus.DNS_NXDOMAIN);
    assertThat(outcome.detail()).contains("no A record");
  }

  @Test
  void noAnswerIsATimeout() {
    long start = System.nanoTime();
    CheckOutcome outcome = check("blackhole.example", Duration.ofMillis(500));
    assertThat(outcome.status())
        .as(String.valueOf(outcome.detail()))
        .isEqualTo(ProbeStatus.TIMEOUT);
    assertThat(outcome.latencyMs()).isNull();
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
  }

  @Test
  void rejectsAnUnknownRecordType() {
    assertThatThrownBy(() -> new DnsCheck("facebook.com", "BOGUS", dns.address()))
        .hasMessageContaining("BOGUS");
  }
}
