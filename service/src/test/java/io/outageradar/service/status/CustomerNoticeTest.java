package io.outageradar.service.status;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.outageradar.avro.Business;
import io.outageradar.avro.BusinessChannel;
import io.outageradar.avro.BusinessImpact;
import io.outageradar.avro.ChannelImpact;
import io.outageradar.avro.ChannelRole;
import io.outageradar.avro.Money;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What a shop's customers read: its channel down, why, since when, what to do; nothing else. */
class CustomerNoticeTest {
  private static final Instant SINCE = Instant.parse("2021-10-04T15:40:30Z");

  @Test
  void aChannelDownIsToldInTheVisitorsLanguageWithTheShopsOwnFallback() {
    ObjectNode pt = CustomerNotice.of(shop(), hurting("wa-sales", "ig-ads"), "pt-BR,pt;q=0.9");
    ObjectNode es = CustomerNotice.of(shop(), hurting("wa-sales"), "es-MX, en;q=0.5");
    ObjectNode fallback = CustomerNotice.of(shop(), hurting("wa-sales"), "de-DE");

    assertThat(pt.get("notices")).hasSize(1);
    assertThat(pt.get("notices").get(0).get("text").asText())
        .isEqualTo(
            "Pedidos pelo WhatsApp: indisponível por uma falha do WhatsApp (desde 12:40)."
                + " Peça pelo site loja.example.com");
    assertThat(es.get("notices").get(0).get("text").asText())
        .startsWith("Pedidos por WhatsApp: no disponible por una falla de WhatsApp (desde 12:40).")
        .as("no Spanish fallback: the business's own language")
        .endsWith("Peça pelo site loja.example.com");
    assertThat(fallback.get("language").asText()).as("German is not written").isEqualTo("pt");
  }

  @Test
  void neverMoneyIdsOrAdsAndAFallbackChannelIsNamedPlainly() {
    ObjectNode notice = CustomerNotice.of(shop(), hurting("ig-dm", "ig-ads"), "en");
    String all = notice.toString();

    assertThat(notice.get("notices")).hasSize(1);
    assertThat(notice.get("notices").get(0).get("text").asText())
        .isEqualTo(
            "Customer service on Instagram: unavailable because Instagram is down (since"
                + " 12:40). Meanwhile: Orders on WhatsApp.");
    assertThat(all)
        .doesNotContain("BRL")
        .doesNotContain("250")
        .doesNotContain("ig-dm")
        .doesNotContain("outage-1")
        .doesNotContain("0.5");
  }

  @Test
  void aQuietBusinessAndAnUnknownOneAnswerAlike() {
    assertThat(CustomerNotice.of(shop(), null, "pt"))
        .isEqualTo(CustomerNotice.of(null, null, "pt"))
        .isEqualTo(CustomerNotice.of(shop(), hurting(), "en"))
        .isEqualTo(CustomerNotice.of(shop(), hurting("ig-ads"), "en"));
    assertThat(CustomerNotice.of(null, null, "pt").toString()).isEqualTo("{\"notices\":[]}");
  }

  @Test
  void aMalformedAcceptLanguageIsNoPreference() {
    assertThat(CustomerNotice.language(";;;q=x", shop())).isEqualTo("pt");
    assertThat(CustomerNotice.language(null, shop())).isEqualTo("pt");
  }

  private static Business shop() {
    return Business.newBuilder()
        .setId("loja")
        .setName("Loja")
        .setCurrency("BRL")
        .setTimeZone("America/Sao_Paulo")
        .setLanguages(List.of("pt-BR"))
        .setContacts(List.of())
        .setChannels(
            List.of(
                channel("wa-sales", ChannelRole.SALES, "whatsapp"),
                channel("ig-dm", ChannelRole.SUPPORT, "instagram"),
                channel("ig-ads", ChannelRole.ADS, "instagram")))
        .build();
  }

  private static BusinessChannel channel(String id, ChannelRole role, String service) {
    return BusinessChannel.newBuilder()
        .setId(id)
        .setRole(role)
        .setService(service)
        .setRegions(List.of("BR"))
        .setRevenuePerHour(new Money(25_000L, "BRL"))
        .build();
  }

  private static BusinessImpact hurting(String... channels) {
    return BusinessImpact.newBuilder()
        .setBusinessId("loja")
        .setChannels(
            java.util.Arrays.stream(channels)
                .map(
                    id ->
                        ChannelImpact.newBuilder()
                            .setChannelId(id)
                            .setService(id.startsWith("wa") ? "whatsapp" : "instagram")
                            .setOutageId("outage-1")
                            .setRegions(List.of("BR"))
                            .setSince(SINCE)
                            .setShareUnavailable(0.5)
                            .setFallbackChannel(id.equals("ig-dm") ? "wa-sales" : null)
                            .setFallbackText(
                                id.equals("wa-sales")
                                    ? Map.of("pt", "Peça pelo site loja.example.com")
                                    : Map.of())
                            .build())
                .toList())
        .setLoss(List.of(new Money(25_000L, "BRL")))
        .setAsOf(SINCE)
        .build();
  }
}
