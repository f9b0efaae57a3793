package io.outageradar.sentiment;

import java.util.Set;

/**
 * The outage layer's rules beyond its lexicon: availability questions, and problem words a negator
 * denies from further back than VADER's three tokens ("nunca me ha dado problemas": never has it
 * given me problems). Plain VADER has {@link #NONE}.
 */
record LayerRules(QuestionWords questions, Set<String> problemWords) {
  static final LayerRules NONE = new LayerRules(QuestionWords.NONE, Set.of());

  /** How far back a negator still denies a problem word; VADER itself looks three tokens back. */
  static final int DENIAL_REACH = 5;

  LayerRules {
    problemWords = Set.copyOf(problemWords);
  }
}
