package io.outageradar.pager;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.outageradar.avro.Money;
import io.outageradar.avro.Page;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The exact bodies and headers each receiver gets, through a real HTTP round trip. */
class IntegrationsTest {
  private static final Instant TRIGGERED = Instant.parse("2021-10-04T15:41:30Z");
  private static final Instant RESOLVED = Instant.parse("2021-10-04T22:24:00Z");
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2021-10-04T15:41:31Z"), ZoneOffset.UTC);
  private final Deliverer deliverer =
      new Deliverer(
          HttpClient.newHttpClient(),
          new RetryPolicy(1, Duration.ZERO, Duration.ZERO),
          d -> {},
          CLOCK);

  private static JsonNode json(String body) throws Exception {
    return PageJson.MAPPER.readTree(body);
  }

  @Test
  void pagerDutyGetsEventsV2TriggerAndResolve() throws Exception {
    try (Receiver pagerDuty = new Receiver()) {
      PagerDutyIntegration integration =
          new PagerDutyIntegration(pagerDuty.url("/v2/enqueue"), "R0UT1NGKEY");
      assertThat(deliverer.deliver(integration, Pages.trigger(TRIGGERED)).delivered()).isTrue();
      assertThat(deliverer.deliver(integration, Pages.resolve(RESOLVED)).delivered()).isTrue();

      assertThat(pagerDuty.requests).extracting(Receiver.Request::path).containsOnly("/v2/enqueue");
      assertThat(pagerDuty.requests.get(0).header("Content-Type")).isEqualTo("application/json");
      assertThat(json(pagerDuty.requests.get(0).body()))
          .isEqualTo(
              json(
                  """
          {"routing_key":"R0UT1NGKEY","event_action":"trigger","dedup_key":"whatsapp-global-20211004T154030Z",
           "payload":{"summary":"whatsapp is down in 4 regions (BR, GB, NL, US), cause hint DNS","source":"outage-radar",
             "severity":"critical","timestamp":"2021-10-04T15:41:30Z","component":"whatsapp","group":"global","class":"dns",
             "custom_details":{"regions":["BR","GB","NL","US"],"scope":"GLOBAL","cause_hint":"DNS",
               "onset":"2021-10-04T15:40:30Z","renotify":false}},
           "client":"outage-radar"}"""));
      assertThat(json(pagerDuty.requests.get(1).body()))
          .isEqualTo(
              json(
                  """
          {"routing_key":"R0UT1NGKEY","event_action":"resolve","dedup_key":"whatsapp-global-20211004T154030Z",
           "client":"outage-radar"}"""));
    }
  }

  @Test
  void everyIntegrationCarriesThePagesOwnEstimatedLossInEachCurrency() throws Exception {
    Page page = Pages.trigger(TRIGGERED);
    page.setEstimatedLoss(List.of(new Money(1_075_000L, "BRL"), new Money(5_000L, "JPY")));
    try (Receiver receiver =
        new Receiver(
            new Receiver.Answer(200, null, ""),
            new Receiver.Answer(200, null, "ok"),
            new Receiver.Answer(200, null, ""),
            new Receiver.Answer(200, null, ""))) {
      deliverer.deliver(new PagerDutyIntegration(receiver.url("/v2/enqueue"), "key"), page);
      deliverer.deliver(new SlackIntegration(receiver.url("/slack")), page);
      deliverer.deliver(
          new AlertmanagerIntegration(
              URI.create(receiver.url("").toString()), Duration.ofHours(1), CLOCK),
          page);
      deliverer.deliver(new WebhookIntegration(receiver.url("/hook"), "s3cret", CLOCK), page);

      assertThat(json(receiver.requests.get(0).body()).at("/payload/custom_details/estimated_loss"))
          .isEqualTo(
              json(
                  """
          [{"currency":"BRL","amount_minor":1075000,"amount":"10750.00"},{"currency":"JPY","amount_minor":5000,"amount":"5000"}]"""));
      assertThat(json(receiver.requests.get(1).body()).get("text").asText())
          .contains("\nEstimated loss so far: 10750.00 BRL, 5000 JPY\n");
      assertThat(json(receiver.requests.get(2).body()).findValuesAsText("estimated_loss"))
          .hasSize(4)
          .containsOnly("10750.00 BRL, 5000 JPY");
      assertThat(json(receiver.requests.get(3).body()).get("estimatedLoss"))
          .isEqualTo(
              json(
                  """
          [{"currency":"BRL","amountMinor":1075000},{"currency":"JPY","amountMinor":5000}]"""));
    }
  }

  @Test
  void slackGetsAReadableMessageForTriggerAndResolve() throws Exception {
    try (Receiver slack =
        new Receiver(new Receiver.Answer(200, null, "ok"), new Receiver.Answer(200, null, "ok"))) {
      SlackIntegration integration = new SlackIntegration(slack.url("/services/T000/B000/XXXX"));
      deliverer.deliver(integration, Pages.trigger(TRIGGERED));
      deliverer.deliver(integration, Pages.resolve(RESOLVED));

      assertThat(json(slack.requests.get(0).body()).get("text").asText())
          .isEqualTo(
              ":rotating_light: *Outage* whatsapp is down in 4 regions (BR, GB, NL, US), cause hint DNS\n"
                  + "Service: whatsapp · scope GLOBAL · regions BR, GB, NL, US · cause hint DNS · since 2021-10-04T15:40:30Z\n"
                  + "Incident: whatsapp-global-20211004T154030Z");
      assertThat(json(slack.requests.get(1).body()).get("text").asText())
          .isEqualTo(
              ":white_check_mark: *Resolved* whatsapp (GLOBAL in BR, DE, GB, IN, NL, US) after 6h43m — whatsapp-global-20211004T154030Z");
    }
  }

  @Test
  void theWebhookBodyIsSignedWithTheSharedSecret() throws Exception {
    try (Receiver webhook = new Receiver()) {
      Clock sentAt = Clock.fixed(TRIGGERED.plusSeconds(2), ZoneOffset.UTC);
      deliverer.deliver(
          new WebhookIntegration(webhook.url("/hooks/outages"), "s3cret", sentAt),
          Pages.trigger(TRIGGERED));

      Receiver.Request request = webhook.requests.get(0);
      assertThat(json(request.body()).get("dedupKey").asText())
          .isEqualTo("whatsapp-global-20211004T154030Z");
      assertThat(json(request.body()).get("action").asText()).isEqualTo("TRIGGER");
      assertThat(json(request.body()).get("regions")).hasSize(4);
      // what a receiver computes over the bytes it got: HMAC-SHA256 of "t.body" with the shared
      // secret, in hex
      long t = TRIGGERED.plusSeconds(2).getEpochSecond();
      javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
      mac.init(new javax.crypto.spec.SecretKeySpec("s3cret".getBytes(), "HmacSHA256"));
      mac.update((t + ".").getBytes());
      byte[] body = request.body().getBytes(java.nio.charset.StandardCharsets.UTF_8);
      String expected = java.util.HexFormat.of().formatHex(mac.doFinal(body));
      assertThat(request.header("X-Signature")).isEqualTo("t=" + t + ",v1=" + expected);

      Duration tolerance = Duration.ofMinutes(5);
      assertThat(
              WebhookIntegration.verify(
                  "s3cret",
                  request.header("X-Signature"),
                  body,
                  TRIGGERED.plusSeconds(60),
                  tolerance))
          .isTrue();
      assertThat(
              WebhookIntegration.verify(
                  "s3cret",
                  request.header("X-Signature"),
                  body,
                  TRIGGERED.plusSeconds(3600),
                  tolerance))
          .as("the same request replayed an hour later")
          .isFalse();
      assertThat(
              WebhookIntegration.verify(
                  "other",
                  request.header("X-Signature"),
                  body,
                  TRIGGERED.plusSeconds(60),
                  tolerance))
          .isFalse();
      assertThat(
              WebhookIntegration.verify(
                  "s3cret",
                  "t=" + (t + 3000) + ",v1=" + expected,
                  body,
                  TRIGGERED.plusSeconds(3000),
                  tolerance))
          .as("a fresh time pasted onto an old signature")
          .isFalse();
    }
  }

  @Test
  void alertmanagerGetsOneAlertPerRegionEndingWithTheResolve() throws Exception {
    try (Receiver alertmanager =
        new Receiver(
            new Receiver.Answer(200, null, ""),
            new Receiver.Answer(200, null, ""),
            new Receiver.Answer(200, null, ""))) {
      URI base = URI.create(alertmanager.url("").toString());
      deliverer.deliver(
          new AlertmanagerIntegration(base, Duration.ofHours(1), CLOCK), Pages.trigger(TRIGGERED));
      Clock afterResolution = Clock.fixed(RESOLVED.plusSeconds(5), ZoneOffset.UTC);
      deliverer.deliver(
          new AlertmanagerIntegration(base, Duration.ofHours(1), afterResolution),
          Pages.resolve(RESOLVED));
      // a resolution stamped ahead of the clock ends the alert now, never in Alertmanager's future
      Clock beforeResolution = Clock.fixed(RESOLVED.minusSeconds(2), ZoneOffset.UTC);
      deliverer.deliver(
          new AlertmanagerIntegration(base, Duration.ofHours(1), beforeResolution),
          Pages.resolve(RESOLVED));

      assertThat(alertmanager.requests)
          .extracting(Receiver.Request::path)
          .containsOnly("/api/v2/alerts");
      JsonNode fired = json(alertmanager.requests.get(0).body());
      assertThat(fired).hasSize(4);
      assertThat(fired.get(0))
          .isEqualTo(
              json(
                  """
          {"labels":{"alertname":"OutageRadarOutage","outage_id":"whatsapp-global-20211004T154030Z","service":"whatsapp",
             "region":"BR"},
           "annotations":{"summary":"whatsapp is down in 4 regions (BR, GB, NL, US), cause hint DNS","severity":"CRITICAL",
             "scope":"GLOBAL","cause":"DNS","onset":"2021-10-04T15:40:30Z"},
           "startsAt":"2021-10-04T15:40:30Z","endsAt":"2021-10-04T16:41:31Z"}"""));
      JsonNode resolved = json(alertmanager.requests.get(1).body());
      assertThat(resolved).hasSize(6);
      assertThat(resolved.findValuesAsText("endsAt")).containsOnly("2021-10-04T22:24:00Z");
      assertThat(json(alertmanager.requests.get(2).body()).findValuesAsText("endsAt"))
          .containsOnly("2021-10-04T22:23:58Z");
    }
  }
}
