package io.outageradar.pager.business;

import io.outageradar.avro.Business;
import io.outageradar.avro.BusinessChannel;
import io.outageradar.avro.BusinessNotice;
import io.outageradar.avro.Money;
import io.outageradar.avro.NoticeAction;
import io.outageradar.detection.business.ContactChoice;
import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A notice in words a shop owner reads, in the business's language (English, Portuguese or Spanish;
 * any other reads English), its time zone and its currency: which platform is down, which of its
 * channels, since when, what it has cost so far and what its customers can do instead.
 */
public record NoticeText(String language, String subject, String body) {
  private static final Map<String, Words> WORDS =
      Map.of(
          "en",
          new Words(
              "%s is down: %s affected",
              "%s is back: %s",
              "%s is down where your customers are (%s) since %s.",
              "%s is working again. It was down for %s.",
              "Channels affected: %s.",
              "Estimated sales lost so far: %s.",
              "Estimated sales lost in total: %s.",
              "What your customers can do instead: %s",
              "Use your channel %s instead.",
              "We did not write to %s: it depends on %s, which is down in %s.",
              "%d h %02d min"),
          "pt",
          new Words(
              "%s fora do ar: %s afetado",
              "%s voltou: %s",
              "%s está fora do ar onde estão seus clientes (%s) desde %s.",
              "%s voltou a funcionar. Ficou fora do ar por %s.",
              "Canais afetados: %s.",
              "Vendas perdidas estimadas até agora: %s.",
              "Vendas perdidas estimadas no total: %s.",
              "O que seus clientes podem fazer: %s",
              "Use o seu canal %s no lugar.",
              "Não escrevemos para %s: depende do %s, que está fora do ar em %s.",
              "%d h %02d min"),
          "es",
          new Words(
              "%s caído: %s afectado",
              "%s volvió: %s",
              "%s está caído donde están sus clientes (%s) desde %s.",
              "%s funciona de nuevo. Estuvo caído %s.",
              "Canales afectados: %s.",
              "Ventas perdidas estimadas hasta ahora: %s.",
              "Ventas perdidas estimadas en total: %s.",
              "Qué pueden hacer sus clientes: %s",
              "Use su canal %s en su lugar.",
              "No escribimos a %s: depende de %s, que está caído en %s.",
              "%d h %02d min"));

  private record Words(
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
      String duration) {}

  /**
   * The text of {@code notice} for {@code business}; {@code skipped} says which contacts were not
   * used and why.
   */
  public static NoticeText of(Business business, BusinessNotice notice, List<String> skipped) {
    String language = languageOf(business);
    Words words = WORDS.get(language);
    Locale locale = Locale.forLanguageTag(business.getLanguages().get(0));
    String platform = capitalised(notice.getService());
    String channels = String.join(", ", notice.getChannels());
    List<String> lines = new ArrayList<>();
    String subject;
    if (notice.getAction() == NoticeAction.TRIGGER) {
      subject = String.format(words.triggerSubject(), platform, channels);
      DateTimeFormatter clock =
          DateTimeFormatter.ofPattern("d MMM HH:mm z", locale)
              .withZone(ZoneId.of(business.getTimeZone()));
      lines.add(
          String.format(
              words.down(),
              platform,
              String.join(", ", notice.getRegions()),
              clock.format(notice.getSince())));
      lines.add(String.format(words.channels(), channels));
      lines.add(String.format(words.lossSoFar(), money(notice.getLoss(), locale)));
      for (BusinessChannel channel : business.getChannels()) {
        if (notice.getChannels().contains(channel.getId())) {
          instead(channel, language, words).ifPresent(lines::add);
        }
      }
    } else {
      subject = String.format(words.resolveSubject(), platform, channels);
      Duration down =
          Duration.ofMillis(notice.getDurationMs() == null ? 0 : notice.getDurationMs());
      lines.add(
          String.format(
              words.back(),
              platform,
              String.format(words.duration(), down.toHours(), down.toMinutesPart())));
      lines.add(String.format(words.lossTotal(), money(notice.getLoss(), locale)));
    }
    skipped.forEach(reason -> lines.add(reason));
    return new NoticeText(
        language, subject, business.getName() + "\n\n" + String.join("\n", lines) + "\n");
  }

  /** Why a contact was not written to, in the business's language. */
  public static String skippedLine(Business business, ContactChoice.Skipped skipped) {
    return String.format(
        WORDS.get(languageOf(business)).skipped(),
        skipped.contact(),
        capitalised(skipped.platform()),
        String.join(", ", skipped.regions()));
  }

  private static java.util.Optional<String> instead(
      BusinessChannel channel, String language, Words words) {
    Map<String, String> texts = channel.getFallbackText();
    String text = texts.get(language);
    if (text == null) {
      text =
          texts.entrySet().stream()
              .filter(e -> e.getKey().startsWith(language + "-"))
              .map(Map.Entry::getValue)
              .findFirst()
              .orElse(texts.get("en"));
    }
    if (text != null) {
      return java.util.Optional.of(String.format(words.instead(), text));
    }
    if (channel.getFallbackChannel() != null) {
      return java.util.Optional.of(String.format(words.useChannel(), channel.getFallbackChannel()));
    }
    return java.util.Optional.empty();
  }

  /** The first of the business's languages we write, else English. */
  static String languageOf(Business business) {
    for (String tag : business.getLanguages()) {
      String primary = Locale.forLanguageTag(tag).getLanguage();
      if (WORDS.containsKey(primary)) {
        return primary;
      }
    }
    return "en";
  }

  private static String money(List<Money> amounts, Locale locale) {
    if (amounts.isEmpty()) {
      return "-";
    }
    List<String> all = new ArrayList<>();
    for (Money amount : amounts) {
      Currency currency = Currency.getInstance(amount.getCurrency());
      NumberFormat format = NumberFormat.getCurrencyInstance(locale);
      format.setCurrency(currency);
      int digits = Math.max(0, currency.getDefaultFractionDigits());
      format.setMinimumFractionDigits(digits);
      format.setMaximumFractionDigits(digits);
      all.add(format.format(BigDecimal.valueOf(amount.getAmountMinor(), digits)));
    }
    return String.join(" + ", all);
  }

  private static String capitalised(String service) {
    return service.isEmpty()
        ? service
        : Character.toUpperCase(service.charAt(0)) + service.substring(1);
  }
}
