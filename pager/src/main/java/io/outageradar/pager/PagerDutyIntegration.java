package io.outageradar.pager;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.outageradar.avro.Page;
import io.outageradar.avro.PageAction;
import java.net.URI;
import java.net.http.HttpRequest;
import java.util.List;
import java.util.Locale;

/**
 * PagerDuty Events API v2: a TRIGGER is an alert event with a payload (summary, source, severity,
 * timestamp, component, group, class, custom details with regions, cause hint and, when known,
 * the estimated loss so far); a RESOLVE needs only the routing key and
 * dedup key. The outage id as dedup key makes a re-sent page update the same incident.
 */
public final class PagerDutyIntegration implements Integration {
  public static final URI EVENTS_V2 = URI.create("https://events.pagerduty.com/v2/enqueue");

  private final URI url;
  private final String routingKey;
  private final ImpactView impact;

  public PagerDutyIntegration(URI url, String routingKey) {
    this(url, routingKey, ImpactView.NONE);
  }

  /** With the estimated business impact of the outage in the custom details, where region-impact knows it. */
  public PagerDutyIntegration(URI url, String routingKey, ImpactView impact) {
    this.url = url;
    this.routingKey = routingKey;
    this.impact = impact;
  }

  @Override
  public String name() {
    return "pagerduty";
  }

  @Override
  public List<String> secrets() {
    return List.of(routingKey);
  }

  @Override
  public HttpRequest request(Page page) {
    return PageJson.post(url, PageJson.bytes(body(page))).build();
  }

  ObjectNode body(Page page) {
    ObjectNode event = PageJson.MAPPER.createObjectNode();
    event.put("routing_key", routingKey);
    event.put("event_action", page.getAction() == PageAction.RESOLVE ? "resolve" : "trigger");
    event.put("dedup_key", page.getDedupKey());
    if (page.getAction() != PageAction.RESOLVE) {
      ObjectNode payload = event.putObject("payload");
      payload.put("summary", page.getSummary());
      payload.put("source", "outage-radar");
      payload.put("severity", page.getSeverity().name().toLowerCase(Locale.ROOT));
      payload.put("timestamp", page.getAt().toString());
      payload.put("component", page.getService());
      payload.put("group", page.getScope().name().toLowerCase(Locale.ROOT));
      payload.put("class", page.getCause().name().toLowerCase(Locale.ROOT));
      ObjectNode details = payload.putObject("custom_details");
      page.getRegions().forEach(details.putArray("regions")::add);
      details.put("scope", page.getScope().name());
      details.put("cause_hint", page.getCause().name());
      details.put("onset", page.getOnset().toString());
      details.put("renotify", page.getRenotify());
      List<ImpactView.Loss> losses = impact.of(page);
      if (!losses.isEmpty()) {
        var business = details.putArray("estimated_loss");
        for (ImpactView.Loss loss : losses) {
          int digits = java.util.Currency.getInstance(loss.currency()).getDefaultFractionDigits();
          business.addObject().put("currency", loss.currency()).put("amount_minor", loss.amountMinor())
              .put("amount", java.math.BigDecimal.valueOf(loss.amountMinor(), Math.max(digits, 0)).toPlainString());
        }
      }
    }
    event.put("client", "outage-radar");
    return event;
  }
}
