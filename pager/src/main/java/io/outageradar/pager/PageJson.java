package io.outageradar.pager;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.outageradar.avro.Money;
import io.outageradar.avro.Page;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Currency;
import java.util.stream.Collectors;

/** JSON building blocks the integrations share. */
final class PageJson {
  static final ObjectMapper MAPPER = new ObjectMapper();
  static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);

  private PageJson() {}

  /** The page itself, field for field, as the generic webhook sends it. */
  static ObjectNode of(Page page) {
    ObjectNode node = MAPPER.createObjectNode();
    node.put("dedupKey", page.getDedupKey());
    node.put("action", page.getAction().name());
    node.put("at", page.getAt().toString());
    node.put("service", page.getService());
    node.put("scope", page.getScope().name());
    page.getRegions().forEach(node.putArray("regions")::add);
    node.put("cause", page.getCause().name());
    node.put("severity", page.getSeverity().name());
    node.put("summary", page.getSummary());
    node.put("onset", page.getOnset().toString());
    node.put("renotify", page.getRenotify());
    ArrayNode losses = node.putArray("estimatedLoss");
    page.getEstimatedLoss()
        .forEach(
            loss ->
                losses
                    .addObject()
                    .put("currency", loss.getCurrency())
                    .put("amountMinor", loss.getAmountMinor()));
    return node;
  }

  /**
   * An amount in major units with the currency's own number of decimals: "1234.56" for BRL, "1500"
   * for JPY.
   */
  static String major(Money money) {
    int digits = Currency.getInstance(money.getCurrency()).getDefaultFractionDigits();
    return BigDecimal.valueOf(money.getAmountMinor(), Math.max(digits, 0)).toPlainString();
  }

  /** An amount as people write it: "1234.56 BRL". */
  static String amount(Money money) {
    return major(money) + " " + money.getCurrency();
  }

  /** The page's estimated loss, one amount per currency, comma-separated; empty when unknown. */
  static String losses(Page page) {
    return page.getEstimatedLoss().stream().map(PageJson::amount).collect(Collectors.joining(", "));
  }

  static byte[] bytes(Object json) {
    try {
      return MAPPER.writeValueAsBytes(json);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a page that cannot be written as JSON", e);
    }
  }

  static HttpRequest.Builder post(URI url, byte[] body) {
    return HttpRequest.newBuilder(url)
        .timeout(REQUEST_TIMEOUT)
        .header("Content-Type", "application/json")
        .header("User-Agent", "outage-radar-pager")
        .POST(HttpRequest.BodyPublishers.ofByteArray(body));
  }

  static String text(byte[] body) {
    return new String(body, StandardCharsets.UTF_8);
  }
}
