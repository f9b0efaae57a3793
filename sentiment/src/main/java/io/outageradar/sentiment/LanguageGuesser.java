package io.outageradar.sentiment;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Tells the languages of short posts apart: each token that is a frequent function word of a
 * language, or one of its outage words, counts for it; one of its outage phrases ("no funciona")
 * and letters only one of them uses (ã, õ, ç for Portuguese; ñ, ¿, ¡ for Spanish) count double; an
 * unlisted word's spelling counts once. The nine {@link #LANGUAGES} have a scoring layer; Dutch and
 * Polish are only recognised, so that their texts are not scored with the wrong layer: they win
 * only with more evidence than any of those, and are then "und". A tie goes to the report's
 * region's language when that is one of the tied; otherwise no evidence, or a tie with English,
 * means English, and other ties go to the first in {@link #LANGUAGES}. Good enough to pick a
 * vocabulary; not a general language identifier.
 */
final class LanguageGuesser {
  /** The languages with a scoring layer. */
  static final List<String> LANGUAGES =
      List.of("en", "pt", "es", "fr", "de", "it", "id", "tr", "hi");

  /** Every language recognised, those with a layer first: a language's bit is 1 << its index. */
  private static final List<String> RECOGNISED =
      List.of("en", "pt", "es", "fr", "de", "it", "id", "tr", "hi", "nl", "pl");

  private static final int FRENCH = RECOGNISED.indexOf("fr");
  private static final int TURKISH = RECOGNISED.indexOf("tr");

  /** A text in a recognised language without a layer (ISO 639-2 "undetermined" for scoring). */
  static final String UNDETERMINED = "und";

  /** Each evidence word with the languages it counts for, as a bit set: one lookup per token. */
  private final Map<String, Integer> words;

  /**
   * The same for multi-word phrases, word by word (so no phrase string is built to look one up).
   */
  private final PhraseTrie phrases;

  /** The language a region's reports are most likely in, by ISO country code. */
  private final Map<String, String> regionLanguages;

  /** Spelling cues: a token ending with, or containing, some letters, with their languages. */
  private final SpellingCues spelling;

  private LanguageGuesser(
      Map<String, Integer> words,
      PhraseTrie phrases,
      Map<String, String> regions,
      SpellingCues spelling) {
    this.words = new HashMap<>(words); // never changed; a HashMap looks strings up faster
    this.phrases = phrases;
    this.regionLanguages = Map.copyOf(regions);
    this.spelling = spelling;
  }

  /** The stop words of the data file plus each language's outage entries (words and phrases). */
  static LanguageGuesser load(Map<String, Set<String>> domainEntries) {
    Map<String, Integer> words = new HashMap<>();
    PhraseTrie phrases = new PhraseTrie();
    for (String[] row : DataFiles.rows("stopwords.tsv", 2)) {
      words.merge(row[1], bit(row[0]), (a, b) -> a | b);
    }
    domainEntries.forEach(
        (lang, entries) ->
            entries.forEach(
                entry -> {
                  if (entry.indexOf(' ') > 0) {
                    phrases.add(entry, bit(lang));
                  } else {
                    words.merge(entry, bit(lang), (a, b) -> a | b);
                  }
                }));
    Map<String, String> regions = new HashMap<>();
    for (String[] row : DataFiles.rows("region-languages.tsv", 2)) {
      for (String region : row[1].split(",")) {
        regions.put(region.strip(), row[0]);
      }
    }
    SpellingCues spelling = new SpellingCues();
    for (String[] row : DataFiles.rows("language-cues.tsv", 3)) {
      if (row[1].equals("ends")) {
        spelling.addEnding(row[2], bit(row[0]));
      } else {
        spelling.addInfix(row[2], bit(row[0]));
      }
    }
    return new LanguageGuesser(words, phrases, regions, spelling);
  }

  private static int bit(String lang) {
    int index = RECOGNISED.indexOf(lang);
    if (index < 0) {
      throw new IllegalArgumentException("no evidence words for language " + lang);
    }
    return 1 << index;
  }

  String guess(String text) {
    return guess(VaderText.split(text), null);
  }

  /**
   * The language of a text already split (the split the score then reuses); a tie at the top, or no
   * evidence at all, goes to {@code region}'s language when that is one of the tied.
   */
  String guess(Split split, String region) {
    int[] score = new int[RECOGNISED.size()];
    String text = split.text();
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < '¡') {
        continue; // ASCII and the controls below it: none of the letters below
      }
      switch (Character.toLowerCase(c)) {
        case 'ã', 'õ' -> score[1] += 2;
        case 'ç' -> { // Portuguese, but French and Turkish write it too
          score[1] += 2;
          score[FRENCH] += 2;
          score[TURKISH] += 2;
        }
        case 'ñ', '¿', '¡' -> score[2] += 2;
        default -> {}
      }
    }
    for (int i = 0; i < split.size(); i++) {
      String token = split.key(i);
      Integer listed = words.get(token);
      if (listed != null) {
        count(listed, 1, score);
      } else {
        // a word no list names still tells its language by how it is spelt ("voltou", "volvió")
        spelling.count(token, 1, score);
      }
      PhraseTrie phrase = phrases.next(token);
      for (int k = i + 1; phrase != null && k < Math.min(split.size(), i + 4); k++) {
        phrase = phrase.next(split.key(k));
        if (phrase != null) {
          count(phrase.value(), 2, score);
        }
      }
    }
    int layered = 0;
    for (int i = 0; i < LANGUAGES.size(); i++) {
      layered = Math.max(layered, score[i]);
    }
    for (int other = LANGUAGES.size(); other < score.length; other++) {
      if (score[other] > layered) {
        return UNDETERMINED;
      }
    }
    String regional = region == null ? null : regionLanguages.get(region.toUpperCase(Locale.ROOT));
    if (regional != null && score[LANGUAGES.indexOf(regional)] == layered) {
      return regional;
    }
    // the first language at the top: English, then Portuguese, Spanish, French
    int first = 0;
    while (score[first] < layered) {
      first++;
    }
    return LANGUAGES.get(first);
  }

  /** Adds {@code weight} to the score of each language in the bit set {@code languages}. */
  static void count(int languages, int weight, int[] score) {
    for (int i = 0; i < score.length; i++) {
      if ((languages & (1 << i)) != 0) {
        score[i] += weight;
      }
    }
  }
}
