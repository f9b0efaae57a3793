package io.outageradar.service.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.outageradar.avro.Money;
import io.outageradar.detection.business.PlatformNames;
import io.outageradar.pager.business.NoticeText;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** A business's own page as terminal text: its channels now, the loss so far, its incidents. */
final class BusinessStatusText {
  private BusinessStatusText() {}

  static String of(JsonNode page) {
    StringBuilder out = new StringBuilder(page.path("name").asText()).append('\n');
    out.append("\nChannels now:\n");
    for (JsonNode channel : page.path("channels")) {
      List<String> down = texts(channel.path("downIn"));
      out.append(
          String.format(
              "  %-16s %-10s %-14s %s%n",
              channel.path("channel").asText(),
              PlatformNames.of(channel.path("service").asText()),
              String.join(",", texts(channel.path("regions"))),
              down.isEmpty() ? "working" : "DOWN in " + String.join(", ", down)));
    }
    out.append("\nEstimated lost revenue, all incidents: ")
        .append(money(page.path("lossSoFar")))
        .append('\n');
    out.append("\nIncidents:\n");
    if (page.path("incidents").isEmpty()) {
      out.append("  none\n");
    }
    for (JsonNode incident : page.path("incidents")) {
      out.append("  ")
          .append(PlatformNames.of(incident.path("platform").asText()))
          .append(" down in ")
          .append(String.join(", ", texts(incident.path("regions"))))
          .append(": ")
          .append(incident.path("onset").asText())
          .append(" to ")
          .append(incident.path("resolved").isNull() ? "now" : incident.path("resolved").asText())
          .append(", ")
          .append(money(incident.path("loss")))
          .append(", ")
          .append(incident.path("notices").size())
          .append(" notice(s), ")
          .append(incident.path("customers").path("reports").asLong())
          .append(" customer report(s)\n");
    }
    return out.toString();
  }

  private static List<String> texts(JsonNode array) {
    List<String> all = new ArrayList<>();
    array.forEach(node -> all.add(node.asText()));
    return all;
  }

  private static String money(JsonNode amounts) {
    List<Money> all = new ArrayList<>();
    amounts.forEach(
        a -> all.add(new Money(a.path("amountMinor").asLong(), a.path("currency").asText())));
    return NoticeText.money(all, Locale.ENGLISH);
  }
}
