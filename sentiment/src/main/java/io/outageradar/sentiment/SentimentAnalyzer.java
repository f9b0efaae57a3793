package io.outageradar.sentiment;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Scores short texts: {@link #vader} with the published VADER method and lexicon, exactly; {@link
 * #analyze} with VADER plus the outage-domain layer of the text's language (one of {@link
 * #languages()}; given, or guessed when not). Thread-safe and loaded once: share {@link
 * #standard()}. Texts are scored on their first {@value #MAX_TEXT_LENGTH} characters, the longest
 * report the intake takes; longer ones are cut, never rejected.
 */
public final class SentimentAnalyzer {
  public static final int MAX_TEXT_LENGTH = 2_000;
  private static final String PACKAGE = "/io/outageradar/sentiment/";

  private final Vocabulary vader;
  private final Map<String, Vocabulary> byLanguage;
  private final LanguageGuesser guesser;
  private final RecentScores recent = new RecentScores();

  private SentimentAnalyzer(
      Vocabulary vader, Map<String, Vocabulary> byLanguage, LanguageGuesser guesser) {
    this.vader = vader;
    this.byLanguage = Map.copyOf(byLanguage);
    this.guesser = guesser;
  }

  private static final class Holder {
    private static final SentimentAnalyzer STANDARD = load();
  }

  /** The analyzer with the bundled lexicons, loaded on first use. */
  public static SentimentAnalyzer standard() {
    return Holder.STANDARD;
  }

  private static SentimentAnalyzer load() {
    Map<String, Double> lexicon = new HashMap<>();
    for (String[] row : DataFiles.rows(PACKAGE + "vader_lexicon.txt", 2)) {
      lexicon.put(row[0], Double.parseDouble(row[1]));
    }
    Map<Integer, String> emojis = new HashMap<>();
    for (String[] row : DataFiles.rows(PACKAGE + "emoji_utf8_lexicon.txt", 2)) {
      // the reference looks emoji up one code point at a time, so only single-code-point entries
      // can ever match
      if (row[0].codePointCount(0, row[0].length()) == 1) {
        emojis.put(row[0].codePointAt(0), row[1]);
      }
    }
    Vocabulary vader =
        new Vocabulary(
            "en",
            lexicon,
            Set.of(),
            new EmojiDescriptions(emojis),
            Set.of(),
            true,
            Set.of("but"),
            Boosters.VADER,
            LayerRules.NONE);

    Map<String, Map<String, Double>> entries = new HashMap<>();
    Map<String, Set<String>> neutral = new HashMap<>();
    for (String[] row : DataFiles.rows(PACKAGE + "outage-lexicon.tsv", 3)) {
      if (row[2].equals("neutral")) {
        neutral.computeIfAbsent(row[0], l -> new HashSet<>()).add(row[1]);
      } else {
        entries
            .computeIfAbsent(row[0], l -> new HashMap<>())
            .put(row[1], Double.parseDouble(row[2]));
      }
    }
    OutageRules rules = OutageRules.load(PACKAGE + "outage-rules.tsv");
    for (String lang : rules.languages()) {
      // a phrase listed in the lexicon keeps its own valence
      Map<String, Double> own = entries.computeIfAbsent(lang, l -> new HashMap<>());
      rules.phrases(lang).forEach(own::putIfAbsent);
    }
    Map<String, Set<String>> negations = new HashMap<>();
    for (String[] row : DataFiles.rows(PACKAGE + "negations.tsv", 2)) {
      negations.computeIfAbsent(row[0], l -> new HashSet<>()).add(row[1]);
    }
    Map<String, Set<String>> contrasts = new HashMap<>();
    for (String[] row : DataFiles.rows(PACKAGE + "contrasts.tsv", 2)) {
      contrasts.computeIfAbsent(row[0], l -> new HashSet<>()).add(row[1]);
    }
    Map<String, Boosters> boosters = loadBoosters();
    Vocabulary english =
        vader.extendedWith(
            "en",
            entries.getOrDefault("en", Map.of()),
            neutral.getOrDefault("en", Set.of()),
            negations.getOrDefault("en", Set.of()),
            contrasts.getOrDefault("en", Set.of()),
            boosters.getOrDefault("en", Boosters.NONE),
            rules.layer("en"));
    Map<String, Vocabulary> byLanguage = new HashMap<>();
    Map<String, Set<String>> domainEntries = new HashMap<>();
    for (String lang : LanguageGuesser.LANGUAGES) {
      byLanguage.put(
          lang,
          lang.equals("en")
              ? english
              : english.extendedWith(
                  lang,
                  entries.getOrDefault(lang, Map.of()),
                  neutral.getOrDefault(lang, Set.of()),
                  negations.getOrDefault(lang, Set.of()),
                  contrasts.getOrDefault(lang, Set.of()),
                  boosters.getOrDefault(lang, Boosters.NONE),
                  rules.layer(lang)));
      domainEntries.put(lang, entries.getOrDefault(lang, Map.of()).keySet());
    }
    return new SentimentAnalyzer(vader, byLanguage, LanguageGuesser.load(domainEntries));
  }

  /** Each language's boosters beyond VADER's, by language. */
  private static Map<String, Boosters> loadBoosters() {
    Map<String, Map<String, Double>> before = new HashMap<>();
    Map<String, Map<String, Double>> after = new HashMap<>();
    for (String[] row : DataFiles.rows(PACKAGE + "boosters.tsv", 4)) {
      double scalar =
          switch (row[2]) {
            case "up" -> Vader.B_INCR;
            case "down" -> Vader.B_DECR;
            default ->
                throw new IllegalStateException(
                    "boosters.tsv: " + row[1] + " is neither up nor down but " + row[2]);
          };
      Map<String, Map<String, Double>> side =
          switch (row[3]) {
            case "before" -> before;
            case "after" -> after;
            default ->
                throw new IllegalStateException(
                    "boosters.tsv: " + row[1] + " is neither before nor after but " + row[3]);
          };
      side.computeIfAbsent(row[0], lang -> new HashMap<>()).put(row[1], scalar);
    }
    Map<String, Boosters> byLanguage = new HashMap<>();
    for (String lang : LanguageGuesser.LANGUAGES) {
      byLanguage.put(
          lang,
          new Boosters(before.getOrDefault(lang, Map.of()), after.getOrDefault(lang, Map.of())));
    }
    return byLanguage;
  }

  /** The languages with an outage layer, as ISO 639-1 codes, sorted. */
  public List<String> languages() {
    return byLanguage.keySet().stream().sorted().toList();
  }

  /** Whether {@code langHint} (any region suffix ignored) names a language with a layer. */
  public boolean supports(String langHint) {
    return byLanguage.containsKey(language(langHint));
  }

  /** The published VADER method and lexicon, nothing added; {@code lang} is "en". */
  public SentimentScore vader(String text) {
    return Vader.score(truncate(text), vader);
  }

  /** VADER with the outage layer of the text's language, guessed from the text. */
  public SentimentScore analyze(String text) {
    return analyze(text, null);
  }

  /**
   * VADER with the outage layer of {@code langHint} when it names a language with a layer (any
   * region suffix ignored: "pt-BR" is "pt"); otherwise of the language guessed from the text.
   */
  public SentimentScore analyze(String text, String langHint) {
    return analyze(text, langHint, null);
  }

  /**
   * As above; when the guess is a tie (or the text has no evidence), the language of {@code region}
   * (an ISO 3166-1 alpha-2 code, e.g. "BR") settles it.
   */
  public SentimentScore analyze(String text, String langHint, String region) {
    return recent.scoreOf(text, langHint, region, () -> scored(text, langHint, region));
  }

  /** How many texts the calling thread remembers the scores of ({@link RecentScores}). */
  int remembered() {
    return recent.remembered();
  }

  private SentimentScore scored(String text, String langHint, String region) {
    String cut = truncate(text);
    Split split = VaderText.split(cut);
    Vocabulary vocabulary = byLanguage.get(language(langHint));
    if (vocabulary == null) {
      String guessed = guesser.guess(split, region);
      vocabulary = byLanguage.get(guessed);
      if (vocabulary == null) {
        // a language without a layer: plain VADER, and say the layer's language is unknown
        SentimentScore plain = Vader.score(VaderText.of(cut, split, vader), vader);
        return new SentimentScore(
            plain.compound(), plain.pos(), plain.neu(), plain.neg(), LanguageGuesser.UNDETERMINED);
      }
    }
    return Vader.score(VaderText.of(cut, split, vocabulary), vocabulary);
  }

  /** The language a text would be scored in. */
  public String languageOf(String text, String langHint) {
    return languageOf(text, langHint, null);
  }

  /** The language a text from {@code region} would be scored in. */
  public String languageOf(String text, String langHint, String region) {
    String hinted = language(langHint);
    return byLanguage.containsKey(hinted)
        ? hinted
        : guesser.guess(VaderText.split(truncate(text)), region);
  }

  private static String language(String hint) {
    if (hint == null || hint.length() < 2) {
      return "";
    }
    return hint.substring(0, 2).toLowerCase(Locale.ROOT);
  }

  /** Null is the empty text; a cut never splits a surrogate pair. */
  static String truncate(String text) {
    if (text == null) {
      return "";
    }
    if (text.length() <= MAX_TEXT_LENGTH) {
      return text;
    }
    int end =
        Character.isHighSurrogate(text.charAt(MAX_TEXT_LENGTH - 1))
            ? MAX_TEXT_LENGTH - 1
            : MAX_TEXT_LENGTH;
    return text.substring(0, end);
  }
}
