package io.outageradar.sentiment;

import java.util.Arrays;
import java.util.Map;

/**
 * VADER's emoji lexicon: single code points and the words that describe them ("😡" → "pouting
 * face"). Kept as sorted code points searched by bisection, so looking up a letter such as "ã"
 * (which shares the range with the emoji's lowest entries) allocates nothing.
 */
final class EmojiDescriptions {
  private final int[] codePoints;
  private final String[] descriptions;

  EmojiDescriptions(Map<Integer, String> byCodePoint) {
    codePoints = byCodePoint.keySet().stream().mapToInt(Integer::intValue).sorted().toArray();
    descriptions = new String[codePoints.length];
    for (int i = 0; i < codePoints.length; i++) {
      descriptions[i] = byCodePoint.get(codePoints[i]);
    }
  }

  /**
   * The text with each emoji replaced by its description, one code point at a time as the reference
   * does: a description is preceded by a space unless one is already there, and what follows is
   * appended as it stands. The same instance when no code point has a description.
   */
  String describe(String raw) {
    int first = 0;
    while (first < raw.length() && description(raw.codePointAt(first)) == null) {
      first += Character.charCount(raw.codePointAt(first));
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
    if (codePoints.length == 0 || codePoint < codePoints[0]) {
      return null;
    }
    int at = Arrays.binarySearch(codePoints, codePoint);
    return at < 0 ? null : descriptions[at];
  }
}
