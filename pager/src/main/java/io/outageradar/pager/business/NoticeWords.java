package io.outageradar.pager.business;

import io.outageradar.avro.ChannelRole;
import io.outageradar.avro.ContactKind;
import io.outageradar.detection.business.PlatformNames;
import java.util.Map;

/**
 * The words of a business notice in one language: sentences with blanks, what each channel role and
 * contact kind is called, and the names platforms go by — so that a shop owner reads "sales
 * (WhatsApp)" and "your SMS line", never a channel id or a service key.
 */
record NoticeWords(
    String triggerSubject,
    String resolveSubject,
    String down,
    String back,
    String channels,
    String lossSoFar,
    String lossTotal,
    String instead,
    String useChannel,
    String skipped,
    String duration,
    String notAcknowledged,
    Map<ChannelRole, String> roles,
    Map<ContactKind, String> contacts) {

  static final Map<String, NoticeWords> BY_LANGUAGE =
      Map.of(
          "en",
          new NoticeWords(
              "%s is down: it affects your %s",
              "%s is back: %s",
              "%s is down where your customers are (%s) since %s.",
              "%s is working again. It was down for %s.",
              "Affected: %s.",
              "Estimated sales lost so far: %s.",
              "Estimated sales lost in total: %s.",
              "What your customers can do instead: %s",
              "Use your %s instead.",
              "We did not write to %s: it depends on %s, which is down in %s.",
              "%d h %02d min",
              "%s's own status page does not admit it yet: we see it failing all the same.",
              Map.of(
                  ChannelRole.SALES, "sales",
                  ChannelRole.SUPPORT, "customer service",
                  ChannelRole.LEADS, "new customer enquiries",
                  ChannelRole.ADS, "ads",
                  ChannelRole.PAYMENTS, "payments",
                  ChannelRole.LOGIN, "customer sign-in"),
              Map.of(
                  ContactKind.EMAIL, "your email %s",
                  ContactKind.SMS, "your phone (text messages)",
                  ContactKind.SLACK, "your Slack",
                  ContactKind.WEBHOOK, "your system (webhook)")),
          "pt",
          new NoticeWords(
              "%s fora do ar — afeta: %s",
              "%s voltou: %s",
              "%s está fora do ar onde estão seus clientes (%s) desde %s.",
              "%s voltou a funcionar. Ficou fora do ar por %s.",
              "Afetado: %s.",
              "Vendas perdidas estimadas até agora: %s.",
              "Vendas perdidas estimadas no total: %s.",
              "O que seus clientes podem fazer: %s",
              "Use no lugar: %s.",
              "Não escrevemos para %s: depende do %s, que está fora do ar em %s.",
              "%d h %02d min",
              "A página de status do %s ainda não reconhece a falha, mas nós já vemos que está fora do ar.",
              Map.of(
                  ChannelRole.SALES, "vendas",
                  ChannelRole.SUPPORT, "atendimento",
                  ChannelRole.LEADS, "contatos de novos clientes",
                  ChannelRole.ADS, "anúncios",
                  ChannelRole.PAYMENTS, "pagamentos",
                  ChannelRole.LOGIN, "acesso dos clientes"),
              Map.of(
                  ContactKind.EMAIL, "o seu e-mail %s",
                  ContactKind.SMS, "o seu telefone (SMS)",
                  ContactKind.SLACK, "o seu Slack",
                  ContactKind.WEBHOOK, "o seu sistema (webhook)")),
          "es",
          new NoticeWords(
              "%s caído — afecta: %s",
              "%s volvió: %s",
              "%s está caído donde están sus clientes (%s) desde %s.",
              "%s funciona de nuevo. Estuvo caído %s.",
              "Afectado: %s.",
              "Ventas perdidas estimadas hasta ahora: %s.",
              "Ventas perdidas estimadas en total: %s.",
              "Qué pueden hacer sus clientes: %s",
              "Use en su lugar: %s.",
              "No escribimos a %s: depende de %s, que está caído en %s.",
              "%d h %02d min",
              "La página de estado de %s aún no lo reconoce: aun así, vemos que falla.",
              Map.of(
                  ChannelRole.SALES, "ventas",
                  ChannelRole.SUPPORT, "atención al cliente",
                  ChannelRole.LEADS, "contactos de nuevos clientes",
                  ChannelRole.ADS, "anuncios",
                  ChannelRole.PAYMENTS, "pagos",
                  ChannelRole.LOGIN, "acceso de clientes"),
              Map.of(
                  ContactKind.EMAIL, "su correo %s",
                  ContactKind.SMS, "su teléfono (SMS)",
                  ContactKind.SLACK, "su Slack",
                  ContactKind.WEBHOOK, "su sistema (webhook)")));

  /** A channel by what it is for and where it runs: "sales (WhatsApp)". */
  String channel(ChannelRole role, String service) {
    return roles.getOrDefault(role, roles.get(ChannelRole.SALES))
        + " ("
        + PlatformNames.of(service)
        + ")";
  }

  /** A contact by how it is reached: "your email ana@example.com", "your phone (text messages)". */
  String contact(ContactKind kind, String address) {
    String words = contacts.getOrDefault(kind, contacts.get(ContactKind.WEBHOOK));
    return words.contains("%s") ? String.format(words, address == null ? "" : address) : words;
  }
}
