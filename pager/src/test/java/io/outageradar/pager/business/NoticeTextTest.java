package io.outageradar.pager.business;

import static org.assertj.core.api.Assertions.assertThat;

import io.outageradar.avro.Business;
import io.outageradar.avro.BusinessChannel;
import io.outageradar.avro.BusinessContact;
import io.outageradar.avro.BusinessNotice;
import io.outageradar.avro.ChannelRole;
import io.outageradar.avro.ContactKind;
import io.outageradar.avro.Money;
import io.outageradar.avro.NoticeAction;
import io.outageradar.detection.business.ContactChoice;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What a shop owner reads: plain words in their language, no ids or service keys. */
class NoticeTextTest {
  private static final Instant SINCE = Instant.parse("2021-10-04T15:40:30Z");

  @Test
  void aTriggerNamesThePlatformAndWhatItIsForNeverTheIds() {
    NoticeText text = NoticeText.of(shop("pt-BR"), trigger(), List.of());

    assertThat(text.language()).isEqualTo("pt");
    assertThat(text.subject()).isEqualTo("WhatsApp fora do ar — afeta: vendas, atendimento");
    assertThat(text.body())
        .contains("WhatsApp está fora do ar onde estão seus clientes (BR) desde 4 out. 12:40 BRT.")
        .contains("Afetado: vendas (WhatsApp), atendimento (WhatsApp).")
        .contains("Vendas perdidas estimadas até agora: R$\u00a012,50.")
        .contains("O que seus clientes podem fazer: Peça pelo site")
        .contains("Use no lugar: atendimento (Instagram).");
    assertThat(text.subject() + text.body())
        .doesNotContain("wa-sales")
        .doesNotContain("wa-support")
        .doesNotContain("ig-dm")
        .doesNotContain("whatsapp");
  }

  @Test
  void aTriggerTheVendorDoesNotAdmitSaysSoAndOneItAdmitsSaysNothingOfIt() {
    BusinessNotice unadmitted = trigger();
    unadmitted.setVendorAcknowledged(false);
    BusinessNotice admitted = trigger();
    admitted.setVendorAcknowledged(true);

    assertThat(NoticeText.of(shop("pt-BR"), unadmitted, List.of()).body())
        .contains(
            "A página de status do WhatsApp ainda não reconhece a falha, mas nós já vemos que está"
                + " fora do ar.");
    assertThat(NoticeText.of(shop("en-GB"), unadmitted, List.of()).body())
        .contains(
            "WhatsApp's own status page does not admit it yet: we see it failing all the same.");
    assertThat(NoticeText.of(shop("es-MX"), unadmitted, List.of()).body())
        .contains("La página de estado de WhatsApp aún no lo reconoce");
    assertThat(NoticeText.of(shop("pt-BR"), admitted, List.of()).body())
        .isEqualTo(NoticeText.of(shop("pt-BR"), trigger(), List.of()).body())
        .doesNotContain("status");
  }

  @Test
  void aSkippedContactIsDescribedByHowItIsReached() {
    Business shop = shop("es-MX");
    String line =
        NoticeText.skippedLine(
            shop, new ContactChoice.Skipped("zap", "rides on", "whatsapp", List.of("BR")));

    assertThat(line)
        .isEqualTo("No escribimos a su teléfono (SMS): depende de WhatsApp, que está caído en BR.");
  }

  @Test
  void aResolveSaysHowLongAndWhatItCostInTheBusinessLanguageOrEnglish() {
    BusinessNotice resolve = trigger();
    resolve.setAction(NoticeAction.RESOLVE);
    resolve.setDurationMs(6L * 3_600_000 + 30 * 60_000);
    resolve.setLoss(List.of(new Money(162_500L, "BRL")));

    NoticeText text = NoticeText.of(shop("de-DE"), resolve, List.of());

    assertThat(text.language()).as("German is not written: English").isEqualTo("en");
    assertThat(text.subject()).isEqualTo("WhatsApp is back: sales, customer service");
    assertThat(text.body())
        .contains("WhatsApp is working again. It was down for 6 h 30 min.")
        .contains("Estimated sales lost in total:");
  }

  private static Business shop(String language) {
    return Business.newBuilder()
        .setId("loja")
        .setName("Loja")
        .setCurrency("BRL")
        .setTimeZone("America/Sao_Paulo")
        .setLanguages(List.of(language))
        .setContacts(
            List.of(new BusinessContact("zap", ContactKind.SMS, null, "https://sms", "whatsapp")))
        .setChannels(
            List.of(
                channel("wa-sales", ChannelRole.SALES, "whatsapp", null)
                    .setFallbackText(Map.of("pt", "Peça pelo site loja.example.com"))
                    .build(),
                channel("wa-support", ChannelRole.SUPPORT, "whatsapp", "ig-dm").build(),
                channel("ig-dm", ChannelRole.SUPPORT, "instagram", null).build()))
        .build();
  }

  private static BusinessChannel.Builder channel(
      String id, ChannelRole role, String service, String fallback) {
    return BusinessChannel.newBuilder()
        .setId(id)
        .setRole(role)
        .setService(service)
        .setRegions(List.of("BR"))
        .setRevenuePerHour(new Money(25_000L, "BRL"))
        .setFallbackChannel(fallback);
  }

  private static BusinessNotice trigger() {
    return BusinessNotice.newBuilder()
        .setBusinessId("loja")
        .setOutageId("whatsapp-global-1")
        .setDedupKey("loja|whatsapp-global-1")
        .setAction(NoticeAction.TRIGGER)
        .setAt(SINCE.plusSeconds(60))
        .setService("whatsapp")
        .setRegions(List.of("BR"))
        .setChannels(List.of("wa-sales", "wa-support"))
        .setSince(SINCE)
        .setLoss(List.of(new Money(1_250L, "BRL")))
        .build();
  }
}
