package io.outageradar.service.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** The status page's overview and service view as terminal text, with ANSI colours or without. */
final class StatusText {
  private static final String RESET = "\u001b[0m";

  private final boolean colour;

  StatusText(boolean colour) {
    this.colour = colour;
  }

  String overview(JsonNode overview) {
    StringBuilder out = new StringBuilder();
    out.append("as of ").append(overview.get("asOf").asText()).append('\n');
    if (overview.get("services").isEmpty()) {
      out.append("no service has been judged yet\n");
    }
    for (JsonNode service : overview.get("services")) {
      out.append(
          String.format(
              "%-12s %s", service.get("service").asText(), state(service.get("state").asText())));
      if (service.has("scope")) {
        out.append(
            String.format(
                "  %s, cause %s, since %s, regions %s",
                service.get("scope").asText().toLowerCase(),
                service.get("cause").asText(),
                service.get("since").asText(),
                join(service.get("regions"))));
      }
      out.append('\n');
    }
    JsonNode open = overview.get("openOutages");
    out.append('\n').append(open.size()).append(" open outage(s)\n");
    open.forEach(outage -> out.append(outage(outage)));
    return out.toString().stripTrailing();
  }

  String service(JsonNode overview, JsonNode history) {
    String name = history.get("service").asText();
    String state = "operational";
    for (JsonNode service : overview.get("services")) {
      if (service.get("service").asText().equals(name)) {
        state = service.get("state").asText();
      }
    }
    StringBuilder out = new StringBuilder();
    out.append(name)
        .append("  ")
        .append(state(state))
        .append("  as of ")
        .append(history.get("asOf").asText())
        .append('\n');
    out.append("\nuptime over 90 days\n");
    history
        .get("uptime")
        .properties()
        .forEach(
            region ->
                out.append(
                    String.format(
                        "  %-4s %7.3f %%%n", region.getKey(), region.getValue().asDouble())));
    out.append("\noutages (newest first)\n");
    if (history.get("outages").isEmpty()) {
      out.append("  none\n");
    }
    history.get("outages").forEach(outage -> out.append(outage(outage)));
    out.append("\nmost reported problems, last 24 hours\n");
    history
        .get("categories")
        .forEach(
            c ->
                out.append(
                    String.format(
                        "  %-14s %,d%n",
                        c.get("category").asText().toLowerCase(), c.get("reports").asLong())));
    return out.toString().stripTrailing();
  }

  private String outage(JsonNode outage) {
    List<String> facts = new ArrayList<>();
    facts.add(outage.get("state").asText().toLowerCase());
    facts.add("since " + outage.get("onset").asText());
    facts.add(minutes(outage.get("durationSeconds").asLong()));
    facts.add("cause " + outage.get("cause").asText());
    facts.add("regions " + join(outage.get("regions")));
    facts.add(outage.get("reports").asLong() + " reports");
    if (!outage.get("meanSentiment").isNull()) {
      facts.add(String.format("sentiment %.2f", outage.get("meanSentiment").asDouble()));
    }
    if (outage.has("loss") && !outage.get("loss").isEmpty()) {
      List<String> amounts = new ArrayList<>();
      outage
          .get("loss")
          .forEach(m -> amounts.add(m.get("amount").asText() + " " + m.get("currency").asText()));
      facts.add("loss " + String.join(" + ", amounts));
    }
    return "  " + outage.get("id").asText() + "\n    " + String.join(", ", facts) + "\n";
  }

  private String state(String state) {
    String label =
        switch (state) {
          case "outage" -> "✕ OUTAGE";
          case "degraded" -> "▲ DEGRADED";
          default -> "✓ operational";
        };
    if (!colour) {
      return label;
    }
    String code =
        switch (state) {
          case "outage" -> "\u001b[1;31m";
          case "degraded" -> "\u001b[1;33m";
          default -> "\u001b[32m";
        };
    return code + label + RESET;
  }

  private static String minutes(long seconds) {
    long minutes = seconds / 60;
    return minutes < 120 ? minutes + " min" : (minutes / 60) + " h " + (minutes % 60) + " min";
  }

  private static String join(JsonNode values) {
    List<String> all = new ArrayList<>();
    values.forEach(v -> all.add(v.asText()));
    return String.join(",", all);
  }
}
