package io.outageradar.pager;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class DelivererTest {
  private static final Instant AT = Instant.parse("2021-10-04T15:41:30Z");
  private final List<Duration> waits = new CopyOnWriteArrayList<>();
  private final RetryPolicy policy =
      new RetryPolicy(4, Duration.ofMillis(100), Duration.ofSeconds(5));
  private final Deliverer deliverer =
      new Deliverer(HttpClient.newHttpClient(), policy, waits::add, Clock.systemUTC());

  @Test
  void aReceiverThatFailsTwiceGetsThePageOnTheThirdTry() throws Exception {
    try (Receiver flaky =
        new Receiver(
            new Receiver.Answer(503, null, "busy"), new Receiver.Answer(500, null, "oops"))) {
      Deliverer.Outcome outcome =
          deliverer.deliver(
              new PagerDutyIntegration(flaky.url("/v2/enqueue"), "key"), Pages.trigger(AT));

      assertThat(outcome.delivered()).isTrue();
      assertThat(outcome.attempts()).isEqualTo(3);
      assertThat(flaky.requests)
          .hasSize(3)
          .extracting(Receiver.Request::body)
          .containsOnly(flaky.requests.get(0).body());
      // full jitter below an exponential ceiling: at most 100 ms, then at most 200 ms
      assertThat(waits).hasSize(2);
      assertThat(waits.get(0)).isLessThanOrEqualTo(Duration.ofMillis(100));
      assertThat(waits.get(1)).isLessThanOrEqualTo(Duration.ofMillis(200));
    }
  }

  @Test
  void aThrottledReceiverIsWaitedForAsItAsks() throws Exception {
    try (Receiver throttled =
        new Receiver(new Receiver.Answer(429, "2", "{\"status\":\"throttle event\"}"))) {
      Deliverer.Outcome outcome =
          deliverer.deliver(
              new PagerDutyIntegration(throttled.url("/v2/enqueue"), "key"), Pages.trigger(AT));

      assertThat(outcome.delivered()).isTrue();
      assertThat(outcome.attempts()).isEqualTo(2);
      assertThat(waits).containsExactly(Duration.ofSeconds(2));
    }
  }

  @Test
  void aRefusalIsNotRetriedAndItsErrorNeverShowsTheSecret() throws Exception {
    try (Receiver strict =
        new Receiver(
            new Receiver.Answer(400, null, "{\"message\":\"Invalid routing key s3cr3t-key\"}"))) {
      Deliverer.Outcome outcome =
          deliverer.deliver(
              new PagerDutyIntegration(strict.url("/v2/enqueue"), "s3cr3t-key"), Pages.trigger(AT));

      assertThat(outcome.delivered()).isFalse();
      assertThat(outcome.attempts()).isEqualTo(1);
      assertThat(outcome.lastError())
          .isEqualTo("HTTP 400: {\"message\":\"Invalid routing key ***\"}")
          .doesNotContain("s3cr3t");
      assertThat(strict.requests).hasSize(1);
    }
  }

  @Test
  void givesUpAfterTheLastAttempt() throws Exception {
    try (Receiver down =
        new Receiver(
            new Receiver.Answer(502, null, ""),
            new Receiver.Answer(502, null, ""),
            new Receiver.Answer(502, null, ""),
            new Receiver.Answer(502, null, ""))) {
      Deliverer.Outcome outcome =
          deliverer.deliver(
              new SlackIntegration(down.url("/services/T/B/secret-token")), Pages.trigger(AT));

      assertThat(outcome.delivered()).isFalse();
      assertThat(outcome.attempts()).isEqualTo(4);
      assertThat(outcome.lastError()).startsWith("HTTP 502");
      assertThat(waits).hasSize(3);
    }
  }

  @Test
  void anUnreachableReceiverIsAnIoErrorWithoutItsUrl() throws Exception {
    java.net.URI closed;
    try (java.net.ServerSocket socket =
        new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      closed =
          java.net.URI.create(
              "http://127.0.0.1:" + socket.getLocalPort() + "/services/T/B/secret-token");
    }
    Deliverer.Outcome outcome = deliverer.deliver(new SlackIntegration(closed), Pages.trigger(AT));
    assertThat(outcome.delivered()).isFalse();
    assertThat(outcome.lastError()).contains("ConnectException").doesNotContain("secret-token");
  }

  @Test
  void retryAfterIsReadAsSecondsOrAnHttpDate() {
    Instant now = Instant.parse("2026-11-25T12:00:00Z");
    assertThat(RetryPolicy.parseRetryAfter(Optional.of("7"), now)).contains(Duration.ofSeconds(7));
    assertThat(RetryPolicy.parseRetryAfter(Optional.of("Wed, 25 Nov 2026 12:00:30 GMT"), now))
        .contains(Duration.ofSeconds(30));
    assertThat(RetryPolicy.parseRetryAfter(Optional.of("soon"), now)).isEmpty();
    // the cap bounds even what a receiver asks for
    assertThat(policy.delayAfter(1, Optional.of(Duration.ofHours(1)), new SplittableRandom(1)))
        .isEqualTo(Duration.ofSeconds(5));
  }
}
