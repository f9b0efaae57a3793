package io.outageradar.service.query;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import io.outageradar.avro.Business;
import io.outageradar.avro.BusinessChannel;
import io.outageradar.detection.business.IncidentReport;
import io.outageradar.pager.business.BusinessDirectory;
import io.outageradar.pager.business.ReportWords;
import io.outageradar.producers.intake.TokenBucket;
import io.outageradar.service.business.ApiKeys;
import io.outageradar.service.business.IncidentReportText;
import io.outageradar.service.http.HtmlText;
import io.outageradar.service.http.QueryParams;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A business's private page on the status server: {@code GET /b/{id}} asks for its API key, {@code
 * POST /b/{id}} with it shows its channels and the state of the platform each rides on in its
 * regions, the loss so far, and its incident report (the notices sent, through which contact, what
 * its customers reported). {@code GET /b/{id}/private.json} gives the same to {@code Authorization:
 * Bearer <key>} ({@code status --business}). A wrong key, another business's or an unknown id
 * answer alike; failed attempts are limited per address. No cookie, no script, nothing cached.
 */
public final class BusinessPageRoutes {
  private static final Pattern PAGE = Pattern.compile("/b/([a-z0-9][a-z0-9-]{0,62})");
  private static final Pattern JSON_PATH =
      Pattern.compile("/b/([a-z0-9][a-z0-9-]{0,62})/private\\.json");
  private static final int MAX_FORM_BYTES = 4096;
  private static final String CSP =
      "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'";

  private final BusinessDirectory directory;
  private final TokenBucket failures;

  public BusinessPageRoutes(BusinessDirectory directory, TokenBucket failures) {
    this.directory = directory;
    this.failures = failures;
  }

  /** Whether {@code path} is one of this page's. */
  static boolean serves(String path) {
    return PAGE.matcher(path).matches() || JSON_PATH.matcher(path).matches();
  }

  void handle(HttpExchange exchange) throws IOException {
    exchange.getResponseHeaders().add("Cache-Control", "no-store");
    exchange.getResponseHeaders().add("X-Content-Type-Options", "nosniff");
    String path = exchange.getRequestURI().getRawPath();
    String ip = "ip:" + exchange.getRemoteAddress().getAddress().getHostAddress();
    Matcher json = JSON_PATH.matcher(path);
    if (json.matches()) {
      String key = ApiKeys.bearer(exchange.getRequestHeaders().getFirst("Authorization"));
      if (key == null) {
        Answers.send(exchange, 401, Answers.error("the business's API key is required"));
      } else if (!opens(ip, json.group(1), key)) {
        Answers.send(exchange, 404, Answers.error("no such business"));
      } else {
        Answers.send(exchange, 200, json(json.group(1)));
      }
      return;
    }
    Matcher page = PAGE.matcher(path);
    page.matches();
    String id = page.group(1);
    switch (exchange.getRequestMethod()) {
      case "GET" -> html(exchange, 200, form(id, false));
      case "POST" -> {
        String key = formKey(exchange.getRequestBody());
        if (key != null && opens(ip, id, key)) {
          html(exchange, 200, privatePage(id));
        } else {
          html(exchange, 404, form(id, true));
        }
      }
      default -> {
        exchange.getResponseHeaders().add("Allow", "GET, POST");
        exchange.sendResponseHeaders(405, -1);
      }
    }
  }

  /** Whether {@code key} opens {@code id}; a failure costs the address one of its attempts. */
  private boolean opens(String ip, String id, String key) {
    if (failures.waitFor(ip, 1) > 0) {
      return false;
    }
    boolean open = ApiKeys.matches(directory.apiKey(id), key) && directory.profile(id) != null;
    if (!open) {
      failures.tryTake(ip, 1);
    }
    return open;
  }

  private static String formKey(InputStream body) throws IOException {
    byte[] bytes = body.readNBytes(MAX_FORM_BYTES + 1);
    if (bytes.length > MAX_FORM_BYTES) {
      return null;
    }
    Map<String, String> fields =
        QueryParams.of(URI.create("/?" + new String(bytes, StandardCharsets.US_ASCII)));
    return fields.get("key");
  }

  private static String form(String id, boolean refused) {
    String title = "Your business page";
    return IncidentReportText.page(
        Locale.ENGLISH,
        title,
        "<h1>"
            + title
            + "</h1>"
            + (refused ? "<p class=\"down\">That key does not open this page.</p>" : "")
            + "<form method=\"post\" action=\"/b/"
            + HtmlText.escape(id)
            + "\"><label>Your API key <input name=\"key\" type=\"password\" autocomplete=\"off\""
            + " required></label> <button type=\"submit\">Open</button></form>");
  }

  private String privatePage(String id) {
    Business business = directory.profile(id);
    ReportWords words = ReportWords.of(business);
    IncidentReport report = directory.report(id, null);
    Map<String, Set<String>> down = directory.downNow();
    UnaryOperator<String> e = HtmlText::escape;
    StringBuilder body = new StringBuilder();
    body.append("<h1>").append(e.apply(business.getName())).append("</h1>");
    body.append("<h2>").append(e.apply(words.channelsHeading())).append("</h2><table><thead><tr>");
    words
        .channelsColumns()
        .forEach(column -> body.append("<th>").append(e.apply(column)).append("</th>"));
    body.append("</tr></thead><tbody>");
    for (BusinessChannel channel : business.getChannels()) {
      List<String> downIn = downIn(channel, down);
      body.append("<tr><td>")
          .append(e.apply(words.channel(channel.getId())))
          .append("</td><td>")
          .append(e.apply(words.countries(channel.getRegions())))
          .append("</td><td")
          .append(downIn.isEmpty() ? ">" : " class=\"down\">")
          .append(e.apply(words.state(downIn)))
          .append("</td></tr>");
    }
    body.append("</tbody></table><p><strong>")
        .append(e.apply(words.lossSoFar(report.totalLoss())))
        .append("</strong></p><h2>")
        .append(e.apply(words.incidents()))
        .append("</h2>")
        .append(IncidentReportText.incidentsHtml(report, words));
    return IncidentReportText.page(words.locale(), business.getName(), body.toString());
  }

  private ObjectNode json(String id) {
    Business business = directory.profile(id);
    IncidentReport report = directory.report(id, null);
    Map<String, Set<String>> down = directory.downNow();
    ObjectNode body = IncidentReportText.json(report);
    ArrayNode channels = body.putArray("channels");
    for (BusinessChannel channel : business.getChannels()) {
      ObjectNode node =
          channels.addObject().put("channel", channel.getId()).put("service", channel.getService());
      channel.getRegions().forEach(node.putArray("regions")::add);
      downIn(channel, down).forEach(node.putArray("downIn")::add);
    }
    body.put("text", text(business, report, down));
    return body;
  }

  /**
   * The page as plain text in the business's words, for a terminal ({@code outage-radar status
   * --business}): its channels now, the loss so far, its incidents as the report tells them.
   */
  private static String text(
      Business business, IncidentReport report, Map<String, Set<String>> down) {
    ReportWords words = ReportWords.of(business);
    StringBuilder out = new StringBuilder(business.getName()).append("\n\n");
    out.append(words.channelsHeading()).append(":\n");
    for (BusinessChannel channel : business.getChannels()) {
      out.append("  ")
          .append(words.channel(channel.getId()))
          .append(" — ")
          .append(words.countries(channel.getRegions()))
          .append(" — ")
          .append(words.state(downIn(channel, down)))
          .append('\n');
    }
    out.append('\n')
        .append(words.lossSoFar(report.totalLoss()))
        .append("\n\n")
        .append(IncidentReportText.incidentsMarkdown(report, words));
    return out.toString();
  }

  private static List<String> downIn(BusinessChannel channel, Map<String, Set<String>> down) {
    Set<String> where = down.getOrDefault(channel.getService(), Set.of());
    return channel.getRegions().stream().filter(where::contains).sorted().toList();
  }

  private static void html(HttpExchange exchange, int status, String page) throws IOException {
    exchange.getResponseHeaders().add("Content-Security-Policy", CSP);
    Answers.send(
        exchange, status, "text/html; charset=utf-8", page.getBytes(StandardCharsets.UTF_8));
  }
}
