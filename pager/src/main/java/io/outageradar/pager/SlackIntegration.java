package io.outageradar.pager;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.outageradar.avro.Page;
import io.outageradar.avro.PageAction;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.List;

/**
 * A Slack incoming webhook: one readable message per page, resolved ones included. The webhook URL
 * is the secret.
 */
public final class SlackIntegration implements Integration {
  private final URI webhook;

  public SlackIntegration(URI webhook) {
    this.webhook = webhook;
  }

  @Override
  public String name() {
    return "slack";
  }

  @Override
  public List<String> secrets() {
    return List.of(webhook.toString());
  }

  @Override
  public HttpRequest request(Page page) {
    ObjectNode message = PageJson.MAPPER.createObjectNode();
    message.put("text", text(page));
    return PageJson.post(webhook, PageJson.bytes(message)).build();
  }

  static String text(Page page) {
    String regions = String.join(", ", page.getRegions());
    if (page.getAction() == PageAction.RESOLVE) {
      Duration lasted = Duration.between(page.getOnset(), page.getAt());
      return ":white_check_mark: *Resolved* "
          + page.getService()
          + " ("
          + page.getScope()
          + " in "
          + regions
          + ") after "
          + lasted.toHours()
          + "h"
          + String.format("%02d", lasted.toMinutesPart())
          + "m"
          + lossLine(page, " · estimated loss ")
          + " — "
          + page.getDedupKey();
    }
    return ":rotating_light: *"
        + (page.getRenotify() ? "Still down" : "Outage")
        + "* "
        + page.getSummary()
        + "\nService: "
        + page.getService()
        + " · scope "
        + page.getScope()
        + " · regions "
        + regions
        + " · cause hint "
        + page.getCause()
        + " · since "
        + page.getOnset()
        + lossLine(page, "\nEstimated loss so far: ")
        + "\nIncident: "
        + page.getDedupKey();
  }

  private static String lossLine(Page page, String label) {
    return page.getEstimatedLoss().isEmpty() ? "" : label + PageJson.losses(page);
  }
}
