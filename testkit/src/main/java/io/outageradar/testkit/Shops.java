package io.outageradar.testkit;

import io.outageradar.avro.Business;
import io.outageradar.avro.BusinessChannel;
import io.outageradar.avro.ChannelRole;
import io.outageradar.avro.Money;
import java.util.List;

/**
 * Test businesses: a shop in São Paulo that sells through WhatsApp in Brazil, the business most
 * tests of notices, reports and banners need; each test adds the contacts and texts it is about.
 */
public final class Shops {
  private Shops() {}

  /**
   * A shop in São Paulo that counts in reals and reads {@code language}; no contact, no channel.
   */
  public static Business.Builder inSaoPaulo(String id, String name, String language) {
    return Business.newBuilder()
        .setId(id)
        .setName(name)
        .setCurrency("BRL")
        .setTimeZone("America/Sao_Paulo")
        .setLanguages(List.of(language))
        .setContacts(List.of())
        .setChannels(List.of());
  }

  /** "wa-sales": sales through WhatsApp in Brazil, {@code perHourCentavos} an hour. */
  public static BusinessChannel whatsAppSales(long perHourCentavos) {
    return BusinessChannel.newBuilder()
        .setId("wa-sales")
        .setRole(ChannelRole.SALES)
        .setService("whatsapp")
        .setRegions(List.of("BR"))
        .setRevenuePerHour(new Money(perHourCentavos, "BRL"))
        .build();
  }
}
