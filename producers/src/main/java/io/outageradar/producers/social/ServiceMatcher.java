package io.outageradar.producers.social;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Finds which service a post is about from per-service keywords and aliases, some of them only in
 * some regions ("zap" is WhatsApp in Brazil, and a shoe in Spanish). Matching is on whole words,
 * case- and accent-insensitive; the patterns are compiled once.
 *
 * <p>Configuration: {@code service:alias,alias@REGION,...;service:...}, e.g. {@code
 * whatsapp:whatsapp,wpp@BR,zap@BR;instagram:instagram,insta,ig}.
 */
public final class ServiceMatcher {
  private record Alias(String service, Pattern pattern, String region) {}

  private static final Pattern MARKS = Pattern.compile("\\p{M}");

  private final List<Alias> aliases;

  private ServiceMatcher(List<Alias> aliases) {
    this.aliases = aliases;
  }

  public static ServiceMatcher parse(String config) {
    List<Alias> aliases = new ArrayList<>();
    for (String serviceEntry : config.split(";")) {
      if (serviceEntry.isBlank()) {
        continue;
      }
      String[] serviceAliases = serviceEntry.split(":", 2);
      if (serviceAliases.length != 2 || serviceAliases[0].isBlank()) {
        throw new IllegalArgumentException(
            "alias entry \"" + serviceEntry.trim() + "\" is not service:alias,alias@REGION");
      }
      String service = serviceAliases[0].trim();
      for (String raw : serviceAliases[1].split(",", -1)) {
        String[] aliasRegion = raw.trim().split("@", 2);
        String word = fold(aliasRegion[0].trim());
        if (word.isEmpty()) {
          throw new IllegalArgumentException("empty alias for service " + service);
        }
        Pattern pattern =
            Pattern.compile("(?<![\\p{L}\\p{N}])" + Pattern.quote(word) + "(?![\\p{L}\\p{N}])");
        aliases.add(
            new Alias(
                service,
                pattern,
                aliasRegion.length == 2 ? aliasRegion[1].trim().toUpperCase(Locale.ROOT) : null));
      }
    }
    return new ServiceMatcher(List.copyOf(aliases));
  }

  /** The defaults: the services of the 2021 outage with the names people use for them. */
  public static ServiceMatcher defaults() {
    return parse(
        "whatsapp:whatsapp,whats app,wpp@BR,zap@BR,zapzap@BR,wasap@ES,guasap@ES;"
            + "instagram:instagram,insta,ig;facebook:facebook,fb,face@BR;messenger:messenger");
  }

  /**
   * The service a post from {@code region} is about, the first alias found in configuration order.
   */
  public Optional<String> match(String text, String region) {
    String folded = fold(text);
    for (Alias alias : aliases) {
      boolean regionMatches = alias.region() == null || alias.region().equalsIgnoreCase(region);
      if (regionMatches && alias.pattern().matcher(folded).find()) {
        return Optional.of(alias.service());
      }
    }
    return Optional.empty();
  }

  /** Lower case without accents: "Não" and "nao" are the same word here. */
  static String fold(String text) {
    String decomposed = Normalizer.normalize(text, Normalizer.Form.NFD);
    return MARKS.matcher(decomposed).replaceAll("").toLowerCase(Locale.ROOT);
  }
}
