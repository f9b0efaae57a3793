package io.outageradar.pager;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.outageradar.avro.Page;
import io.outageradar.avro.PageAction;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Prometheus Alertmanager's v2 API ({@code POST /api/v2/alerts}), so teams that route, group and
 * silence in Alertmanager can: one alert per affected region, identified by its labels (alertname,
 * outage_id, service, region). Alertmanager tells alerts apart by their whole label set, so
 * everything that can change during an outage (cause, scope, severity, estimated loss) is an
 * annotation: were the cause a label, a RESOLVE naming a cause learnt after the TRIGGER would end
 * another alert and the first would fire on until its TTL. A TRIGGER sets {@code endsAt} a TTL
 * ahead of the wall clock, since Alertmanager resolves an alert nobody re-sends (re-notifications
 * re-send it); a RESOLVE sets {@code endsAt} to the resolution time, or now if that is still ahead
 * of the clock.
 */
public final class AlertmanagerIntegration implements Integration {
  public static final String ALERT_NAME = "OutageRadarOutage";

  private final URI alerts;
  private final Duration alertTtl;
  private final Clock clock;

  public AlertmanagerIntegration(URI baseUrl, Duration alertTtl, Clock clock) {
    this.clock = clock;
    String base = baseUrl.toString().endsWith("/") ? baseUrl.toString() : baseUrl + "/";
    this.alerts = URI.create(base + "api/v2/alerts");
    this.alertTtl = alertTtl;
  }

  @Override
  public String name() {
    return "alertmanager";
  }

  @Override
  public List<String> secrets() {
    return List.of();
  }

  @Override
  public HttpRequest request(Page page) {
    return PageJson.post(alerts, PageJson.bytes(body(page))).build();
  }

  ArrayNode body(Page page) {
    Instant now = clock.instant();
    // A resolve must end the alert in Alertmanager's past: an endsAt even a second ahead (event
    // time
    // ahead of the wall clock, clock skew) leaves the alert firing until the earlier, later endsAt.
    Instant endsAt =
        page.getAction() == PageAction.RESOLVE
            ? (page.getAt().isBefore(now) ? page.getAt() : now)
            : now.plus(alertTtl);
    ArrayNode body = PageJson.MAPPER.createArrayNode();
    for (String region : page.getRegions()) {
      ObjectNode alert = body.addObject();
      ObjectNode labels = alert.putObject("labels");
      labels.put("alertname", ALERT_NAME);
      labels.put("outage_id", page.getDedupKey());
      labels.put("service", page.getService());
      labels.put("region", region);
      ObjectNode annotations = alert.putObject("annotations");
      annotations.put("summary", page.getSummary());
      annotations.put("severity", page.getSeverity().name());
      annotations.put("scope", page.getScope().name());
      annotations.put("cause", page.getCause().name());
      annotations.put("onset", page.getOnset().toString());
      if (!page.getEstimatedLoss().isEmpty()) {
        annotations.put("estimated_loss", PageJson.losses(page));
      }
      alert.put("startsAt", page.getOnset().toString());
      alert.put("endsAt", endsAt.toString());
    }
    return body;
  }
}
