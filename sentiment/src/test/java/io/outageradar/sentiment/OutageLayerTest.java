package io.outageradar.sentiment;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The outage layer: complaints VADER alone calls neutral, in English, Portuguese and Spanish, with
 * negation in each.
 */
class OutageLayerTest {
  private final SentimentAnalyzer analyzer = SentimentAnalyzer.standard();

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      WhatsApp is down again!!! can't send anything          | en
      instagram not working AGAIN, lost sales all afternoon  | en
      Facebook won't load, I can't log in                    | en
      is whatsapp down for everyone?? no signal here         | en
      please help, instagram down                            | en
      o zap caiu de novo!!!                                  | pt
      WhatsApp fora do ar, não consigo vender nada           | pt
      não funciona o instagram, que raiva                    | pt
      perdendo vendas com o insta fora do ar                 | pt
      whatsapp no funciona otra vez!!                        | es
      instagram caído, sin servicio en todo el país          | es
      se cayó facebook, pésimo                               | es
      whatsapp no funciona!!                                 | es
      minha loja vende pelo zap e hoje não vendi nada        | pt
      """)
  void complaintsAreNegativeInTheirLanguage(String text, String lang) {
    SentimentScore score = analyzer.analyze(text);
    assertThat(score.lang()).isEqualTo(lang);
    assertThat(score.compound()).as(text).isLessThanOrEqualTo(-0.3);
    assertThat(score.compound())
        .as("outage words are what makes %s negative", text)
        .isLessThan(analyzer.vader(text).compound());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      nope, whatsapp still down      | en
      não, continua fora             | pt
      no. sigue caído                | es
      non, toujours en panne         | fr
      nahi, abhi bhi band hai        | hi
      """)
  void aNegatorClosingItsClauseAnswersRatherThanNegates(String text, String lang) {
    assertThat(analyzer.analyze(text, lang).compound()).as(text).isLessThan(-0.3);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      plus rien ne marche depuis midi     | fr
      rien ne s'affiche sur insta         | fr
      gar nichts geht seit heute          | de
      whatsapp chal nahi raha             | hi
      insta khul hi nahi raha aaj         | hi
      ghar pe network nahi hai            | hi
      pesan cuma centang satu             | id
      mesajlar tek tikte                  | tr
      """)
  void failuresToldWithoutAComplaintWordInEachLanguagesOrder(String text, String lang) {
    SentimentScore score = analyzer.analyze(text, lang);
    assertThat(score.compound()).as(text).isLessThan(-0.3);
    assertThat(analyzer.vader(text).compound()).as("VADER alone misses %s", text).isZero();
  }

  @Test
  void plainVaderStillNegatesAcrossTheComma() {
    // the reference has no clauses: its "nope" negates "bad" whatever the comma
    assertThat(analyzer.vader("nope, still bad").compound()).isPositive();
    assertThat(analyzer.analyze("nope, still bad", "en").compound()).isNegative();
  }

  @Test
  void domainValencesAreWorkedLikeLexiconOnes() {
    // "caiu" -1.8, "!!!" 3 × 0.292: -2.676 → -0.5684
    assertThat(analyzer.analyze("o zap caiu de novo!!!").compound()).isEqualTo(-0.5684);
    // "not working" is one phrase of -2.0, not "not" negating a word: -2.0 → -0.4588
    assertThat(analyzer.analyze("instagram is not working").compound()).isEqualTo(-0.4588);
  }

  @Test
  void negationWorksInAllThreeLanguages() {
    // "down" -1.6 × -0.74 = 1.184 → 0.2924
    assertThat(analyzer.analyze("WhatsApp is not down for me").compound()).isEqualTo(0.2924);
    // "fora do ar" -2.0 negated by "não" two tokens back: 1.48 → 0.357
    SentimentScore pt = analyzer.analyze("o whatsapp não está fora do ar aqui");
    assertThat(pt.lang()).isEqualTo("pt");
    assertThat(pt.compound()).isEqualTo(0.357);
    // "caído" -1.8 after Spanish "no" (VADER's own "no" rule): 1.332 → 0.3252
    SentimentScore es = analyzer.analyze("whatsapp no está caído para mí");
    assertThat(es.lang()).isEqualTo("es");
    assertThat(es.compound()).isEqualTo(0.3252);
  }

  @Test
  void butHasItsWordInEachLanguage() {
    // "voltou" 1.5 × 0.5 before "mas", "perdi vendas" -2.5 × 1.5 after: 0.75 - 3.75 = -3.0 →
    // -0.6124
    assertThat(analyzer.analyze("o whatsapp voltou, mas perdi vendas o dia inteiro").compound())
        .isEqualTo(-0.6124);
    // "volvió" 1.5 × 0.5, "perdimos" -1.5 × 1.5: -1.5 → -0.3612
    assertThat(analyzer.analyze("ya volvió whatsapp, pero perdimos muchas ventas").compound())
        .isEqualTo(-0.3612);
    // with "and" instead, 1.5 - 1.5: the two cancel out
    assertThat(analyzer.analyze("ya volvió whatsapp, y perdimos muchas ventas").compound())
        .isZero();
  }

  @Test
  void recoveryIsGoodNews() {
    assertThat(analyzer.analyze("whatsapp is back online, finally working again").compound())
        .isGreaterThan(0.5);
    assertThat(analyzer.analyze("o whatsapp voltou").compound()).isGreaterThan(0.3);
    assertThat(analyzer.analyze("el whatsapp volvió, ya funciona").compound()).isGreaterThan(0.3);
  }

  @Test
  void portugueseNoIsAPrepositionNotANegativeWord() {
    // VADER alone reads "no" as -1.2
    assertThat(analyzer.vader("whatsapp no Brasil").compound()).isNegative();
    assertThat(analyzer.analyze("o whatsapp no Brasil", "pt").compound()).isZero();
  }

  @Test
  void aGivenLanguageWinsOverTheGuess() {
    assertThat(analyzer.analyze("caído", "es-MX").lang()).isEqualTo("es");
    assertThat(analyzer.analyze("caído", "pt-BR").lang()).isEqualTo("pt");
    // a language without a vocabulary falls back to the guess
    assertThat(analyzer.analyze("the app is down", "nl").lang()).isEqualTo("en");
  }

  @Test
  void vaderAloneIsUntouchedByTheLayer() {
    assertThat(analyzer.vader("instagram not working AGAIN").compound()).isEqualTo(0.0);
    assertThat(analyzer.vader("please help").compound()).isPositive();
  }

  @Test
  void aQuestionWithoutAnAvailabilityWordOrPlatformKeepsItsWarmth() {
    assertThat(analyzer.analyze("are you feeling good today?", "en").compound()).isPositive();
    assertThat(analyzer.analyze("is the app good now?", "en").compound()).isZero();
    assertThat(analyzer.analyze("the app is working again", "en").compound()).isPositive();
  }

  @Test
  void theQuestionRuleNeverReachesPlainVader() {
    assertThat(analyzer.analyze("is everything fine with the app?", "en").compound()).isZero();
    assertThat(analyzer.vader("is everything fine with the app?").compound()).isPositive();
  }
}
