package io.outageradar.sentiment;

import java.util.ArrayList;
import java.util.List;
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

  private VaderText(String text, String[] words, String[] lower) {
    this.text = text;
    this.words = words;
    this.lower = lower;
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
    Split tokens;
    if (vocabulary.mayHaveEmoji(raw)) {
      tokens = Split.of(strip(describeEmoji(raw, vocabulary)));
    } else {
      tokens = split != null ? split : split(raw);
    }
    if (vocabulary.hasPhrases()) {
      return mergePhrases(tokens, vocabulary);
    }
    String[] lower = new String[tokens.size()];
    for (int i = 0; i < lower.length; i++) {
      lower[i] = tokens.lower(i);
    }
    return new VaderText(tokens.text(), tokens.words().toArray(new String[0]), lower);
  }

  /**
   * Emoji to words, one code point at a time as the reference does: a description is preceded by a
   * space unless one is already there, and what follows is appended as it stands.
   */
  private static String describeEmoji(String raw, Vocabulary vocabulary) {
    StringBuilder out = new StringBuilder(raw.length() + 32);
    boolean previousSpace = true;
    for (int i = 0; i < raw.length(); ) {
      int cp = raw.codePointAt(i);
      String description = vocabulary.emoji(cp);
      if (description != null) {
        if (!previousSpace) {
          out.append(' ');
        }
        out.append(description);
        previousSpace = false;
      } else {
        out.appendCodePoint(cp);
        previousSpace = cp == ' ';
      }
      i += Character.charCount(cp);
    }
    return out.toString();
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

  private static VaderText mergePhrases(Split tokens, Vocabulary vocabulary) {
    List<String> words = new ArrayList<>(tokens.size());
    List<String> lower = new ArrayList<>(tokens.size());
    for (int i = 0; i < tokens.size(); ) {
      String[] phrase = longestPhraseAt(tokens, i, vocabulary);
      if (phrase == null) {
        words.add(tokens.words().get(i));
        lower.add(tokens.lower(i));
        i++;
        continue;
      }
      StringBuilder joined = new StringBuilder();
      for (int k = 0; k < phrase.length; k++) {
        joined
            .append(k == 0 ? "" : " ")
            .append(TextShape.stripPunctuation(tokens.words().get(i + k)));
      }
      words.add(joined.toString());
      lower.add(joined.toString().toLowerCase(Locale.ROOT));
      i += phrase.length;
    }
    return new VaderText(tokens.text(), words.toArray(new String[0]), lower.toArray(new String[0]));
  }

  private static String[] longestPhraseAt(Split tokens, int start, Vocabulary vocabulary) {
    List<String[]> candidates = vocabulary.phrasesStartingWith(tokens.key(start));
    for (String[] phrase : candidates) {
      if (start + phrase.length <= tokens.size() && matches(tokens, start, phrase)) {
        return phrase;
      }
    }
    return null;
  }

  private static boolean matches(Split tokens, int start, String[] phrase) {
    for (int k = 1; k < phrase.length; k++) {
      if (!tokens.key(start + k).equals(phrase[k])) {
        return false;
      }
    }
    return true;
  }
}
