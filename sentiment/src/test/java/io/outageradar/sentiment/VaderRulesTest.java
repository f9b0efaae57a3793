package io.outageradar.sentiment;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * One test per VADER rule, each worked by hand from the lexicon ("good" 1.9, "terrible" -2.1,
 * "smiling" 2.0, "love" 3.2) and the method's constants; compound = x / sqrt(x² + 15).
 */
class VaderRulesTest {
  private final SentimentAnalyzer analyzer = SentimentAnalyzer.standard();

  private void scores(String text, double compound, double pos, double neu, double neg) {
    SentimentScore score = analyzer.vader(text);
    assertThat(score.compound()).as("compound of %s", text).isEqualTo(compound);
    assertThat(new double[] {score.pos(), score.neu(), score.neg()})
        .as("pos/neu/neg of %s", text)
        .containsExactly(pos, neu, neg);
  }

  @Test
  void aLexiconWordNormalised() {
    // 1.9 / sqrt(1.9² + 15) = 0.4404; pos (1.9 + 1) / (2.9 + 3 neutral tokens) = 0.492
    scores("The book was good.", 0.4404, 0.492, 0.508, 0.0);
  }

  @Test
  void aNeutralSentenceScoresZero() {
    scores("The sky is blue.", 0.0, 0.0, 1.0, 0.0);
  }

  @Test
  void negationFlipsAndDamps() {
    // 1.9 × -0.74 = -1.406 → -0.3412; neg 2.406 / (2.406 + 4) = 0.376
    scores("The book was not good.", -0.3412, 0.0, 0.624, 0.376);
    // "not" three tokens back still negates: the same -1.406
    assertThat(analyzer.vader("It is not at all good").compound()).isEqualTo(-0.3412);
    // four tokens back it does not
    assertThat(analyzer.vader("not in any way good").compound()).isEqualTo(0.4404);
    // contractions negate through "n't"
    assertThat(analyzer.vader("It isn't good").compound()).isEqualTo(-0.3412);
  }

  @Test
  void boostersAndDampeners() {
    // 1.9 + 0.293 = 2.193 → 0.4927
    scores("The book was very good.", 0.4927, 0.444, 0.556, 0.0);
    // the bigram "kind of": 1.9 - 0.293 = 1.607 → 0.3832
    scores("The book was kind of good.", 0.3832, 0.343, 0.657, 0.0);
  }

  @Test
  void allCapsEmphasisesOnlyWhenTheTextMixesCase() {
    // 1.9 + 0.733 = 2.633 → 0.5622
    scores("The book was GOOD.", 0.5622, 0.548, 0.452, 0.0);
    // everything in caps is shouting nothing in particular
    scores("THE BOOK WAS GOOD", 0.4404, 0.492, 0.508, 0.0);
  }

  @Test
  void exclamationAndQuestionMarks() {
    // 1.9 + 3 × 0.292 = 2.776 → 0.5826
    scores("The book was good!!!", 0.5826, 0.557, 0.443, 0.0);
    // more than four "!" count as four: 1.9 + 1.168 = 3.068 → 0.6209
    assertThat(analyzer.vader("The book was good!!!!!!!").compound()).isEqualTo(0.6209);
    // 1.9 + 2 × 0.18 = 2.26 → 0.504; one "?" adds nothing
    scores("The book was good??", 0.504, 0.521, 0.479, 0.0);
    assertThat(analyzer.vader("The book was good?").compound()).isEqualTo(0.4404);
  }

  @Test
  void butShiftsWeightToWhatFollows() {
    // 1.9 × 0.5 + (-2.1) × 1.5 = 0.95 - 3.15 = -2.2 → -0.4939
    scores("The food was good, but the service was terrible.", -0.4939, 0.149, 0.534, 0.317);
  }

  @Test
  void neverSoIntensifiesInsteadOfNegating() {
    // 1.9 × 1.25 = 2.375 → 0.5228
    assertThat(analyzer.vader("It has never been this good").compound()).isEqualTo(0.5228);
  }

  @Test
  void leastNegatesExceptInAtLeast() {
    assertThat(analyzer.vader("the least good").compound()).isEqualTo(-0.3412);
    assertThat(analyzer.vader("at least good").compound()).isEqualTo(0.4404);
  }

  @Test
  void specialCaseIdiomsReplaceTheValence() {
    // "the shit" is 3, not "shit" -2.6: 3 + 0.292 for the "!" = 3.292 → 0.6476
    assertThat(analyzer.vader("With VADER, sentiment analysis is the shit!").compound())
        .isEqualTo(0.6476);
  }

  @Test
  void emojiScoreThroughTheirDescriptions() {
    // 😁 is "beaming face with smiling eyes": "smiling" 2.0 → 0.4588
    scores("😁", 0.4588, 0.429, 0.571, 0.0);
    // "love" 3.2 + "smiling" 2.0 = 5.2 → 0.802
    assertThat(analyzer.vader("I love it 😁").compound()).isEqualTo(0.802);
  }

  @Test
  void emoticonsSurviveTokenisation() {
    assertThat(analyzer.vader("Make sure you :) or :D today!").compound()).isEqualTo(0.8633);
  }
}
