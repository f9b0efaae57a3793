package io.outageradar.sentiment;

import java.util.Locale;

/**
 * A text split once, as VADER splits it (on Python's whitespace; leading and trailing ASCII
 * punctuation stripped from tokens that keep more than two characters, so ":)" survives). Each
 * token's key — lower case, punctuation stripped even from short words — is what the language guess
 * and the phrase lookup compare. Keys and lower-case forms are made when first asked for, so plain
 * VADER, which asks for no key, never pays for them.
 */
final class Split {
  private final String text;
  private final String[] words;
  private final boolean[] closesClause;
  private final String[] keys;
  private String[] lower;

  private Split(String text, String[] words, boolean[] closesClause) {
    this.text = text;
    this.words = words;
    this.closesClause = closesClause;
    this.keys = new String[words.length];
  }

  static Split of(String text) {
    String[] words = new String[countTokens(text)];
    boolean[] closesClause = new boolean[words.length];
    int n = 0;
    int start = -1;
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      if (TextShape.isSpace(cp)) {
        if (start >= 0) {
          closesClause[n] = isClauseMark(text.charAt(i - 1));
          words[n++] = token(text, start, i);
          start = -1;
        }
      } else if (start < 0) {
        start = i;
      }
      i += Character.charCount(cp);
    }
    if (start >= 0) {
      closesClause[n] = isClauseMark(text.charAt(text.length() - 1));
      words[n] = token(text, start, text.length());
    }
    return new Split(text, words, closesClause);
  }

  private static int countTokens(String text) {
    int count = 0;
    boolean inToken = false;
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      boolean space = TextShape.isSpace(cp);
      if (!space && !inToken) {
        count++;
      }
      inToken = !space;
      i += Character.charCount(cp);
    }
    return count;
  }

  /**
   * The token at [start, end) of {@code text}, stripped unless that leaves two code points or less.
   */
  private static String token(String text, int start, int end) {
    int from = start;
    int to = end;
    while (from < to && TextShape.isPunctuation(text.charAt(from))) {
      from++;
    }
    while (to > from && TextShape.isPunctuation(text.charAt(to - 1))) {
      to--;
    }
    // more than four chars are more than two code points, whatever the surrogates
    boolean keepsTwoOrLess =
        to - from <= 2 || (to - from <= 4 && text.codePointCount(from, to) <= 2);
    return keepsTwoOrLess ? text.substring(start, end) : text.substring(from, to);
  }

  private static boolean isClauseMark(char c) {
    return c == ',' || c == '.' || c == ';' || c == ':' || c == '!' || c == '?';
  }

  /** Whether each token, as written, ends with a comma, stop, colon, "!" or "?"; shared. */
  boolean[] closesClause() {
    return closesClause;
  }

  String text() {
    return text;
  }

  /** The tokens as written; shared, so never to be changed. */
  String[] words() {
    return words;
  }

  String word(int i) {
    return words[i];
  }

  int size() {
    return words.length;
  }

  String key(int i) {
    String key = keys[i];
    if (key == null) {
      String stripped = TextShape.stripPunctuation(words[i]);
      key = stripped == words[i] ? lower(i) : stripped.toLowerCase(Locale.ROOT);
      keys[i] = key;
    }
    return key;
  }

  /** The token in lower case as VADER compares it. */
  String lower(int i) {
    return lower()[i];
  }

  /** Every token in lower case; shared, so never to be changed. */
  String[] lower() {
    if (lower == null) {
      lower = new String[words.length];
      for (int i = 0; i < words.length; i++) {
        lower[i] = words[i].toLowerCase(Locale.ROOT);
      }
    }
    return lower;
  }
}
