package io.outageradar.sentiment;

import java.util.Set;

/**
 * The outage layer's rules beyond its lexicon: availability questions, and problem words a negator
 * denies from further back than VADER's three tokens ("nunca me ha dado problemas": never has it
 * given me problems); "never so" in the language's words; and {@code answersCloseClauses}: a
 * negator followed by a comma or a full stop answers a question ("no, still down") rather than
 * negating what follows. Plain VADER has {@link #NONE}.
 */
record LayerRules(
    QuestionWords questions,
    Set<String> problemWords,
    Set<String> failureVerbs,
    Set<String> closingNegators,
    Set<String> nevers,
    Set<String> sos,
    boolean answersCloseClauses) {
  static final LayerRules NONE =
      new LayerRules(QuestionWords.NONE, Set.of(), Set.of(), Set.of(), Set.of(), Set.of(), false);

  /**
   * How far after a failure verb a closing negation still denies it, where the language puts its
   * negation at the end of the clause ("whatsapp geht seit heute morgen nicht").
   */
  static final int CLOSING_REACH = 6;

  /** How far back a negator still denies a problem word; VADER itself looks three tokens back. */
  static final int DENIAL_REACH = 5;

  LayerRules {
    problemWords = Set.copyOf(problemWords);
    failureVerbs = Set.copyOf(failureVerbs);
    closingNegators = Set.copyOf(closingNegators);
    nevers = Set.copyOf(nevers);
    sos = Set.copyOf(sos);
  }

  /** VADER's "never", or the language's word for it (in "never so bad"). */
  boolean isNever(String lowerCase) {
    return lowerCase.equals("never") || nevers.contains(lowerCase);
  }

  /** VADER's "so" and "this", or the language's words for "so" (in "never so bad"). */
  boolean isSo(String lowerCase) {
    return lowerCase.equals("so") || lowerCase.equals("this") || sos.contains(lowerCase);
  }

  /**
   * The position of a closing negator that denies a failure verb before it, or -1: "geht ... nicht"
   * reports a failure as "geht nicht" does. Only for languages that close their negation.
   */
  int closingNegation(String[] lower, int verb) {
    if (closingNegators.isEmpty() || !failureVerbs.contains(lower[verb])) {
      return -1;
    }
    for (int j = verb + 1; j < Math.min(lower.length, verb + 1 + CLOSING_REACH); j++) {
      if (closingNegators.contains(lower[j])) {
        return j;
      }
    }
    return -1;
  }
}
