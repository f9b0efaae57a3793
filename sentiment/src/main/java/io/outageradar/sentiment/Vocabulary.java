package io.outageradar.sentiment;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What one language's texts are scored with: the lexicon (lower-case words and multi-word phrases
 * with their mean valence on VADER's -4..+4 scale), the negation words beyond VADER's own, and the
 * emoji descriptions. Immutable, so one instance serves every thread.
 */
final class Vocabulary {
  private final String lang;
  private final Map<String, Double> lexicon;
  private final Set<String> negations;
  private final Map<Integer, String> emojis;
  private final int lowestEmoji;

  /** The multi-word entries text is merged into (the domain's), by first word, longest first. */
  private final Map<String, List<String[]>> phrasesByFirstWord;

  private final Set<String> phrases;
  private final boolean noNegates;
  private final Set<String> contrasts;
  private final LayerRules rules;

  /**
   * {@code phrases} names the lexicon's multi-word entries that tokens are merged into. VADER's own
   * lexicon has a few ("fed up", "screwed up") that its whitespace tokens can never match; they
   * stay unmatched here too, or the published scores would change.
   */
  Vocabulary(
      String lang,
      Map<String, Double> lexicon,
      Set<String> negations,
      Map<Integer, String> emojis,
      Set<String> phrases,
      boolean noNegates,
      Set<String> contrasts,
      LayerRules rules) {
    this.lang = lang;
    this.rules = rules;
    this.noNegates = noNegates;
    this.contrasts = Set.copyOf(contrasts);
    this.lexicon = Map.copyOf(lexicon);
    this.negations = Set.copyOf(negations);
    this.emojis = Map.copyOf(emojis);
    this.lowestEmoji =
        emojis.keySet().stream().mapToInt(Integer::intValue).min().orElse(Integer.MAX_VALUE);
    this.phrases = Set.copyOf(phrases);
    Map<String, List<String[]>> byFirstWord = new HashMap<>();
    for (String entry : phrases) {
      String[] words = entry.split(" ");
      byFirstWord.computeIfAbsent(words[0], first -> new ArrayList<>()).add(words);
    }
    byFirstWord
        .values()
        .forEach(
            list ->
                list.sort(Comparator.comparingInt((String[] words) -> words.length).reversed()));
    byFirstWord.replaceAll((first, list) -> List.copyOf(list));
    this.phrasesByFirstWord = Map.copyOf(byFirstWord);
  }

  String lang() {
    return lang;
  }

  QuestionWords questions() {
    return rules.questions();
  }

  LayerRules rules() {
    return rules;
  }

  /** Whether a lower-case token names a problem ("problem", "falha", "fallo"). */
  boolean isProblem(String lowerCase) {
    return rules.problemWords().contains(lowerCase);
  }

  /**
   * Whether a merged phrase already holds its negation ("no problem", "won't load", "nenhum
   * problema"): a negator before it does not flip it again, and it is not VADER's "no".
   */
  boolean negationProof(String lowerCase) {
    int space = lowerCase.indexOf(' ');
    if (space < 0) {
      return false;
    }
    String first = lowerCase.substring(0, space);
    return first.equals("no")
        || first.equals("zero")
        || negations.contains(first)
        || Vader.NEGATE.contains(first)
        || first.contains("n't");
  }

  /** The valence of a lower-case word or phrase, or null when it carries none. */
  Double valence(String lowerCase) {
    return lexicon.get(lowerCase);
  }

  boolean contains(String lowerCase) {
    return lexicon.containsKey(lowerCase);
  }

  /**
   * Whether a lower-case token negates what follows: VADER's list and {@code n't}, plus this
   * language's words.
   */
  boolean negates(String lowerCase) {
    if (lowerCase.indexOf(' ') >= 0) {
      return false; // a merged phrase ("can't log in") carries its own valence; it negates nothing
      // after it
    }
    return Vader.NEGATE.contains(lowerCase)
        || lowerCase.contains("n't")
        || negations.contains(lowerCase);
  }

  /**
   * Whether VADER's "no" rule applies: "no" negates the next two sentiment words (and a third after
   * "or"/"nor"). True in English and Spanish; Portuguese "no" means "in the".
   */
  boolean noNegates() {
    return noNegates;
  }

  /** Whether a lower-case token is a contrastive conjunction: VADER's "but", or this language's. */
  boolean contrasts(String lowerCase) {
    return contrasts.contains(lowerCase);
  }

  String emoji(int codePoint) {
    return codePoint < lowestEmoji ? null : emojis.get(codePoint);
  }

  boolean mayHaveEmoji(String text) {
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) >= lowestEmoji || Character.isSurrogate(text.charAt(i))) {
        return true;
      }
    }
    return false;
  }

  boolean hasPhrases() {
    return !phrasesByFirstWord.isEmpty();
  }

  List<String[]> phrasesStartingWith(String lowerCase) {
    return phrasesByFirstWord.getOrDefault(lowerCase, List.of());
  }

  /**
   * This vocabulary with more entries (multi-word ones merged from text), words removed, negations
   * and contrastive conjunctions added. For another language than this one's, "no" negates only if
   * {@code moreNegations} lists it.
   */
  Vocabulary extendedWith(
      String lang,
      Map<String, Double> entries,
      Set<String> neutral,
      Set<String> moreNegations,
      Set<String> moreContrasts,
      LayerRules rules) {
    Map<String, Double> merged = new HashMap<>(lexicon);
    merged.putAll(entries);
    neutral.forEach(merged::remove);
    Set<String> allNegations = new HashSet<>(negations);
    allNegations.addAll(moreNegations);
    // "no" works through its own rule, never also through the general negation check, which would
    // flip twice
    allNegations.remove("no");
    boolean sameLanguage = lang.equalsIgnoreCase(this.lang);
    Set<String> allPhrases = new HashSet<>(phrases);
    entries.keySet().stream().filter(entry -> entry.indexOf(' ') > 0).forEach(allPhrases::add);
    Set<String> allContrasts = new HashSet<>(contrasts);
    allContrasts.addAll(moreContrasts);
    return new Vocabulary(
        lang.toLowerCase(Locale.ROOT),
        merged,
        allNegations,
        emojis,
        allPhrases,
        sameLanguage ? noNegates : moreNegations.contains("no"),
        allContrasts,
        rules);
  }
}
