package io.outageradar.producers.business;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.outageradar.avro.Business;
import io.outageradar.avro.BusinessChannel;
import io.outageradar.avro.BusinessContact;
import io.outageradar.avro.Money;
import java.math.BigDecimal;
import java.util.Currency;
import java.util.Locale;

/**
 * A profile written back in the format {@link BusinessProfiles} reads: what you get is what you
 * gave.
 */
public final class BusinessJson {
  private static final ObjectMapper JSON = new ObjectMapper();

  private BusinessJson() {}

  public static ObjectNode of(Business business) {
    ObjectNode node = JSON.createObjectNode();
    node.put("id", business.getId())
        .put("name", business.getName())
        .put("currency", business.getCurrency())
        .put("timeZone", business.getTimeZone());
    business.getLanguages().forEach(node.putArray("languages")::add);
    if (business.getDailyRevenue() != null) {
      node.set("dailyRevenue", money(business.getDailyRevenue()));
    }
    for (BusinessContact contact : business.getContacts()) {
      ObjectNode c = node.withArray("contacts").addObject();
      c.put("id", contact.getId()).put("kind", contact.getKind().name().toLowerCase(Locale.ROOT));
      if (contact.getAddress() != null) {
        c.put("address", contact.getAddress());
      }
      if (contact.getUrl() != null) {
        c.put("url", contact.getUrl());
      }
      if (contact.getRidesOn() != null) {
        c.put("ridesOn", contact.getRidesOn());
      }
    }
    for (BusinessChannel channel : business.getChannels()) {
      ObjectNode c = node.withArray("channels").addObject();
      c.put("id", channel.getId())
          .put("role", channel.getRole().name().toLowerCase(Locale.ROOT))
          .put("service", channel.getService());
      channel.getRegions().forEach(c.putArray("regions")::add);
      if (channel.getRevenuePerHour() != null) {
        c.set("revenuePerHour", money(channel.getRevenuePerHour()));
      }
      if (channel.getDailyShare() != null) {
        c.put("dailyShare", channel.getDailyShare());
      }
      if (channel.getFallbackChannel() != null || !channel.getFallbackText().isEmpty()) {
        ObjectNode fallback = c.putObject("fallback");
        if (channel.getFallbackChannel() != null) {
          fallback.put("channel", channel.getFallbackChannel());
        }
        if (!channel.getFallbackText().isEmpty()) {
          ObjectNode texts = fallback.putObject("text");
          channel.getFallbackText().forEach(texts::put);
        }
      }
    }
    return node;
  }

  private static ObjectNode money(Money money) {
    int digits = Math.max(0, Currency.getInstance(money.getCurrency()).getDefaultFractionDigits());
    return JSON.createObjectNode()
        .put("amount", BigDecimal.valueOf(money.getAmountMinor(), digits).toPlainString())
        .put("currency", money.getCurrency());
  }
}
