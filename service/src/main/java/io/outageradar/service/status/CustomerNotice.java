package io.outageradar.service.status;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.outageradar.avro.Business;
import io.outageradar.avro.BusinessChannel;
import io.outageradar.avro.BusinessImpact;
import io.outageradar.avro.ChannelImpact;
import io.outageradar.avro.ChannelRole;
import io.outageradar.detection.business.PlatformNames;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What a business's customers are told while a channel of its is down — on the shop's own site,
 * through {@code notice.js}: "Orders on WhatsApp: unavailable because WhatsApp is down (since
 * 12:40). Order at …", in the visitor's language (else the business's), from the business's own
 * fallback texts. Never money, shares, outage ids or contacts; nothing at all when all is well, and
 * an unknown business answers exactly as a quiet one does. Ads are the business's concern, not its
 * customers': they are never shown.
 */
public final class CustomerNotice {
  private static final ObjectMapper JSON = new ObjectMapper();

  private record Words(String down, String meanwhile, Map<ChannelRole, String> roles) {}

  private static final Map<String, Words> WORDS =
      Map.of(
          "en",
          new Words(
              "%s on %s: unavailable because %s is down (since %s).",
              "Meanwhile: %s on %s.",
              Map.of(
                  ChannelRole.SALES, "Orders",
                  ChannelRole.SUPPORT, "Customer service",
                  ChannelRole.LEADS, "Enquiries",
                  ChannelRole.PAYMENTS, "Payments",
                  ChannelRole.LOGIN, "Sign-in")),
          "pt",
          new Words(
              "%s pelo %s: indisponível por uma falha do %s (desde %s).",
              "Enquanto isso: %s pelo %s.",
              Map.of(
                  ChannelRole.SALES, "Pedidos",
                  ChannelRole.SUPPORT, "Atendimento",
                  ChannelRole.LEADS, "Contato",
                  ChannelRole.PAYMENTS, "Pagamentos",
                  ChannelRole.LOGIN, "Acesso")),
          "es",
          new Words(
              "%s por %s: no disponible por una falla de %s (desde %s).",
              "Mientras tanto: %s por %s.",
              Map.of(
                  ChannelRole.SALES, "Pedidos",
                  ChannelRole.SUPPORT, "Atención al cliente",
                  ChannelRole.LEADS, "Consultas",
                  ChannelRole.PAYMENTS, "Pagos",
                  ChannelRole.LOGIN, "Acceso")));

  private CustomerNotice() {}

  /**
   * The notice of {@code business} (null: unknown) given what hurts it now ({@code impact}, null:
   * nothing), for a visitor whose browser sent {@code acceptLanguage} (may be null).
   */
  public static ObjectNode of(Business business, BusinessImpact impact, String acceptLanguage) {
    ObjectNode body = JSON.createObjectNode();
    ArrayNode notices = body.putArray("notices");
    if (business == null || impact == null || impact.getChannels().isEmpty()) {
      return body;
    }
    String language = language(acceptLanguage, business);
    Words words = WORDS.get(language);
    DateTimeFormatter clock =
        DateTimeFormatter.ofPattern("HH:mm").withZone(ZoneId.of(business.getTimeZone()));
    Set<String> said = new LinkedHashSet<>();
    for (ChannelImpact hit : impact.getChannels()) {
      Optional<BusinessChannel> channel = channel(business, hit.getChannelId());
      ChannelRole role = channel.map(BusinessChannel::getRole).orElse(ChannelRole.SALES);
      String what = words.roles().get(role);
      if (what == null) {
        continue; // ads: nothing a customer needs to know
      }
      String platform = PlatformNames.of(hit.getService());
      StringBuilder text =
          new StringBuilder(
              String.format(words.down(), what, platform, platform, clock.format(hit.getSince())));
      instead(business, hit, language, words).ifPresent(line -> text.append(' ').append(line));
      if (said.add(text.toString())) {
        notices
            .addObject()
            .put("platform", platform)
            .put("since", hit.getSince().toString())
            .put("text", text.toString());
      }
    }
    if (!notices.isEmpty()) {
      body.put("language", language);
    }
    return body;
  }

  private static Optional<String> instead(
      Business business, ChannelImpact hit, String language, Words words) {
    Map<String, String> texts = hit.getFallbackText();
    for (String tag : List.of(language, primary(business.getLanguages().get(0)), "en")) {
      for (Map.Entry<String, String> text : texts.entrySet()) {
        if (primary(text.getKey()).equals(tag)) {
          return Optional.of(text.getValue());
        }
      }
    }
    if (!texts.isEmpty()) {
      return Optional.of(texts.values().iterator().next());
    }
    return channel(business, hit.getFallbackChannel() == null ? "" : hit.getFallbackChannel())
        .filter(other -> words.roles().containsKey(other.getRole()))
        .map(
            other ->
                String.format(
                    words.meanwhile(),
                    words.roles().get(other.getRole()),
                    PlatformNames.of(other.getService())));
  }

  /** The first language of the visitor we write, else the business's first we write, else en. */
  static String language(String acceptLanguage, Business business) {
    if (acceptLanguage != null) {
      try {
        for (Locale.LanguageRange range : Locale.LanguageRange.parse(acceptLanguage)) {
          String tag = primary(range.getRange());
          if (range.getWeight() > 0 && WORDS.containsKey(tag)) {
            return tag;
          }
        }
      } catch (IllegalArgumentException e) {
        // a malformed header is no preference
      }
    }
    return business.getLanguages().stream()
        .map(CustomerNotice::primary)
        .filter(WORDS::containsKey)
        .findFirst()
        .orElse("en");
  }

  private static String primary(String tag) {
    return Locale.forLanguageTag(tag).getLanguage();
  }

  private static Optional<BusinessChannel> channel(Business business, String id) {
    return business.getChannels().stream().filter(c -> c.getId().equals(id)).findFirst();
  }
}
