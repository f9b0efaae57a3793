package io.outageradar.sentiment;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Tells English, Portuguese and Spanish apart in short posts: each token that is a frequent
 * function word of a language, or one of its outage words, counts for it; one of its outage phrases
 * ("no funciona") and letters only one of them uses (ã, õ, ç for Portuguese; ñ, ¿, ¡ for Spanish)
 * count double. No evidence, or a tie with English, means English; a tie between the other two,
 * Portuguese. Good enough to pick a vocabulary; not a general language identifier.
 */
final class LanguageGuesser {
  static final List<String> LANGUAGES = List.of("en", "pt", "es");
  private static final int EN = 1;
  private static final int PT = 2;
  private static final int ES = 4;

  /** Each evidence word with the languages it counts for, as a bit set: one lookup per token. */
  private final Map<String, Integer> words;

  /** The same for multi-word phrases, and the words they start with (so most tokens try none). */
  private final Map<String, Integer> phrases;

  private final Set<String> phraseStarts;

  /** The language a region's reports are most likely in, by ISO country code. */
  private final Map<String, String> regionLanguages;

  private LanguageGuesser(
      Map<String, Integer> words, Map<String, Integer> phrases, Map<String, String> regions) {
    this.words = Map.copyOf(words);
    this.phrases = Map.copyOf(phrases);
    this.regionLanguages = Map.copyOf(regions);
    this.phraseStarts =
        phrases.keySet().stream()
            .map(phrase -> phrase.substring(0, phrase.indexOf(' ')))
            .collect(java.util.stream.Collectors.toUnmodifiableSet());
  }

  /** The stop words of the data file plus each language's outage entries (words and phrases). */
  static LanguageGuesser load(Map<String, Set<String>> domainEntries) {
    Map<String, Integer> words = new HashMap<>();
    Map<String, Integer> phrases = new HashMap<>();
    for (String[] row : DataFiles.rows("stopwords.tsv", 2)) {
      words.merge(row[1], bit(row[0]), (a, b) -> a | b);
    }
    domainEntries.forEach(
        (lang, entries) ->
            entries.forEach(
                entry ->
                    (entry.indexOf(' ') > 0 ? phrases : words)
                        .merge(entry, bit(lang), (a, b) -> a | b)));
    Map<String, String> regions = new HashMap<>();
    for (String[] row : DataFiles.rows("region-languages.tsv", 2)) {
      for (String region : row[1].split(",")) {
        regions.put(region.strip(), row[0]);
      }
    }
    return new LanguageGuesser(words, phrases, regions);
  }

  private static int bit(String lang) {
    return switch (lang) {
      case "en" -> EN;
      case "pt" -> PT;
      case "es" -> ES;
      default -> throw new IllegalArgumentException("no vocabulary for language " + lang);
    };
  }

  String guess(String text) {
    return guess(VaderText.split(text), null);
  }

  /**
   * The language of a text already split (the split the score then reuses); a tie at the top, or no
   * evidence at all, goes to {@code region}'s language when that is one of the tied.
   */
  String guess(Split split, String region) {
    int[] score = new int[3];
    String text = split.text();
    for (int i = 0; i < text.length(); i++) {
      switch (Character.toLowerCase(text.charAt(i))) {
        case 'ã', 'õ', 'ç' -> score[1] += 2;
        case 'ñ', '¿', '¡' -> score[2] += 2;
        default -> {}
      }
    }
    for (int i = 0; i < split.size(); i++) {
      String token = split.key(i);
      count(words.get(token), 1, score);
      if (phraseStarts.contains(token)) {
        String phrase = token;
        for (int k = i + 1; k < Math.min(split.size(), i + 4); k++) {
          phrase = phrase + ' ' + split.key(k);
          count(phrases.get(phrase), 2, score);
        }
      }
    }
    String regional = region == null ? null : regionLanguages.get(region.toUpperCase(Locale.ROOT));
    if (regional != null) {
      int best = Math.max(score[0], Math.max(score[1], score[2]));
      if (score[LANGUAGES.indexOf(regional)] == best) {
        return regional;
      }
    }
    if (score[0] >= score[1] && score[0] >= score[2]) {
      return "en";
    }
    return score[1] >= score[2] ? "pt" : "es";
  }

  private static void count(Integer languages, int weight, int[] score) {
    if (languages != null) {
      score[0] += (languages & EN) * weight;
      score[1] += ((languages & PT) >> 1) * weight;
      score[2] += ((languages & ES) >> 2) * weight;
    }
  }
}
