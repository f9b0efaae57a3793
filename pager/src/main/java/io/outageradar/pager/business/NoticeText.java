package io.outageradar.pager.business;

import io.outageradar.avro.Business;
import io.outageradar.avro.BusinessChannel;
import io.outageradar.avro.BusinessNotice;
import io.outageradar.avro.Money;
import io.outageradar.avro.NoticeAction;
import io.outageradar.detection.business.ContactChoice;
import io.outageradar.detection.business.PlatformNames;
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
import java.util.Objects;
import java.util.Optional;

/**
 * A notice in words a shop owner reads, in the business's language (English, Portuguese or Spanish;
 * any other reads English), its time zone and its currency: which platform is down, which of its
 * channels, since when, what it has cost so far and what its customers can do instead.
 */
public record NoticeText(String language, String subject, String body) {
  /**
   * The text of {@code notice} for {@code business}; {@code skipped} says which contacts were not
   * used and why.
   */
  public static NoticeText of(Business business, BusinessNotice notice, List<String> skipped) {
    String language = languageOf(business);
    NoticeWords words = NoticeWords.BY_LANGUAGE.get(language);
    Locale locale = localeOf(business);
    String platform = PlatformNames.of(notice.getService());
    List<BusinessChannel> hit =
        business.getChannels().stream()
            .filter(channel -> notice.getChannels().contains(channel.getId()))
            .toList();
    String roles =
        String.join(
            ", ",
            hit.stream()
                .map(channel -> words.roles().get(channel.getRole()))
                .filter(Objects::nonNull)
                .distinct()
                .toList());
    String channels =
        String.join(
            ", ",
            hit.stream()
                .map(channel -> words.channel(channel.getRole(), channel.getService()))
                .distinct()
                .toList());
    List<String> lines = new ArrayList<>();
    String subject;
    if (notice.getAction() == NoticeAction.TRIGGER) {
      subject = String.format(words.triggerSubject(), platform, roles);
      DateTimeFormatter clock =
          DateTimeFormatter.ofPattern("d MMM HH:mm z", locale)
              .withZone(ZoneId.of(business.getTimeZone()));
      lines.add(
          String.format(
              words.down(),
              platform,
              String.join(", ", notice.getRegions()),
              clock.format(notice.getSince())));
      if (Boolean.FALSE.equals(notice.getVendorAcknowledged())) {
        lines.add(String.format(words.notAcknowledged(), platform));
      }
      lines.add(String.format(words.channels(), channels));
      lines.add(String.format(words.lossSoFar(), money(notice.getLoss(), locale)));
      for (BusinessChannel channel : hit) {
        instead(business, channel, language, words).ifPresent(lines::add);
      }
    } else {
      subject = String.format(words.resolveSubject(), platform, roles);
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
    NoticeWords words = NoticeWords.BY_LANGUAGE.get(languageOf(business));
    String contact =
        business.getContacts().stream()
            .filter(c -> c.getId().equals(skipped.contact()))
            .findFirst()
            .map(c -> words.contact(c.getKind(), c.getAddress()))
            .orElse(skipped.contact());
    return String.format(
        words.skipped(),
        contact,
        PlatformNames.of(skipped.platform()),
        String.join(", ", skipped.regions()));
  }

  private static Optional<String> instead(
      Business business, BusinessChannel channel, String language, NoticeWords words) {
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
      return Optional.of(String.format(words.instead(), text));
    }
    return business.getChannels().stream()
        .filter(other -> other.getId().equals(channel.getFallbackChannel()))
        .findFirst()
        .map(
            other ->
                String.format(
                    words.useChannel(), words.channel(other.getRole(), other.getService())));
  }

  /** The first of the business's languages we write, else English. */
  static String languageOf(Business business) {
    for (String tag : business.getLanguages()) {
      String primary = Locale.forLanguageTag(tag).getLanguage();
      if (NoticeWords.BY_LANGUAGE.containsKey(primary)) {
        return primary;
      }
    }
    return "en";
  }

  /** Amounts as people of {@code locale} write them, joined by " + "; "-" for none. */
  /**
   * The business's first language as a locale (English when it names none): how it writes money.
   */
  public static Locale localeOf(Business business) {
    return business.getLanguages().isEmpty()
        ? Locale.ENGLISH
        : Locale.forLanguageTag(business.getLanguages().get(0));
  }

  public static String money(List<Money> amounts, Locale locale) {
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
}
