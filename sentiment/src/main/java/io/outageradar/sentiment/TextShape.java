package io.outageradar.sentiment;

/**
 * The character classes VADER's tokenisation relies on, as Python defines them (the reference
 * implementation splits with {@code str.split()}, strips {@code string.punctuation} and tests
 * {@code str.isupper()}); Java's own definitions differ at the edges.
 */
final class TextShape {
  private TextShape() {}

  /** The code point at {@code i}; most texts have no surrogates, so it is usually the char. */
  static int codePointAt(String text, int i) {
    char c = text.charAt(i);
    return Character.isHighSurrogate(c) ? text.codePointAt(i) : c;
  }

  /** Python's {@code str.isspace()}: Java whitespace plus the no-break spaces and NEL. */
  static boolean isSpace(int codePoint) {
    if (codePoint < 0x80) { // the same answer, without the Unicode tables, for most characters
      return codePoint == ' '
          || (codePoint >= '\t' && codePoint <= '\r')
          || (codePoint >= 0x1c && codePoint <= 0x1f);
    }
    return Character.isWhitespace(codePoint)
        || Character.isSpaceChar(codePoint)
        || codePoint == 0x85;
  }

  /** Python's {@code string.punctuation}: the 32 ASCII punctuation characters. */
  static boolean isPunctuation(char c) {
    return (c >= '!' && c <= '/')
        || (c >= ':' && c <= '@')
        || (c >= '[' && c <= '`')
        || (c >= '{' && c <= '~');
  }

  /**
   * Python's {@code str.isupper()}: at least one cased character, and none lower- or title-case.
   */
  static boolean isUpper(String word) {
    boolean cased = false;
    for (int i = 0; i < word.length(); ) {
      int cp = word.codePointAt(i);
      if (Character.isLowerCase(cp) || Character.isTitleCase(cp)) {
        return false;
      }
      cased |= Character.isUpperCase(cp);
      i += Character.charCount(cp);
    }
    return cased;
  }

  /** {@code token.strip(string.punctuation)}. */
  static String stripPunctuation(String token) {
    int start = 0;
    int end = token.length();
    while (start < end && isPunctuation(token.charAt(start))) {
      start++;
    }
    while (end > start && isPunctuation(token.charAt(end - 1))) {
      end--;
    }
    return token.substring(start, end);
  }
}
