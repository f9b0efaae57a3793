package io.outageradar.sentiment;

import java.util.Arrays;
import java.util.Locale;

/**
 * A text prepared the way VADER reads it: single-code-point emoji replaced by their descriptions,
 * split on whitespace, leading and trailing ASCII punctuation stripped from every token that keeps
 * more than two characters (so ":)" and ":D" survive), and, when the vocabulary has multi-word
 * entries, each occurrence merged into one token (longest first).
 */
final class VaderText {
  /** The text after emoji replacement; punctuation emphasis is counted on it. */
  final String text;

  /** Tokens as written (case kept, for the ALL-CAPS rules). */
  final String[] words;

  /** The same tokens in lower case. */
  final String[] lower;

  /** Whether each token ended with a comma, stop, colon, "!" or "?" as written. */
  final boolean[] closesClause;

  private VaderText(String text, String[] words, String[] lower, boolean[] closesClause) {
    this.text = text;
    this.words = words;
    this.lower = lower;
    this.closesClause = closesClause;
  }

  /** The text split as VADER splits it, every token with its key; emoji not described. */
  static Split split(String raw) {
    return Split.of(strip(raw));
  }

  static VaderText of(String raw, Vocabulary vocabulary) {
    return of(raw, null, vocabulary);
  }

  /**
   * The text as {@code vocabulary} reads it, from {@code split} of the same raw text (or null):
   * split again only when emoji are described (a description adds words), else reused, so a text is
   * tokenised once for the language guess and the score.
   */
  static VaderText of(String raw, Split split, Vocabulary vocabulary) {
    String described = vocabulary.emoji().describe(raw);
    Split tokens = described != raw || split == null ? split(described) : split;
    if (vocabulary.hasPhrases()) {
      return mergePhrases(tokens, vocabulary);
    }
    return new VaderText(tokens.text(), tokens.words(), tokens.lower(), tokens.closesClause());
  }

  private static String strip(String text) {
    int start = 0;
    int end = text.length();
    while (start < end && TextShape.isSpace(text.codePointAt(start))) {
      start += Character.charCount(text.codePointAt(start));
    }
    while (end > start && TextShape.isSpace(text.codePointBefore(end))) {
      end -= Character.charCount(text.codePointBefore(end));
    }
    return text.substring(start, end);
  }

  /** The tokens with each multi-word entry merged into one; the split's own arrays when none is. */
  private static VaderText mergePhrases(Split tokens, Vocabulary vocabulary) {
    String[] words = null;
    String[] lower = null;
    boolean[] closes = null;
    int n = 0;
    for (int i = 0; i < tokens.size(); n++) {
      int length = vocabulary.phraseLengthAt(tokens, i);
      if (length == 0) {
        if (words != null) {
          words[n] = tokens.word(i);
          lower[n] = tokens.lower(i);
          closes[n] = tokens.closesClause()[i];
        }
        i++;
        continue;
      }
      if (words == null) { // the first merge: every token before it is kept as it is (n == i)
        words = Arrays.copyOf(tokens.words(), tokens.size());
        lower = Arrays.copyOf(tokens.lower(), tokens.size());
        closes = Arrays.copyOf(tokens.closesClause(), tokens.size());
      }
      StringBuilder joined = new StringBuilder();
      for (int k = 0; k < length; k++) {
        joined.append(k == 0 ? "" : " ").append(TextShape.stripPunctuation(tokens.word(i + k)));
      }
      words[n] = joined.toString();
      lower[n] = words[n].toLowerCase(Locale.ROOT);
      closes[n] = tokens.closesClause()[i + length - 1];
      i += length;
    }
    if (words == null) {
      return new VaderText(tokens.text(), tokens.words(), tokens.lower(), tokens.closesClause());
    }
    return new VaderText(
        tokens.text(), Arrays.copyOf(words, n), Arrays.copyOf(lower, n), Arrays.copyOf(closes, n));
  }
}
