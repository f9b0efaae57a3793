package io.outageradar.sentiment;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;
import java.util.Set;

/**
 * The VADER method (Hutto &amp; Gilbert, ICWSM 2014), rule for rule as its reference implementation
 * (vaderSentiment 3.3.2) applies them, so its scores are the ones VADER users know: lexicon
 * valence; ALL-CAPS emphasis when the text mixes case; booster and dampener words up to three
 * tokens back, fading with distance; negation up to three tokens back ("never so/this" intensifies,
 * "without doubt" does not negate); "no" as a negator or a word; "least"; special-case idioms and
 * multi-word boosters; the contrastive "but" (before ×0.5, after ×1.5); "!" and "?" emphasis; and
 * the normalisation {@code x / sqrt(x² + 15)}. The constants are the paper's empirically derived
 * ones.
 */
final class Vader {
  static final double B_INCR = 0.293;
  static final double B_DECR = -0.293;
  static final double C_INCR = 0.733;
  static final double N_SCALAR = -0.74;
  private static final double EXCLAMATION_INCR = 0.292;
  private static final int MAX_EXCLAMATIONS = 4;
  private static final double QUESTION_INCR = 0.18;
  private static final double MAX_QUESTION_EMPHASIS = 0.96;
  private static final double ALPHA = 15;
  private static final double[] POWERS_OF_TEN = {1, 10, 100, 1_000, 10_000};

  static final Set<String> NEGATE =
      Set.of(
          "aint",
          "arent",
          "cannot",
          "cant",
          "couldnt",
          "darent",
          "didnt",
          "doesnt",
          "ain't",
          "aren't",
          "can't",
          "couldn't",
          "daren't",
          "didn't",
          "doesn't",
          "dont",
          "hadnt",
          "hasnt",
          "havent",
          "isnt",
          "mightnt",
          "mustnt",
          "neither",
          "don't",
          "hadn't",
          "hasn't",
          "haven't",
          "isn't",
          "mightn't",
          "mustn't",
          "neednt",
          "needn't",
          "never",
          "none",
          "nope",
          "nor",
          "not",
          "nothing",
          "nowhere",
          "oughtnt",
          "shant",
          "shouldnt",
          "uhuh",
          "wasnt",
          "werent",
          "oughtn't",
          "shan't",
          "shouldn't",
          "uh-uh",
          "wasn't",
          "weren't",
          "without",
          "wont",
          "wouldnt",
          "won't",
          "wouldn't",
          "rarely",
          "seldom",
          "despite");

  static final Map<String, Double> BOOSTERS =
      Map.ofEntries(
          Map.entry("absolutely", B_INCR),
          Map.entry("amazingly", B_INCR),
          Map.entry("awfully", B_INCR),
          Map.entry("completely", B_INCR),
          Map.entry("considerable", B_INCR),
          Map.entry("considerably", B_INCR),
          Map.entry("decidedly", B_INCR),
          Map.entry("deeply", B_INCR),
          Map.entry("effing", B_INCR),
          Map.entry("enormous", B_INCR),
          Map.entry("enormously", B_INCR),
          Map.entry("entirely", B_INCR),
          Map.entry("especially", B_INCR),
          Map.entry("exceptional", B_INCR),
          Map.entry("exceptionally", B_INCR),
          Map.entry("extreme", B_INCR),
          Map.entry("extremely", B_INCR),
          Map.entry("fabulously", B_INCR),
          Map.entry("flipping", B_INCR),
          Map.entry("flippin", B_INCR),
          Map.entry("frackin", B_INCR),
          Map.entry("fracking", B_INCR),
          Map.entry("fricking", B_INCR),
          Map.entry("frickin", B_INCR),
          Map.entry("frigging", B_INCR),
          Map.entry("friggin", B_INCR),
          Map.entry("fully", B_INCR),
          Map.entry("fuckin", B_INCR),
          Map.entry("fucking", B_INCR),
          Map.entry("fuggin", B_INCR),
          Map.entry("fugging", B_INCR),
          Map.entry("greatly", B_INCR),
          Map.entry("hella", B_INCR),
          Map.entry("highly", B_INCR),
          Map.entry("hugely", B_INCR),
          Map.entry("incredible", B_INCR),
          Map.entry("incredibly", B_INCR),
          Map.entry("intensely", B_INCR),
          Map.entry("major", B_INCR),
          Map.entry("majorly", B_INCR),
          Map.entry("more", B_INCR),
          Map.entry("most", B_INCR),
          Map.entry("particularly", B_INCR),
          Map.entry("purely", B_INCR),
          Map.entry("quite", B_INCR),
          Map.entry("really", B_INCR),
          Map.entry("remarkably", B_INCR),
          Map.entry("so", B_INCR),
          Map.entry("substantially", B_INCR),
          Map.entry("thoroughly", B_INCR),
          Map.entry("total", B_INCR),
          Map.entry("totally", B_INCR),
          Map.entry("tremendous", B_INCR),
          Map.entry("tremendously", B_INCR),
          Map.entry("uber", B_INCR),
          Map.entry("unbelievably", B_INCR),
          Map.entry("unusually", B_INCR),
          Map.entry("utter", B_INCR),
          Map.entry("utterly", B_INCR),
          Map.entry("very", B_INCR),
          Map.entry("almost", B_DECR),
          Map.entry("barely", B_DECR),
          Map.entry("hardly", B_DECR),
          Map.entry("just enough", B_DECR),
          Map.entry("kind of", B_DECR),
          Map.entry("kinda", B_DECR),
          Map.entry("kindof", B_DECR),
          Map.entry("kind-of", B_DECR),
          Map.entry("less", B_DECR),
          Map.entry("little", B_DECR),
          Map.entry("marginal", B_DECR),
          Map.entry("marginally", B_DECR),
          Map.entry("occasional", B_DECR),
          Map.entry("occasionally", B_DECR),
          Map.entry("partly", B_DECR),
          Map.entry("scarce", B_DECR),
          Map.entry("scarcely", B_DECR),
          Map.entry("slight", B_DECR),
          Map.entry("slightly", B_DECR),
          Map.entry("somewhat", B_DECR),
          Map.entry("sort of", B_DECR),
          Map.entry("sorta", B_DECR),
          Map.entry("sortof", B_DECR),
          Map.entry("sort-of", B_DECR));

  static final Map<String, Double> SPECIAL_CASES =
      Map.of(
          "the shit",
          3.0,
          "the bomb",
          3.0,
          "bad ass",
          1.5,
          "badass",
          1.5,
          "bus stop",
          0.0,
          "yeah right",
          -2.0,
          "kiss of death",
          -1.5,
          "to die for",
          3.0,
          "beating heart",
          3.1,
          "broken heart",
          -2.9);

  /**
   * Words that occur in a multi-word special case or booster: an n-gram without one cannot match,
   * so is never built.
   */
  private static final Set<String> IDIOM_WORDS =
      Set.of(
          "the", "shit", "bomb", "bad", "ass", "bus", "stop", "yeah", "right", "kiss", "of",
          "death", "to", "die", "for", "beating", "heart", "broken", "just", "enough", "kind",
          "sort");

  private Vader() {}

  static SentimentScore score(String raw, Vocabulary vocabulary) {
    return score(VaderText.of(raw, vocabulary), vocabulary);
  }

  /** Scores a text already prepared for {@code vocabulary}. */
  static SentimentScore score(VaderText text, Vocabulary vocabulary) {
    String[] words = text.words;
    String[] lower = text.lower;
    boolean capDifferential = capDifferential(words);
    double[] sentiments = new double[words.length];
    for (int i = 0; i < words.length; i++) {
      boolean modifier =
          vocabulary.boosters().modifies(lower[i])
              || (i < words.length - 1 && lower[i].equals("kind") && lower[i + 1].equals("of"));
      sentiments[i] = modifier ? 0 : valence(i, text, capDifferential, vocabulary);
    }
    // the outage layer: an availability question asks, it does not praise (plain VADER has none)
    boolean[] asked = vocabulary.questions().withoutPraise(text.text, lower);
    for (int i = 0; asked != null && i < sentiments.length; i++) {
      if (asked[i] && sentiments[i] > 0) {
        sentiments[i] = 0;
      }
    }
    // the outage layer: a failure verb denied at the end of its clause ("geht ... nicht")
    for (int i = 0; i < lower.length; i++) {
      int negator = vocabulary.rules().closingNegation(lower, i);
      if (negator >= 0 && sentiments[negator] == 0) {
        sentiments[negator] = OutageRules.FAILURE;
      }
    }
    butCheck(lower, sentiments, vocabulary);
    return summarise(sentiments, text.text, vocabulary.lang());
  }

  /** True when some, but not all, tokens are ALL CAPS: only then is capitalisation emphasis. */
  private static boolean capDifferential(String[] words) {
    int allCaps = 0;
    for (String word : words) {
      if (TextShape.isUpper(word)) {
        allCaps++;
      }
    }
    int differential = words.length - allCaps;
    return differential > 0 && differential < words.length;
  }

  private static double valence(
      int i, VaderText text, boolean capDifferential, Vocabulary vocabulary) {
    String[] words = text.words;
    String[] lower = text.lower;
    Double lexical = vocabulary.valence(lower[i]);
    if (lexical == null) {
      return 0;
    }
    double valence = lexical;
    int n = words.length;
    // "no problem", "won't load": a phrase that holds its negation is not negated again
    boolean negated = vocabulary.negationProof(lower[i]);
    // "no" before another sentiment word negates it rather than counting as a negative word itself
    if (lower[i].equals("no") && i != n - 1 && vocabulary.contains(lower[i + 1])) {
      valence = 0.0;
    }
    if (!negated
        && vocabulary.noNegates()
        && ((i > 0 && isNoAt(text, i - 1, vocabulary))
            || (i > 1 && isNoAt(text, i - 2, vocabulary))
            || (i > 2
                && isNoAt(text, i - 3, vocabulary)
                && (lower[i - 1].equals("or") || lower[i - 1].equals("nor"))))) {
      valence = lexical * N_SCALAR;
    }
    if (TextShape.isUpper(words[i]) && capDifferential) {
      valence = valence > 0 ? valence + C_INCR : valence - C_INCR;
    }
    for (int back = 0; back < 3; back++) {
      if (i > back && !vocabulary.contains(lower[i - (back + 1)])) {
        double scalar =
            boosterScalar(
                vocabulary.boosters().before(lower[i - (back + 1)]),
                words[i - (back + 1)],
                valence,
                capDifferential);
        if (back == 1 && scalar != 0) {
          scalar *= 0.95;
        }
        if (back == 2 && scalar != 0) {
          scalar *= 0.9;
        }
        valence += scalar;
        if (!negated) {
          valence = negationCheck(valence, text, back, i, vocabulary);
        }
        if (back == 2) {
          valence = specialIdiomsCheck(valence, lower, i);
        }
      }
    }
    // the outage layer: a booster the language puts after the word ("lento demais")
    if (i < n - 1 && !vocabulary.contains(lower[i + 1])) {
      valence +=
          boosterScalar(
              vocabulary.boosters().after(lower[i + 1]), words[i + 1], valence, capDifferential);
    }
    if (!negated && vocabulary.isProblem(lower[i]) && deniedFromAfar(text, i, vocabulary)) {
      valence *= N_SCALAR;
    }
    return leastCheck(valence, lower, i, vocabulary);
  }

  /**
   * A negator four or five tokens before a problem word, with none nearer (which VADER's own check
   * has applied): "nunca me ha dado problemas". Only the outage layer has problem words.
   */
  private static boolean deniedFromAfar(VaderText text, int i, Vocabulary vocabulary) {
    for (int back = 1; back <= Math.min(3, i); back++) {
      if (negatesAt(text, i - back, vocabulary)) {
        return false;
      }
    }
    for (int back = 4; back <= Math.min(LayerRules.DENIAL_REACH, i); back++) {
      if (negatesAt(text, i - back, vocabulary)) {
        return true;
      }
    }
    return false;
  }

  /** What {@code booster} (null when the word is none), written as {@code word}, adds. */
  private static double boosterScalar(
      Double booster, String word, double valence, boolean capDifferential) {
    if (booster == null) {
      return 0.0;
    }
    double scalar = valence < 0 ? -booster : booster;
    if (TextShape.isUpper(word) && capDifferential) {
      scalar = valence > 0 ? scalar + C_INCR : scalar - C_INCR;
    }
    return scalar;
  }

  private static double negationCheck(
      double valence, VaderText text, int back, int i, Vocabulary vocabulary) {
    String[] lower = text.lower;
    LayerRules rules = vocabulary.rules();
    if (back == 0) {
      return negatesAt(text, i - 1, vocabulary) ? valence * N_SCALAR : valence;
    }
    if (back == 1) {
      if (rules.isNever(lower[i - 2]) && rules.isSo(lower[i - 1])) {
        return valence * 1.25;
      }
      if (lower[i - 2].equals("without") && lower[i - 1].equals("doubt")) {
        return valence;
      }
      return negatesAt(text, i - 2, vocabulary) ? valence * N_SCALAR : valence;
    }
    // the reference's operator precedence: any "so" right before the word strengthens it here
    if ((rules.isNever(lower[i - 3]) && rules.isSo(lower[i - 2])) || rules.isSo(lower[i - 1])) {
      return valence * 1.25;
    }
    if (lower[i - 3].equals("without")
        && (lower[i - 2].equals("doubt") || lower[i - 1].equals("doubt"))) {
      return valence;
    }
    return negatesAt(text, i - 3, vocabulary) ? valence * N_SCALAR : valence;
  }

  /**
   * Whether token {@code k} negates what follows it. In the outage layer a negator that closes its
   * clause is an answer, not a negation of what comes next: "no, still down", "não, continua fora".
   */
  private static boolean negatesAt(VaderText text, int k, Vocabulary vocabulary) {
    return vocabulary.negates(text.lower[k]) && !answers(text, k, vocabulary);
  }

  /** Whether token {@code k} is a "no" that VADER's "no" rule may apply from (see above). */
  private static boolean isNoAt(VaderText text, int k, Vocabulary vocabulary) {
    return text.lower[k].equals("no") && !answers(text, k, vocabulary);
  }

  private static boolean answers(VaderText text, int k, Vocabulary vocabulary) {
    return text.closesClause[k] && vocabulary.rules().answersCloseClauses();
  }

  /**
   * Called with i ≥ 3. Idioms replace the valence; multi-word boosters before the word adjust it.
   */
  private static double specialIdiomsCheck(double valence, String[] lower, int i) {
    int n = lower.length;
    boolean window =
        IDIOM_WORDS.contains(lower[i - 1])
            || IDIOM_WORDS.contains(lower[i - 2])
            || IDIOM_WORDS.contains(lower[i - 3])
            || (n - 1 > i && IDIOM_WORDS.contains(lower[i + 1]));
    if (!window) {
      return valence;
    }
    String oneZero = lower[i - 1] + " " + lower[i];
    String twoOneZero = lower[i - 2] + " " + oneZero;
    String twoOne = lower[i - 2] + " " + lower[i - 1];
    String threeTwoOne = lower[i - 3] + " " + twoOne;
    String threeTwo = lower[i - 3] + " " + lower[i - 2];
    for (String sequence : new String[] {oneZero, twoOneZero, twoOne, threeTwoOne, threeTwo}) {
      Double special = SPECIAL_CASES.get(sequence);
      if (special != null) {
        valence = special;
        break;
      }
    }
    if (n - 1 > i) {
      String zeroOne = lower[i] + " " + lower[i + 1];
      valence = SPECIAL_CASES.getOrDefault(zeroOne, valence);
      if (n - 1 > i + 1) {
        valence = SPECIAL_CASES.getOrDefault(zeroOne + " " + lower[i + 2], valence);
      }
    }
    for (String nGram : new String[] {threeTwoOne, threeTwo, twoOne}) {
      Double booster = BOOSTERS.get(nGram);
      if (booster != null) {
        valence += booster;
      }
    }
    return valence;
  }

  private static double leastCheck(double valence, String[] lower, int i, Vocabulary vocabulary) {
    if (i > 1 && !vocabulary.contains(lower[i - 1]) && lower[i - 1].equals("least")) {
      if (!lower[i - 2].equals("at") && !lower[i - 2].equals("very")) {
        return valence * N_SCALAR;
      }
    } else if (i > 0 && !vocabulary.contains(lower[i - 1]) && lower[i - 1].equals("least")) {
      return valence * N_SCALAR;
    }
    return valence;
  }

  /**
   * Halves what comes before the first "but" (or the language's word for it) and weights what
   * follows by 1.5. The reference finds each value's position with {@code list.index}, i.e. the
   * first equal value, which matters when two tokens share a valence; this does the same so scores
   * agree to the last digit.
   */
  private static void butCheck(String[] lower, double[] sentiments, Vocabulary vocabulary) {
    int but = -1;
    for (int i = 0; i < lower.length && but < 0; i++) {
      if (vocabulary.contrasts(lower[i])) {
        but = i;
      }
    }
    if (but < 0) {
      return;
    }
    for (int k = 0; k < sentiments.length; k++) {
      double sentiment = sentiments[k];
      int si = firstIndexOf(sentiments, sentiment);
      if (si < but) {
        sentiments[si] = sentiment * 0.5;
      } else if (si > but) {
        sentiments[si] = sentiment * 1.5;
      }
    }
  }

  private static int firstIndexOf(double[] values, double value) {
    for (int i = 0; i < values.length; i++) {
      if (values[i] == value) {
        return i;
      }
    }
    return -1;
  }

  private static double punctuationEmphasis(String text) {
    int exclamations = 0;
    int questions = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      exclamations += c == '!' ? 1 : 0;
      questions += c == '?' ? 1 : 0;
    }
    double questionEmphasis =
        questions <= 1 ? 0 : questions <= 3 ? questions * QUESTION_INCR : MAX_QUESTION_EMPHASIS;
    return Math.min(exclamations, MAX_EXCLAMATIONS) * EXCLAMATION_INCR + questionEmphasis;
  }

  private static SentimentScore summarise(double[] sentiments, String text, String lang) {
    if (sentiments.length == 0) {
      return SentimentScore.empty(lang);
    }
    double sum = 0;
    double positive = 0;
    double negative = 0;
    int neutral = 0;
    for (double s : sentiments) {
      sum += s;
      if (s > 0) {
        positive += s + 1; // the +1 and -1 balance the neutral tokens, each of which counts 1
      } else if (s < 0) {
        negative += s - 1;
      } else {
        neutral++;
      }
    }
    double emphasis = punctuationEmphasis(text);
    if (sum > 0) {
      sum += emphasis;
    } else if (sum < 0) {
      sum -= emphasis;
    }
    double compound = Math.max(-1.0, Math.min(1.0, sum / Math.sqrt(sum * sum + ALPHA)));
    if (positive > Math.abs(negative)) {
      positive += emphasis;
    } else if (positive < Math.abs(negative)) {
      negative -= emphasis;
    }
    double total = positive + Math.abs(negative) + neutral;
    return new SentimentScore(
        round(compound, 4),
        round(Math.abs(positive / total), 3),
        round(Math.abs(neutral / total), 3),
        round(Math.abs(negative / total), 3),
        lang);
  }

  /**
   * Python's {@code round(x, places)}: half-even on the exact binary value, for {@code places} up
   * to 4 and |x| up to 1e6 (scores are within ±1). Far from a tie the scaled value's error (below
   * 1e-9) cannot change which integer is nearest, and that integer divided by 10^places is the
   * double nearest the decimal, as the exact rounding gives; only near a tie is the exact binary
   * value consulted, so a score allocates no BigDecimal.
   */
  static double round(double value, int places) {
    double scale = POWERS_OF_TEN[places];
    double scaled = value * scale;
    double floor = Math.floor(scaled);
    double fraction = scaled - floor;
    if (Math.abs(fraction - 0.5) > 1e-6) {
      // + 0.0 turns -0.0 into 0.0, as the decimal rounding (which has no negative zero) does
      return (fraction < 0.5 ? floor : floor + 1) / scale + 0.0;
    }
    return new BigDecimal(value).setScale(places, RoundingMode.HALF_EVEN).doubleValue();
  }
}
