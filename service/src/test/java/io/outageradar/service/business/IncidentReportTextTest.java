package io.outageradar.service.business;

import static org.assertj.core.api.Assertions.assertThat;

import io.outageradar.avro.Business;
import io.outageradar.avro.BusinessContact;
import io.outageradar.avro.ContactKind;
import io.outageradar.avro.Money;
import io.outageradar.avro.NoticeAction;
import io.outageradar.detection.business.ContactChoice;
import io.outageradar.detection.business.IncidentReport;
import io.outageradar.service.business.IncidentReportText.Format;
import io.outageradar.testkit.Shops;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A shop owner reads the report in plain words in the shop's language and time zone: channels by
 * what they are for, contacts by how they are reached, countries by name — never an outage id, a
 * contact id, a country code, an action name or a UTC timestamp. The JSON stays as the API gives
 * it.
 */
class IncidentReportTextTest {
  private static final Instant ONSET = Instant.parse("2021-10-04T15:40:00Z");

  @Test
  void theReportSpeaksTheShopsLanguageInItsTimeZone() {
    String pt = IncidentReportText.write(report(), Format.MD, shop("pt-BR", "America/Sao_Paulo"));
    assertThat(pt)
        .contains("WhatsApp ficou fora do ar onde estão seus clientes (Brasil)")
        .contains("Começou em 4 out. 12:40") // 15:40 UTC in São Paulo
        .contains("Causa provável: a plataforma não podia ser encontrada na internet.")
        .contains("| vendas (WhatsApp) | Brasil | 6 h 30 min | R$\u00a0520,00 |")
        .contains("avisamos que estava fora do ar, escrevendo para o seu e-mail ana@example.com")
        .contains("Não escrevemos para o seu telefone (SMS): depende do WhatsApp")
        .contains("enviaram 120 reclamação(ões) sobre WhatsApp")
        .contains("62% deles estavam insatisfeitos");
    String en = IncidentReportText.write(report(), Format.HTML, shop("en-GB", "Europe/London"));
    assertThat(en)
        .contains("WhatsApp was down where your customers are (Brazil)")
        .contains("It began on 4 Oct 16:40") // 15:40 UTC in London, summer time
        .contains("<td>sales (WhatsApp)</td><td>Brazil</td><td>6 h 30 min</td>");
    for (String text : List.of(pt, en)) {
      assertThat(text)
          .doesNotContain("TRIGGER", "RESOLVE", "ana-email", "ana-sms", "wa-sales")
          .doesNotContain("whatsapp-global-1", "2021-10-04T", "| BR |", "DNS");
    }
    assertThat(IncidentReportText.write(report(), Format.JSON, shop("pt-BR", "UTC")))
        .contains("\"outageId\":\"whatsapp-global-1\"")
        .contains("\"onset\":\"2021-10-04T15:40:00Z\"");
  }

  private static IncidentReport report() {
    Instant confirmed = ONSET.plusSeconds(90);
    Instant resolved = ONSET.plusSeconds(6 * 3600 + 1800);
    List<Money> loss = List.of(new Money(52_000L, "BRL"));
    return new IncidentReport(
        "loja-da-ana",
        "Loja da Ana",
        resolved,
        List.of(
            new IncidentReport.Incident(
                "whatsapp-global-1",
                "whatsapp",
                "GLOBAL",
                List.of("BR"),
                ONSET,
                confirmed,
                resolved,
                "DNS",
                List.of(new IncidentReport.ChannelDown("wa-sales", List.of("BR"), 390, loss)),
                loss,
                List.of(
                    new IncidentReport.Told(
                        NoticeAction.TRIGGER,
                        confirmed,
                        List.of("ana-email"),
                        List.of(
                            new ContactChoice.Skipped(
                                "ana-sms", "rides on whatsapp", "whatsapp", List.of("BR")))),
                    new IncidentReport.Told(
                        NoticeAction.RESOLVE,
                        resolved,
                        List.of("ana-sms", "ana-email"),
                        List.of())),
                new IncidentReport.Customers(120, -0.62, 0.62))));
  }

  private static Business shop(String language, String zone) {
    return Shops.inSaoPaulo("loja-da-ana", "Loja da Ana", language)
        .setTimeZone(zone)
        .setContacts(
            List.of(
                new BusinessContact("ana-email", ContactKind.EMAIL, "ana@example.com", null, null),
                new BusinessContact(
                    "ana-sms", ContactKind.SMS, null, "https://sms.example/hook", "whatsapp")))
        .setChannels(List.of(Shops.whatsAppSales(8_000L)))
        .build();
  }
}
