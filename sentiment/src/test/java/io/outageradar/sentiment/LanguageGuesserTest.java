package io.outageradar.sentiment;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LanguageGuesserTest {
  @ParameterizedTest(name = "{0} → {1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      is it down for anyone else?               | en
      my app is not loading again               | en
      o zap caiu                                | pt
      não consigo mandar mensagem               | pt
      alguém mais está sem whatsapp?            | pt
      ¿alguien más sin whatsapp?                | es
      no puedo entrar a instagram               | es
      mañana                                    | es
      whatsapp no funciona!!                    | es
      o zap no funciona                         | es
      o zap não funciona                        | pt
      ação                                      | pt
      WHATSAPP                                  | en
      12345 !!!                                 | en
      """)
  void tellsTheThreeLanguagesApart(String text, String expected) {
    assertThat(SentimentAnalyzer.standard().languageOf(text, null)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0} from {1} → {2}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      whatsapp                                  | BR | pt
      whatsapp                                  | MX | es
      whatsapp                                  | US | en
      whatsapp                                  | DE | de
      whatsapp                                  |    | en
      instagram caído                           | BR | pt
      instagram caído                           | MX | es
      o zap não funciona                        | MX | pt
      is it down for anyone else?               | BR | en
      whatsapp no funciona!!                    | BR | es
      """)
  void aTieOrNoEvidenceGoesToTheRegionsLanguage(String text, String region, String expected) {
    assertThat(SentimentAnalyzer.standard().languageOf(text, null, region)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0} → und")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      whatsapp werkt vandaag weer niet
      instagram nie działa od rana
      ik heb geen berichten meer
      znowu awaria, wiadomości nie dochodzą
      het werkt nog steeds niet
      dlaczego to nie działa
      storing bij whatsapp al sinds vanochtend
      """)
  void aLanguageWithoutALayerIsUndeterminedAndScoredWithPlainVader(String text) {
    SentimentAnalyzer analyzer = SentimentAnalyzer.standard();
    SentimentScore score = analyzer.analyze(text);
    assertThat(score.lang()).isEqualTo("und");
    assertThat(score.compound()).isEqualTo(analyzer.vader(text).compound());
    assertThat(analyzer.languageOf(text, null)).isEqualTo("und");
  }
}
