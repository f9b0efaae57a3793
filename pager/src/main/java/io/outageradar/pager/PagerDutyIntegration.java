package io.outageradar.pager;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.outageradar.avro.Money;
import io.outageradar.avro.Page;
import io.outageradar.avro.PageAction;
import java.net.URI;
import java.net.http.HttpRequest;
import java.util.List;
import java.util.Locale;

/**
 * PagerDuty Events API v2: a TRIGGER is an alert event with a payload (summary, source, severity,
 * timestamp, component, group, class, custom details with regions, cause hint and, when known, the
 * outage's estimated loss so far); a RESOLVE needs only the routing key and dedup key. The outage
 * id as dedup key makes a re-sent page update the same incident.
 */
public final class PagerDutyIntegration implements Integration {
  public static final URI EVENTS_V2 = URI.create("https://events.pagerduty.com/v2/enqueue");

  private final URI url;
  private final String routingKey;

  public PagerDutyIntegration(URI url, String routingKey) {
    this.url = url;
    this.routingKey = routingKey;
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
      if (!page.getEstimatedLoss().isEmpty()) {
        ArrayNode business = details.putArray("estimated_loss");
        for (Money loss : page.getEstimatedLoss()) {
          business
              .addObject()
              .put("currency", loss.getCurrency())
              .put("amount_minor", loss.getAmountMinor())
              .put("amount", PageJson.major(loss));
        }
      }
    }
    event.put("client", "outage-radar");
    return event;
  }
}
