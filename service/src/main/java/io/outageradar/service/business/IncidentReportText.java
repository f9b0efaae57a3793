package io.outageradar.service.business;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.outageradar.avro.Business;
import io.outageradar.avro.Money;
import io.outageradar.avro.NoticeAction;
import io.outageradar.detection.business.ContactChoice;
import io.outageradar.detection.business.IncidentReport;
import io.outageradar.detection.business.IncidentReport.ChannelDown;
import io.outageradar.detection.business.IncidentReport.Incident;
import io.outageradar.detection.business.IncidentReport.Told;
import io.outageradar.pager.business.ReportWords;
import io.outageradar.service.http.HtmlText;
import java.time.Instant;
import java.util.ArrayList;
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

  /**
   * The report in {@code format}; Markdown and HTML in the business's words ({@link ReportWords}).
   */
  public static String write(IncidentReport report, Format format, Business business) {
    return switch (format) {
      case JSON -> json(report).toString();
      case MD -> markdown(report, ReportWords.of(business));
      case HTML -> html(report, ReportWords.of(business));
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

  static String markdown(IncidentReport report, ReportWords words) {
    return "# " + words.title() + "\n\n" + incidentsMarkdown(report, words);
  }

  /** The incidents as Markdown in the business's words (a report without its title). */
  public static String incidentsMarkdown(IncidentReport report, ReportWords words) {
    StringBuilder out = new StringBuilder();
    if (report.incidents().isEmpty()) {
      return out.append(words.noIncident()).append('\n').toString();
    }
    for (Incident incident : report.incidents()) {
      out.append("## ").append(words.down(incident.platform(), incident.regions())).append("\n\n");
      out.append(timeline(incident, words)).append("\n\n");
      out.append("| ").append(String.join(" | ", words.columns())).append(" |\n");
      out.append("|---|---|---:|---:|\n");
      for (ChannelDown channel : incident.channels()) {
        out.append("| ").append(String.join(" | ", row(channel, words))).append(" |\n");
      }
      out.append('\n').append(words.inAll(incident.loss())).append("\n\n");
      out.append(words.noticesHeading()).append(":\n\n");
      for (String line : told(incident, words)) {
        out.append("- ").append(line).append('\n');
      }
      out.append('\n').append(customers(incident, words)).append("\n\n");
    }
    return out.toString();
  }

  /** A printable page of its own. */
  static String html(IncidentReport report, ReportWords words) {
    return page(
        words.locale(),
        words.title(),
        "<h1>" + HtmlText.escape(words.title()) + "</h1>" + incidentsHtml(report, words));
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

  /** The incidents as HTML sections in the business's words, every text escaped. */
  public static String incidentsHtml(IncidentReport report, ReportWords words) {
    UnaryOperator<String> e = HtmlText::escape;
    StringBuilder out = new StringBuilder();
    if (report.incidents().isEmpty()) {
      out.append("<p>").append(e.apply(words.noIncident())).append("</p>");
    }
    for (Incident incident : report.incidents()) {
      out.append("<section><h2>")
          .append(e.apply(words.down(incident.platform(), incident.regions())))
          .append("</h2><p>")
          .append(e.apply(timeline(incident, words)))
          .append("</p><table><thead><tr>");
      words.columns().forEach(column -> out.append("<th>").append(e.apply(column)).append("</th>"));
      out.append("</tr></thead><tbody>");
      for (ChannelDown channel : incident.channels()) {
        out.append("<tr>");
        row(channel, words)
            .forEach(cell -> out.append("<td>").append(e.apply(cell)).append("</td>"));
        out.append("</tr>");
      }
      out.append("</tbody></table><p><strong>")
          .append(e.apply(words.inAll(incident.loss())))
          .append("</strong></p><h3>")
          .append(e.apply(words.noticesHeading()))
          .append("</h3><ul>");
      for (String line : told(incident, words)) {
        out.append("<li>").append(e.apply(line)).append("</li>");
      }
      out.append("</ul><p>").append(e.apply(customers(incident, words))).append("</p></section>");
    }
    return out.toString();
  }

  private static String timeline(Incident incident, ReportWords words) {
    return words.timeline(
        incident.onset(), incident.confirmed(), incident.resolved(), incident.cause());
  }

  /** A channel's row: what it is, where, how long it was down, what that cost. */
  private static List<String> row(ChannelDown channel, ReportWords words) {
    return List.of(
        words.channel(channel.channel()),
        words.countries(channel.regions()),
        words.duration(channel.minutesDown()),
        words.money(channel.loss()));
  }

  /** Each notice, and the contacts skipped at its time and why. */
  private static List<String> told(Incident incident, ReportWords words) {
    List<String> lines = new ArrayList<>();
    for (Told told : incident.notices()) {
      StringBuilder line =
          new StringBuilder(
              words.told(told.action() != NoticeAction.RESOLVE, told.at(), told.via()));
      for (ContactChoice.Skipped skipped : told.skipped()) {
        line.append(' ').append(words.skipped(skipped));
      }
      lines.add(line.toString());
    }
    return lines;
  }

  private static String customers(Incident incident, ReportWords words) {
    IncidentReport.Customers customers = incident.customers();
    return words.customers(customers.reports(), incident.platform(), customers.negativeShare());
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
