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

  /** Whether a token as kept still has punctuation at an edge (a short one: ":)", "ok!"). */
  private final boolean[] edged;

  private final String[] keys;
  private String[] lower;

  private Split(String text, String[] words, boolean[] closesClause, boolean[] edged) {
    this.text = text;
    this.words = words;
    this.closesClause = closesClause;
    this.edged = edged;
    this.keys = new String[words.length];
  }

  static Split of(String text) {
    int count = 0;
    boolean inToken = false;
    for (int i = 0; i < text.length(); ) {
      int cp = TextShape.codePointAt(text, i);
      boolean space = TextShape.isSpace(cp);
      count += !space && !inToken ? 1 : 0;
      inToken = !space;
      i += Character.charCount(cp);
    }
    String[] words = new String[count];
    boolean[] closes = new boolean[count];
    boolean[] edged = new boolean[count];
    int n = 0;
    int start = -1;
    for (int i = 0; i <= text.length(); ) {
      int cp = i == text.length() ? ' ' : TextShape.codePointAt(text, i);
      if (TextShape.isSpace(cp)) {
        if (start >= 0) {
          token(text, start, i, n++, words, closes, edged);
          start = -1;
        }
      } else if (start < 0) {
        start = i;
      }
      i += Character.charCount(cp);
    }
    return new Split(text, words, closes, edged);
  }

  /** Token {@code n}, at [start, end): stripped unless that leaves two code points or less. */
  private static void token(
      String text, int start, int end, int n, String[] words, boolean[] closes, boolean[] edged) {
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
    boolean whole = keepsTwoOrLess || (from == start && to == end);
    words[n] = whole ? text.substring(start, end) : text.substring(from, to);
    edged[n] = whole && (from != start || to != end);
    closes[n] = isClauseMark(text.charAt(end - 1));
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
      key = edged[i] ? TextShape.stripPunctuation(words[i]).toLowerCase(Locale.ROOT) : lower(i);
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
