package io.outageradar.sentiment;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Tells English, Portuguese and Spanish apart in short posts: each token that is a frequent
 * function word of a language, or one of its outage words, counts for it, and letters only one of
 * them uses (ã, õ, ç for Portuguese; ñ, ¿, ¡ for Spanish) count double. No evidence, or a tie with
 * English, means English. Good enough to pick a vocabulary; not a general language identifier.
 */
final class LanguageGuesser {
  static final List<String> LANGUAGES = List.of("en", "pt", "es");

  private final Map<String, Set<String>> evidence;

  LanguageGuesser(Map<String, Set<String>> wordsByLanguage) {
    this.evidence = Map.copyOf(wordsByLanguage);
  }

  static LanguageGuesser load(Map<String, Set<String>> domainWords) {
    Map<String, Set<String>> words = new HashMap<>();
    for (String[] row : DataFiles.rows("stopwords.tsv", 2)) {
      words.computeIfAbsent(row[0], lang -> new HashSet<>()).add(row[1]);
    }
    domainWords.forEach((lang, domain) -> words.computeIfAbsent(lang, l -> new HashSet<>()).addAll(domain));
    words.replaceAll((lang, set) -> Set.copyOf(set));
    return new LanguageGuesser(words);
  }

  String guess(String text) {
    int en = 0;
    int pt = 0;
    int es = 0;
    for (int i = 0; i < text.length(); i++) {
      switch (Character.toLowerCase(text.charAt(i))) {
        case 'ã', 'õ', 'ç' -> pt += 2;
        case 'ñ', '¿', '¡' -> es += 2;
        default -> { }
      }
    }
    int start = -1;
    for (int i = 0; i <= text.length(); i++) {
      boolean boundary = i == text.length() || TextShape.isSpace(text.charAt(i));
      if (!boundary && start < 0) {
        start = i;
      } else if (boundary && start >= 0) {
        String word = TextShape.stripPunctuation(text.substring(start, i)).toLowerCase(Locale.ROOT);
        en += evidence.getOrDefault("en", Set.of()).contains(word) ? 1 : 0;
        pt += evidence.getOrDefault("pt", Set.of()).contains(word) ? 1 : 0;
        es += evidence.getOrDefault("es", Set.of()).contains(word) ? 1 : 0;
        start = -1;
      }
    }
    if (en >= pt && en >= es) {
      return "en";
    }
    return pt >= es ? "pt" : "es";
  }
}
