package io.outageradar.tools.demo;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.outageradar.avro.Money;
import io.outageradar.avro.OutageEvent;
import io.outageradar.avro.Page;
import io.outageradar.avro.RegionImpact;
import io.outageradar.service.json.OutageJson;
import io.outageradar.tools.BusinessOutcome;
import io.outageradar.tools.Outcome;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
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
    ArrayNode businesses = root.putArray("businesses");
    result.businesses().forEach(business -> businesses.add(businessJson(business)));
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
    if (!result.businesses().isEmpty()) {
      out.append("\nbusinesses told\n");
      result.businesses().forEach(business -> out.append(businessLines(business)));
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

  private static ObjectNode businessJson(BusinessOutcome business) {
    ObjectNode node = JSON.createObjectNode();
    node.put("id", business.id());
    node.put("name", business.name());
    ArrayNode notices = node.putArray("notices");
    for (BusinessOutcome.Told told : business.notices()) {
      ObjectNode notice = notices.addObject();
      notice.put("action", told.action().name());
      notice.put("at", OutageJson.iso(told.at()));
      notice.put("outageId", told.outageId());
      told.via().forEach(notice.putArray("via")::add);
      ArrayNode skipped = notice.putArray("skipped");
      told.skipped()
          .forEach(
              skip ->
                  skipped.addObject().put("contact", skip.contact()).put("reason", skip.reason()));
      moneyJson(notice.putArray("loss"), told.loss());
    }
    moneyJson(node.putArray("loss"), business.loss());
    business.channelsAffected().forEach(node.putArray("channelsAffected")::add);
    return node;
  }

  private static void moneyJson(ArrayNode into, List<Money> amounts) {
    amounts.forEach(
        money ->
            into.addObject()
                .put("amountMinor", money.getAmountMinor())
                .put("currency", money.getCurrency()));
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

  /** One business: each notice (when, through which contacts, which skipped) and its loss. */
  private static String businessLines(BusinessOutcome business) {
    StringBuilder out = new StringBuilder();
    out.append("  ").append(business.name()).append(" (").append(business.id()).append(")");
    if (business.notices().isEmpty()) {
      return out.append(": not hurt, not told\n").toString();
    }
    out.append(": channels down ")
        .append(String.join(", ", business.channelsAffected()))
        .append("; estimated loss ")
        .append(money(business.loss()))
        .append('\n');
    for (BusinessOutcome.Told told : business.notices()) {
      out.append("    ")
          .append(CLOCK.format(told.at()))
          .append("  ")
          .append(told.action())
          .append(" ")
          .append(told.outageId())
          .append(" via ")
          .append(told.via().isEmpty() ? "(no usable contact yet)" : String.join(", ", told.via()));
      told.skipped()
          .forEach(
              skip ->
                  out.append("; skipped ")
                      .append(skip.contact())
                      .append(": ")
                      .append(skip.reason()));
      out.append('\n');
    }
    return out.toString();
  }

  private static String money(List<Money> amounts) {
    if (amounts.isEmpty()) {
      return "none counted";
    }
    return String.join(
        " + ",
        amounts.stream()
            .map(
                m ->
                    m.getCurrency()
                        + " "
                        + BigDecimal.valueOf(
                                m.getAmountMinor(),
                                Math.max(
                                    0,
                                    Currency.getInstance(m.getCurrency())
                                        .getDefaultFractionDigits()))
                            .toPlainString())
            .toList());
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
