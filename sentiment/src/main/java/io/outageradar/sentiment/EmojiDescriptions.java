package io.outageradar.sentiment;

import java.util.Arrays;
import java.util.BitSet;
import java.util.Map;

/**
 * VADER's emoji lexicon: single code points and the words that describe them ("😡" → "pouting
 * face"). Kept as sorted code points searched by bisection, with a bit per basic-plane code point
 * in front, so looking up a letter such as "ã" costs one bit and allocates nothing.
 */
final class EmojiDescriptions {
  private final int[] codePoints;
  private final String[] descriptions;

  /** The code points below U+10000 that have a description: most letters are answered here. */
  private final BitSet basic = new BitSet(Character.MIN_SUPPLEMENTARY_CODE_POINT);

  EmojiDescriptions(Map<Integer, String> byCodePoint) {
    codePoints = byCodePoint.keySet().stream().mapToInt(Integer::intValue).sorted().toArray();
    descriptions = new String[codePoints.length];
    for (int i = 0; i < codePoints.length; i++) {
      descriptions[i] = byCodePoint.get(codePoints[i]);
      if (codePoints[i] < Character.MIN_SUPPLEMENTARY_CODE_POINT) {
        basic.set(codePoints[i]);
      }
    }
  }

  /**
   * The text with each emoji replaced by its description, one code point at a time as the reference
   * does: a description is preceded by a space unless one is already there, and what follows is
   * appended as it stands. The same instance when no code point has a description.
   */
  String describe(String raw) {
    int first = 0;
    while (first < raw.length()) {
      int cp = TextShape.codePointAt(raw, first);
      if (description(cp) != null) {
        break;
      }
      first += Character.charCount(cp);
    }
    if (first == raw.length()) {
      return raw;
    }
    StringBuilder out = new StringBuilder(raw.length() + 32).append(raw, 0, first);
    boolean previousSpace = first == 0 || raw.charAt(first - 1) == ' ';
    for (int i = first; i < raw.length(); ) {
      int cp = raw.codePointAt(i);
      String description = description(cp);
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

  private String description(int codePoint) {
    if (codePoint < Character.MIN_SUPPLEMENTARY_CODE_POINT && !basic.get(codePoint)) {
      return null;
    }
    int at = Arrays.binarySearch(codePoints, codePoint);
    return at < 0 ? null : descriptions[at];
  }
}
