package io.outageradar.service.business;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.outageradar.avro.Money;
import io.outageradar.detection.business.ContactChoice;
import io.outageradar.detection.business.IncidentReport;
import io.outageradar.detection.business.IncidentReport.ChannelDown;
import io.outageradar.detection.business.IncidentReport.Incident;
import io.outageradar.detection.business.IncidentReport.Told;
import io.outageradar.detection.business.PlatformNames;
import io.outageradar.pager.business.NoticeText;
import io.outageradar.service.http.HtmlText;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;

/**
 * An incident report as JSON (money in minor units, times ISO-8601 UTC, as the {@code --json}
 * summaries give them), Markdown or a printable HTML page. Every text from a profile or an outage
 * is escaped in HTML.
 */
public final class IncidentReportText {
  /** The formats a report is written in. */
  public enum Format {
    JSON,
    MD,
    HTML;

    /** {@code md}, {@code html} or {@code json}, any case; anything else is refused. */
    public static Format of(String name) {
      for (Format format : values()) {
        if (format.name().equalsIgnoreCase(name)) {
          return format;
        }
      }
      throw new IllegalArgumentException("format must be md, html or json, not " + name);
    }

    public String contentType() {
      return switch (this) {
        case JSON -> "application/json";
        case MD -> "text/markdown; charset=utf-8";
        case HTML -> "text/html; charset=utf-8";
      };
    }
  }

  private static final ObjectMapper JSON = new ObjectMapper();

  private IncidentReportText() {}

  public static String write(IncidentReport report, Format format, Locale locale) {
    return switch (format) {
      case JSON -> json(report).toString();
      case MD -> markdown(report, locale);
      case HTML -> html(report, locale);
    };
  }

  public static ObjectNode json(IncidentReport report) {
    ObjectNode body = JSON.createObjectNode();
    body.put("id", report.businessId()).put("name", report.businessName());
    body.put("asOf", text(report.asOf()));
    money(body.putArray("lossSoFar"), report.totalLoss());
    ArrayNode incidents = body.putArray("incidents");
    for (Incident incident : report.incidents()) {
      ObjectNode node =
          incidents
              .addObject()
              .put("outageId", incident.outageId())
              .put("platform", incident.platform())
              .put("scope", incident.scope())
              .put("onset", text(incident.onset()))
              .put("confirmed", text(incident.confirmed()))
              .put("resolved", text(incident.resolved()))
              .put("cause", incident.cause());
      incident.regions().forEach(node.putArray("regions")::add);
      ArrayNode channels = node.putArray("channels");
      for (ChannelDown channel : incident.channels()) {
        ObjectNode c =
            channels
                .addObject()
                .put("channel", channel.channel())
                .put("minutesDown", channel.minutesDown());
        channel.regions().forEach(c.putArray("regions")::add);
        money(c.putArray("loss"), channel.loss());
      }
      money(node.putArray("loss"), incident.loss());
      ArrayNode notices = node.putArray("notices");
      for (Told told : incident.notices()) {
        ObjectNode n =
            notices.addObject().put("action", told.action().name()).put("at", text(told.at()));
        told.via().forEach(n.putArray("via")::add);
        ArrayNode skipped = n.putArray("skipped");
        told.skipped()
            .forEach(
                s -> skipped.addObject().put("contact", s.contact()).put("reason", s.reason()));
      }
      ObjectNode customers = node.putObject("customers");
      customers.put("reports", incident.customers().reports());
      customers.put("meanSentiment", incident.customers().meanSentiment());
      customers.put("negativeShare", incident.customers().negativeShare());
    }
    return body;
  }

  public static String markdown(IncidentReport report, Locale locale) {
    StringBuilder out = new StringBuilder();
    out.append("# Incident report: ").append(report.businessName()).append("\n\n");
    if (report.incidents().isEmpty()) {
      return out.append("No outage has hurt this business.\n").toString();
    }
    for (Incident incident : report.incidents()) {
      out.append("## ").append(title(incident)).append("\n\n");
      out.append(timeline(incident)).append("\n\n");
      out.append("| Channel | Regions | Minutes down | Estimated lost revenue |\n");
      out.append("|---|---|---:|---:|\n");
      for (ChannelDown channel : incident.channels()) {
        out.append("| ")
            .append(channel.channel())
            .append(" | ")
            .append(String.join(", ", channel.regions()))
            .append(" | ")
            .append(channel.minutesDown())
            .append(" | ")
            .append(NoticeText.money(channel.loss(), locale))
            .append(" |\n");
      }
      out.append("\nIn all: ").append(NoticeText.money(incident.loss(), locale)).append("\n\n");
      out.append("Notices:\n\n");
      for (Told told : incident.notices()) {
        out.append("- ").append(told(told)).append('\n');
      }
      out.append('\n').append(customers(incident)).append("\n\n");
    }
    return out.toString();
  }

  /** A printable page of its own. */
  public static String html(IncidentReport report, Locale locale) {
    String title = "Incident report: " + report.businessName();
    return page(
        locale, title, "<h1>" + HtmlText.escape(title) + "</h1>" + incidentsHtml(report, locale));
  }

  /**
   * A whole HTML page in {@code locale}'s language, {@code title} escaped here, {@code body}
   * already HTML; styled from an element of its own (no script, nothing loaded), printable.
   */
  public static String page(Locale locale, String title, String body) {
    return "<!doctype html><html lang=\""
        + HtmlText.escape(locale.toLanguageTag())
        + "\"><head><meta charset=\"utf-8\">"
        + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>"
        + HtmlText.escape(title)
        + "</title><style>"
        + "body{font-family:system-ui,sans-serif;margin:2em;color:#111;max-width:60em}"
        + "table{border-collapse:collapse;margin:.5em 0}"
        + "td,th{border:1px solid #999;padding:.3em .6em;text-align:left}"
        + "section{break-inside:avoid;margin-bottom:2em}.down{color:#a00;font-weight:bold}"
        + "@media print{body{margin:0}}"
        + "</style></head><body>"
        + body
        + "</body></html>";
  }

  /** The incidents as HTML sections, every text escaped. */
  public static String incidentsHtml(IncidentReport report, Locale locale) {
    UnaryOperator<String> e = HtmlText::escape;
    StringBuilder out = new StringBuilder();
    if (report.incidents().isEmpty()) {
      out.append("<p>No outage has hurt this business.</p>");
    }
    for (Incident incident : report.incidents()) {
      out.append("<section><h2>").append(e.apply(title(incident))).append("</h2><p>");
      out.append(e.apply(timeline(incident))).append("</p><table><thead><tr>");
      out.append("<th>Channel</th><th>Regions</th><th>Minutes down</th>");
      out.append("<th>Estimated lost revenue</th></tr></thead><tbody>");
      for (ChannelDown channel : incident.channels()) {
        out.append("<tr><td>")
            .append(e.apply(channel.channel()))
            .append("</td><td>")
            .append(e.apply(String.join(", ", channel.regions())))
            .append("</td><td>")
            .append(channel.minutesDown())
            .append("</td><td>")
            .append(e.apply(NoticeText.money(channel.loss(), locale)))
            .append("</td></tr>");
      }
      out.append("</tbody></table><p>In all: <strong>")
          .append(e.apply(NoticeText.money(incident.loss(), locale)))
          .append("</strong></p><h3>Notices</h3><ul>");
      for (Told told : incident.notices()) {
        out.append("<li>").append(e.apply(told(told))).append("</li>");
      }
      out.append("</ul><p>").append(e.apply(customers(incident))).append("</p></section>");
    }
    return out.toString();
  }

  private static String title(Incident incident) {
    return PlatformNames.of(incident.platform())
        + " down in "
        + String.join(", ", incident.regions())
        + " from "
        + text(incident.onset());
  }

  private static String timeline(Incident incident) {
    return "Outage "
        + incident.outageId()
        + " ("
        + incident.scope().toLowerCase(Locale.ROOT)
        + ", likely cause "
        + incident.cause().toLowerCase(Locale.ROOT)
        + "): began "
        + text(incident.onset())
        + ", confirmed "
        + (incident.confirmed() == null ? "-" : text(incident.confirmed()))
        + ", "
        + (incident.resolved() == null ? "not over yet" : "over " + text(incident.resolved()))
        + ".";
  }

  private static String told(Told told) {
    StringBuilder line =
        new StringBuilder(told.action() == null ? "" : told.action().name())
            .append(' ')
            .append(text(told.at()))
            .append(": sent to ")
            .append(told.via().isEmpty() ? "nobody yet" : String.join(", ", told.via()));
    for (ContactChoice.Skipped skipped : told.skipped()) {
      line.append("; not to ")
          .append(skipped.contact())
          .append(" (")
          .append(skipped.reason())
          .append(')');
    }
    return line.toString();
  }

  private static String customers(Incident incident) {
    IncidentReport.Customers customers = incident.customers();
    String said = "Customers in these regions sent " + customers.reports() + " report(s) meanwhile";
    if (customers.meanSentiment() == null) {
      return said + ".";
    }
    return said
        + String.format(
            Locale.ROOT,
            "; mean sentiment %.2f (-1 angry to +1 happy), %.0f%% negative.",
            customers.meanSentiment(),
            customers.negativeShare() * 100);
  }

  /** {@code amounts} into {@code into} as the API gives money: minor units and currency. */
  static void money(ArrayNode into, List<Money> amounts) {
    amounts.forEach(
        m ->
            into.addObject()
                .put("amountMinor", m.getAmountMinor())
                .put("currency", m.getCurrency()));
  }

  private static String text(Instant at) {
    return at == null ? null : at.toString();
  }
}
