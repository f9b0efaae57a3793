package io.outageradar.sentiment;

import java.util.HashMap;
import java.util.HashSet;
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
  private final EmojiDescriptions emoji;

  /** The multi-word entries text is merged into (the domain's), word by word. */
  private final PhraseTrie phraseTrie = new PhraseTrie();

  private final Set<String> phrases;
  private final boolean noNegates;
  private final Set<String> contrasts;
  private final LayerRules rules;
  private final Boosters boosters;

  /** The lexicon's phrases that hold their negation, found once (see {@link #negationProof}). */
  private final Set<String> negationProof;

  /**
   * {@code phrases} names the lexicon's multi-word entries that tokens are merged into. VADER's own
   * lexicon has a few ("fed up", "screwed up") that its whitespace tokens can never match; they
   * stay unmatched here too, or the published scores would change.
   */
  Vocabulary(
      String lang,
      Map<String, Double> lexicon,
      Set<String> negations,
      EmojiDescriptions emoji,
      Set<String> phrases,
      boolean noNegates,
      Set<String> contrasts,
      Boosters boosters,
      LayerRules rules) {
    this.lang = lang;
    this.boosters = boosters;
    this.rules = rules;
    this.noNegates = noNegates;
    this.contrasts = Set.copyOf(contrasts);
    this.lexicon = new HashMap<>(lexicon); // never changed; a HashMap looks strings up faster
    // VADER's negators and the language's in one set (never changed): asked of every token
    Set<String> allNegations = new HashSet<>(Vader.NEGATE);
    allNegations.addAll(negations);
    this.negations = allNegations;
    this.emoji = emoji;
    this.phrases = Set.copyOf(phrases);
    phrases.forEach(phrase -> phraseTrie.add(phrase, 1));
    // only merged phrases are ever tokens with a space: VADER's own multi-word entries never are
    this.negationProof = new HashSet<>();
    this.phrases.stream().filter(this::holdsItsNegation).forEach(negationProof::add);
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

  Boosters boosters() {
    return boosters;
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
    return lowerCase.indexOf(' ') > 0 && negationProof.contains(lowerCase);
  }

  /**
   * A phrase holds its negation when any of its words negates: "no problem", "won't load", and also
   * "problema nenhum", whose negator comes last ("nunca tive problema nenhum" is no denial of the
   * phrase, it is the phrase).
   */
  private boolean holdsItsNegation(String phrase) {
    for (String word : phrase.split(" ")) {
      if (word.equals("no") || word.equals("zero") || negates(word)) {
        return true;
      }
    }
    return false;
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
    return negations.contains(lowerCase) || lowerCase.contains("n't");
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

  EmojiDescriptions emoji() {
    return emoji;
  }

  boolean hasPhrases() {
    return !phraseTrie.isEmpty();
  }

  /** How many tokens the longest multi-word entry at {@code start} covers, or 0. */
  int phraseLengthAt(Split tokens, int start) {
    return phraseTrie.longestAt(tokens, start);
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
      Boosters moreBoosters,
      LayerRules rules) {
    Map<String, Double> merged = new HashMap<>(lexicon);
    merged.putAll(entries);
    neutral.forEach(merged::remove);
    Set<String> sentimentBoosters = new HashSet<>(moreBoosters.words());
    sentimentBoosters.retainAll(merged.keySet());
    if (!sentimentBoosters.isEmpty()) {
      // VADER never lets a sentiment word boost, and a booster carries no sentiment: a data mistake
      throw new IllegalStateException(
          lang + " boosters that are sentiment words too: " + sentimentBoosters);
    }
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
        emoji,
        allPhrases,
        sameLanguage ? noNegates : moreNegations.contains("no"),
        allContrasts,
        boosters.plus(moreBoosters),
        rules);
  }
}
