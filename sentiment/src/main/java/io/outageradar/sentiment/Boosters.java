package io.outageradar.sentiment;

import java.util.HashMap;
import java.util.Map;

/**
 * Words that strengthen or soften the sentiment word near them, with the amount they add to its
 * valence's size: those that come before it (VADER's "very", "kinda"; "muito", "sehr", "çok") and
 * those a language puts right after it ("lento demais", "lemot banget").
 */
record Boosters(Map<String, Double> before, Map<String, Double> after) {
  /** VADER's own, all before the word. */
  static final Boosters VADER = new Boosters(Vader.BOOSTERS, Map.of());

  static final Boosters NONE = new Boosters(Map.of(), Map.of());

  Boosters {
    // never changed; HashMaps look strings up faster than the immutable maps
    before = new HashMap<>(before);
    after = new HashMap<>(after);
  }

  /** These and {@code more}, which win where both name a word. */
  Boosters plus(Boosters more) {
    Map<String, Double> allBefore = new HashMap<>(before);
    allBefore.putAll(more.before);
    Map<String, Double> allAfter = new HashMap<>(after);
    allAfter.putAll(more.after);
    return new Boosters(allBefore, allAfter);
  }

  /** Whether a lower-case token only modifies others, so carries no sentiment of its own. */
  boolean modifies(String lowerCase) {
    return before.containsKey(lowerCase) || after.containsKey(lowerCase);
  }
}
