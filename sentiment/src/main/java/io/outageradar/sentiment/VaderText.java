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

  private VaderText(String text, String[] words) {
    this.text = text;
    this.words = words;
    this.lower = new String[words.length];
    for (int i = 0; i < words.length; i++) {
      lower[i] = words[i].toLowerCase(Locale.ROOT);
    }
  }

  static VaderText of(String raw, Vocabulary vocabulary) {
    String text = strip(vocabulary.mayHaveEmoji(raw) ? describeEmoji(raw, vocabulary) : raw);
    List<String> tokens = split(text);
    if (vocabulary.hasPhrases()) {
      tokens = mergePhrases(tokens, vocabulary);
    }
    return new VaderText(text, tokens.toArray(new String[0]));
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

  private static List<String> split(String text) {
    List<String> tokens = new ArrayList<>();
    int start = -1;
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      if (TextShape.isSpace(cp)) {
        if (start >= 0) {
          tokens.add(token(text.substring(start, i)));
          start = -1;
        }
      } else if (start < 0) {
        start = i;
      }
      i += Character.charCount(cp);
    }
    if (start >= 0) {
      tokens.add(token(text.substring(start)));
    }
    return tokens;
  }

  private static String token(String raw) {
    String stripped = TextShape.stripPunctuation(raw);
    return stripped.codePointCount(0, stripped.length()) <= 2 ? raw : stripped;
  }

  private static List<String> mergePhrases(List<String> tokens, Vocabulary vocabulary) {
    List<String> merged = null;
    for (int i = 0; i < tokens.size(); ) {
      String[] phrase = longestPhraseAt(tokens, i, vocabulary);
      if (phrase == null) {
        if (merged != null) {
          merged.add(tokens.get(i));
        }
        i++;
        continue;
      }
      if (merged == null) {
        merged = new ArrayList<>(tokens.subList(0, i));
      }
      StringBuilder joined = new StringBuilder();
      for (int k = 0; k < phrase.length; k++) {
        joined.append(k == 0 ? "" : " ").append(TextShape.stripPunctuation(tokens.get(i + k)));
      }
      merged.add(joined.toString());
      i += phrase.length;
    }
    return merged == null ? tokens : merged;
  }

  private static String[] longestPhraseAt(List<String> tokens, int start, Vocabulary vocabulary) {
    List<String[]> candidates = vocabulary.phrasesStartingWith(key(tokens.get(start)));
    for (String[] phrase : candidates) {
      if (start + phrase.length <= tokens.size() && matches(tokens, start, phrase)) {
        return phrase;
      }
    }
    return null;
  }

  private static boolean matches(List<String> tokens, int start, String[] phrase) {
    for (int k = 1; k < phrase.length; k++) {
      if (!key(tokens.get(start + k)).equals(phrase[k])) {
        return false;
      }
    }
    return true;
  }

  /**
   * A token as phrases are written: lower case, punctuation stripped even from short words ("in,"
   * is "in").
   */
  private static String key(String token) {
    return TextShape.stripPunctuation(token).toLowerCase(Locale.ROOT);
  }
}
