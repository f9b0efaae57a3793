package io.outageradar.sentiment;

import java.util.Set;

/**
 * What makes a text an availability question and which of its words then carry no praise: "is the
 * app working?" asks, it does not say the app works. Weak words ("fine", "ok") count only when the
 * question also has an availability word or names a platform, so "are you ok?" keeps its warmth.
 */
record QuestionWords(
    Set<String> openers, Set<String> availability, Set<String> weak, Set<String> platforms) {
  static final QuestionWords NONE = new QuestionWords(Set.of(), Set.of(), Set.of(), Set.of());

  QuestionWords {
    openers = Set.copyOf(openers);
    availability = Set.copyOf(availability);
    weak = Set.copyOf(weak);
    platforms = Set.copyOf(platforms);
  }

  /**
   * The positions of {@code lower} whose praise a question takes back; null when the text is not an
   * availability question.
   */
  boolean[] withoutPraise(String text, String[] lower) {
    if (availability.isEmpty() || lower.length == 0 || !isQuestion(text, lower[0])) {
      return null;
    }
    boolean[] drop = new boolean[lower.length];
    boolean strong = false;
    boolean platform = false;
    for (String token : lower) {
      strong |= availability.contains(token);
      platform |= platforms.contains(token);
    }
    for (int i = 0; i < lower.length; i++) {
      drop[i] =
          availability.contains(lower[i]) || ((strong || platform) && weak.contains(lower[i]));
    }
    return drop;
  }

  private boolean isQuestion(String text, String first) {
    return text.indexOf('?') >= 0 || text.indexOf('¿') >= 0 || openers.contains(first);
  }
}
