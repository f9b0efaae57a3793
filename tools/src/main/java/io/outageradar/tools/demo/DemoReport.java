package io.outageradar.tools.demo;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.outageradar.avro.OutageEvent;
import io.outageradar.avro.Page;
import io.outageradar.avro.RegionImpact;
import io.outageradar.service.json.OutageJson;
import io.outageradar.tools.Outcome;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Renders a demo run as a readable timeline or as the {@code --json} summary other tools read. */
public final class DemoReport {
  private static final DateTimeFormatter CLOCK =
      DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneOffset.UTC);
  private static final ObjectMapper JSON = new ObjectMapper();

  private DemoReport() {}

  /**
   * The public {@code --json} contract: {@code scenario}, {@code outages[]} (id, service, scope,
   * regions, onset, confirmedAt, resolvedAt, cause) and {@code pages[]} (dedupKey, action, at,
   * service, regions). Fields may be added, never renamed or removed.
   */
  public static String json(Outcome result) {
    ObjectNode root = JSON.createObjectNode();
    root.put("scenario", result.scenario());
    ArrayNode outages = root.putArray("outages");
    sortedOutages(result).forEach(outage -> outages.add(OutageJson.of(outage)));
    ArrayNode pages = root.putArray("pages");
    for (Page page : pagesInEventTime(result)) {
      ObjectNode node = pages.addObject();
      node.put("dedupKey", page.getDedupKey());
      node.put("action", page.getAction().name());
      node.put("at", OutageJson.iso(page.getAt()));
      node.put("service", page.getService());
      page.getRegions().forEach(node.putArray("regions")::add);
    }
    ArrayNode impact = root.putArray("regionImpact");
    result.regionImpact().forEach(region -> impact.add(impactJson(region)));
    root.put("eventsReplayed", result.eventsReplayed());
    root.put("wallSeconds", result.wallTime().toMillis() / 1000.0);
    root.put("deadLetters", result.deadLetters());
    root.put("probeWindowsJudged", result.judged().probeWindows());
    root.put("reportMinutesJudged", result.judged().reportMinutes());
    return root.toString();
  }

  /**
   * The human timeline: onset, confirmation (with the detection delay), pages and recovery, in
   * event time.
   */
  public static String timeline(Outcome result) {
    record Line(Instant at, int order, String text) {}
    List<Line> lines = new ArrayList<>();
    for (OutageEvent o : result.outages()) {
      String who = o.getService() + " " + o.getScope() + " outage " + o.getOutageId();
      lines.add(
          new Line(
              o.getOnset(), 0, "onset      " + who + " in " + String.join(", ", o.getRegions())));
      lines.add(
          new Line(
              o.getConfirmedAt(),
              1,
              "confirmed  "
                  + o.getService()
                  + " after "
                  + Duration.between(o.getOnset(), o.getConfirmedAt()).toSeconds()
                  + " s, cause hint "
                  + o.getCause()));
      if (o.getResolvedAt() != null && o.getMeanSentiment() != null) {
        lines.add(
            new Line(
                o.getResolvedAt(),
                1,
                "reports    "
                    + o.getService()
                    + ": "
                    + String.format("%,d", o.getReports())
                    + " user reports, mean sentiment "
                    + String.format("%+.2f", o.getMeanSentiment())));
      }
      if (o.getResolvedAt() != null) {
        lines.add(
            new Line(
                o.getResolvedAt(),
                1,
                "resolved   "
                    + o.getService()
                    + " after "
                    + hours(Duration.between(o.getOnset(), o.getResolvedAt()))));
      }
    }
    for (Page p : pagesInEventTime(result)) {
      lines.add(
          new Line(
              p.getAt(),
              2,
              "page       " + p.getAction() + " " + p.getDedupKey() + ": " + p.getSummary()));
    }
    lines.sort(Comparator.comparing(Line::at).thenComparing(Line::order));

    StringBuilder out = new StringBuilder();
    out.append("outage-radar demo: replay of ")
        .append(result.scenario())
        .append(" (")
        .append(String.format("%,d", result.eventsReplayed()))
        .append(" events) through embedded Kafka\n\n");
    out.append("event time (UTC)\n");
    for (Line line : lines) {
      out.append(CLOCK.format(line.at())).append("  ").append(line.text()).append('\n');
    }
    out.append('\n')
        .append(result.outages().size())
        .append(" outage(s), ")
        .append(result.pages().size())
        .append(" page(s); wall time ")
        .append(result.wallTime().toMillis() / 1000.0)
        .append(" s\n");
    return out.toString();
  }

  /**
   * Pages in event-time order: they come from several partitions of {@code alerts}, whose
   * interleaving says nothing about the outages.
   */
  private static List<Page> pagesInEventTime(Outcome result) {
    return result.pages().stream()
        .sorted(
            Comparator.comparing(Page::getAt)
                .thenComparing(Page::getDedupKey)
                .thenComparing(Page::getAction))
        .toList();
  }

  private static ObjectNode impactJson(RegionImpact impact) {
    ObjectNode node = JSON.createObjectNode();
    node.put("region", impact.getRegion());
    impact.getAffectedServices().forEach(node.putArray("affectedServices")::add);
    node.put("since", OutageJson.iso(impact.getSince()));
    node.put("durationSeconds", impact.getDurationMs() / 1000);
    node.put("severity", Math.round(impact.getSeverity() * 1000) / 1000.0);
    node.put("reports", impact.getReports());
    ObjectNode loss = node.putObject("estimatedLoss");
    loss.put("amountMinor", impact.getEstimatedLoss().getAmountMinor());
    loss.put("currency", impact.getEstimatedLoss().getCurrency());
    node.put("asOf", OutageJson.iso(impact.getAsOf()));
    return node;
  }

  private static List<OutageEvent> sortedOutages(Outcome result) {
    return result.outages().stream()
        .sorted(Comparator.comparing(OutageEvent::getOnset).thenComparing(OutageEvent::getOutageId))
        .toList();
  }

  private static String hours(Duration duration) {
    return String.format("%dh%02dm", duration.toHours(), duration.toMinutesPart());
  }
}
