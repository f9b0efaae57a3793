package io.outageradar.sentiment;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A text split once, as VADER splits it (on Python's whitespace; leading and trailing ASCII
 * punctuation stripped from tokens that keep more than two characters, so ":)" survives). Each
 * token's key — lower case, punctuation stripped even from short words — is what the language guess
 * and the phrase lookup compare; it is made when first asked for, so plain VADER, which asks for
 * none, never pays for it.
 */
final class Split {
  private final String text;
  private final List<String> words;
  private final String[] keys;

  private Split(String text, List<String> words) {
    this.text = text;
    this.words = words;
    this.keys = new String[words.size()];
  }

  static Split of(String text) {
    List<String> words = new ArrayList<>();
    int start = -1;
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      if (TextShape.isSpace(cp)) {
        if (start >= 0) {
          words.add(token(text.substring(start, i)));
          start = -1;
        }
      } else if (start < 0) {
        start = i;
      }
      i += Character.charCount(cp);
    }
    if (start >= 0) {
      words.add(token(text.substring(start)));
    }
    return new Split(text, words);
  }

  private static String token(String raw) {
    String stripped = TextShape.stripPunctuation(raw);
    return stripped.codePointCount(0, stripped.length()) <= 2 ? raw : stripped;
  }

  String text() {
    return text;
  }

  List<String> words() {
    return words;
  }

  int size() {
    return words.size();
  }

  String key(int i) {
    String key = keys[i];
    if (key == null) {
      key = TextShape.stripPunctuation(words.get(i)).toLowerCase(Locale.ROOT);
      keys[i] = key;
    }
    return key;
  }

  /** The token in lower case as VADER compares it. */
  String lower(int i) {
    return words.get(i).toLowerCase(Locale.ROOT);
  }
}
