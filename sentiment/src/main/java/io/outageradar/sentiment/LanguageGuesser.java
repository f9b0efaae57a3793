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

  private LanguageGuesser(Map<String, Integer> words, Map<String, Integer> phrases) {
    this.words = Map.copyOf(words);
    this.phrases = Map.copyOf(phrases);
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
    return new LanguageGuesser(words, phrases);
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
    int[] score = new int[3];
    List<String> tokens = new java.util.ArrayList<>();
    int start = -1;
    for (int i = 0; i <= text.length(); i++) {
      char c = i == text.length() ? ' ' : text.charAt(i);
      switch (Character.toLowerCase(c)) {
        case 'ã', 'õ', 'ç' -> score[1] += 2;
        case 'ñ', '¿', '¡' -> score[2] += 2;
        default -> {}
      }
      boolean boundary = TextShape.isSpace(c);
      if (!boundary && start < 0) {
        start = i;
      } else if (boundary && start >= 0) {
        tokens.add(TextShape.stripPunctuation(text.substring(start, i)).toLowerCase(Locale.ROOT));
        start = -1;
      }
    }
    for (int i = 0; i < tokens.size(); i++) {
      count(words.get(tokens.get(i)), 1, score);
      if (phraseStarts.contains(tokens.get(i))) {
        String phrase = tokens.get(i);
        for (int k = i + 1; k < Math.min(tokens.size(), i + 4); k++) {
          phrase = phrase + ' ' + tokens.get(k);
          count(phrases.get(phrase), 2, score);
        }
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
