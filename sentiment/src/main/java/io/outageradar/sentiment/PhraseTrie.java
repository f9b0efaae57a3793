package io.outageradar.sentiment;

import java.util.HashMap;
import java.util.Map;

/**
 * Multi-word entries stored word by word: the entries that start at a token are found with one
 * lookup per following token, and no phrase string is built for the lookup. With some 30,000
 * generated failure phrases, many common words ("no", "não", "nahi") start hundreds of them, so
 * trying each, or concatenating the text's tokens to look them up whole, dominated the cost of a
 * score. Each entry carries a non-zero int (the guesser's language bits; 1 where only presence
 * matters). Built once, then only read, so one instance serves every thread.
 */
final class PhraseTrie {
  private final Map<String, PhraseTrie> next = new HashMap<>();
  private int value;

  /** Adds {@code phrase} (words separated by single spaces), OR-ing its value into any present. */
  void add(String phrase, int value) {
    PhraseTrie node = this;
    for (String word : phrase.split(" ")) {
      node = node.next.computeIfAbsent(word, w -> new PhraseTrie());
    }
    node.value |= value;
  }

  boolean isEmpty() {
    return next.isEmpty();
  }

  /** The node after {@code key}, or null when no entry continues with it. */
  PhraseTrie next(String key) {
    return next.get(key);
  }

  /** The value of the entry ending here, or 0 when none does. */
  int value() {
    return value;
  }

  /**
   * How many tokens the longest entry starting at token {@code start} covers (its tokens compared
   * by {@link Split#key}), or 0 when none starts there.
   */
  int longestAt(Split tokens, int start) {
    int longest = 0;
    PhraseTrie node = this;
    for (int k = start; k < tokens.size(); k++) {
      node = node.next.get(tokens.key(k));
      if (node == null) {
        break;
      }
      if (node.value != 0) {
        longest = k - start + 1;
      }
    }
    return longest;
  }
}
