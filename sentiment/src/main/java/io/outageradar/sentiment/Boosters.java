package io.outageradar.sentiment;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Words that strengthen or soften the sentiment word near them, with the amount they add to its
 * valence's size: those that come before it (VADER's "very", "kinda"; "muito", "sehr", "çok") and
 * those a language puts right after it ("lento demais", "lemot banget"). Immutable.
 */
final class Boosters {
  /** VADER's own, all before the word. */
  static final Boosters VADER = new Boosters(Vader.BOOSTERS, Map.of());

  static final Boosters NONE = new Boosters(Map.of(), Map.of());

  // HashMaps, never changed: they look strings up faster than the immutable maps
  private final Map<String, Double> before;
  private final Map<String, Double> after;

  /** Both sides' words: every token is asked whether it is a booster, so one lookup. */
  private final Set<String> all;

  Boosters(Map<String, Double> before, Map<String, Double> after) {
    this.before = new HashMap<>(before);
    this.after = new HashMap<>(after);
    this.all = new HashSet<>(before.keySet());
    all.addAll(after.keySet());
  }

  /** These and {@code more}, which win where both name a word. */
  Boosters plus(Boosters more) {
    Map<String, Double> allBefore = new HashMap<>(before);
    allBefore.putAll(more.before);
    Map<String, Double> allAfter = new HashMap<>(after);
    allAfter.putAll(more.after);
    return new Boosters(allBefore, allAfter);
  }

  /** What a booster before a sentiment word adds, or null when the token is none. */
  Double before(String lowerCase) {
    return before.get(lowerCase);
  }

  /** What a booster right after a sentiment word adds, or null when the token is none. */
  Double after(String lowerCase) {
    return after.get(lowerCase);
  }

  /** Every word of either side. */
  Set<String> words() {
    return Set.copyOf(all);
  }

  /** Whether a lower-case token only modifies others, so carries no sentiment of its own. */
  boolean modifies(String lowerCase) {
    return all.contains(lowerCase);
  }
}
