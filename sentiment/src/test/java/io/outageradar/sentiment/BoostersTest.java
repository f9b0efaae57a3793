package io.outageradar.sentiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Each language's intensifiers make a complaint stronger and its dampeners weaker, as VADER's
 * "very" and "slightly" do in English, by the same amounts; where a language puts the intensifier
 * after the word, it counts there.
 */
class BoostersTest {
  private final SentimentAnalyzer analyzer = SentimentAnalyzer.standard();

  private double compound(String text, String lang) {
    SentimentScore score = analyzer.analyze(text, lang);
    assertThat(score.lang()).isEqualTo(lang);
    return score.compound();
  }

  @ParameterizedTest(name = "{0}: {2} < {1} < {3}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      pt | o app está lento         | o app está muito lento            | o app está um pouco lento
      pt | o zap tá ruim hoje       | o zap tá ruim demais hoje         | o zap tá meio ruim hoje
      es | la app está lenta        | la app está muy lenta             | la app está un poco lenta
      es | whatsapp anda mal        | whatsapp anda demasiado mal       | whatsapp anda algo mal
      fr | l'appli est lente        | l'appli est vraiment lente        | l'appli est un peu lente
      de | die app ist langsam      | die app ist sehr langsam          | die app ist etwas langsam
      it | l'app è lenta            | l'app è troppo lenta              | l'app è poco lenta
      id | aplikasinya lemot        | aplikasinya lemot banget          | aplikasinya agak lemot
      id | wa payah hari ini        | wa sangat payah hari ini          | wa sedikit payah hari ini
      tr | uygulama berbat          | uygulama çok berbat               | uygulama biraz berbat
      hi | insta bakwas hai         | insta bahut bakwas hai            | insta thoda bakwas hai
      en | the app is slow and bad  | the app is slow and very bad      | the app is slow and slightly bad
      """)
  void intensifiersStrengthenAndDampenersSoften(
      String lang, String plain, String intensified, String dampened) {
    double base = compound(plain, lang);
    assertThat(base).as(plain).isNegative();
    assertThat(compound(intensified, lang)).as(intensified).isLessThan(base);
    assertThat(compound(dampened, lang)).as(dampened).isGreaterThan(base).isNegative();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      voltou, muito bom          | pt
      ya funciona, muy bien      | es
      ça remarche, très bien     | fr
      """)
  void praiseIsStrengthenedToo(String text, String lang) {
    String withoutBooster = text.replaceAll("muito |muy |très ", "");
    assertThat(compound(text, lang)).isGreaterThan(compound(withoutBooster, lang)).isPositive();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      never seen it so bad            | en
      nunca vi tão ruim               | pt
      nunca foi tão lento assim       | pt
      nunca estuvo tan lenta          | es
      jamais vu aussi lent            | fr
      mai visto così lento            | it
      hiç böyle kötü olmamıştı        | tr
      """)
  void neverSoIsAComplaintNotPraise(String text, String lang) {
    assertThat(compound(text, lang)).as(text).isLessThan(-0.3);
  }

  @Test
  void aBoosterAddsWhatVadersOwnAdd() {
    // "lento" -1.0; "muito" before it adds -0.293 as VADER's "very" does: -1.293 → -0.3167
    assertThat(compound("muito lento", "pt")).isEqualTo(-0.3167);
    assertThat(compound("very lento", "pt")).isEqualTo(-0.3167);
    // one put after the word counts only right after it
    assertThat(compound("lento demais", "pt")).isEqualTo(-0.3167);
    assertThat(compound("lento hoje demais", "pt")).isEqualTo(compound("lento hoje", "pt"));
    // two tokens back it fades by 5 %, as VADER's do: -1.0 - 0.293 × 0.95
    assertThat(compound("muito app lento", "pt")).isEqualTo(compound("very app lento", "pt"));
  }

  @Test
  void aBoosterThatIsAlsoASentimentWordIsADataMistake() {
    Vocabulary vader =
        new Vocabulary(
            "en",
            Map.of("good", 1.9),
            Set.of(),
            new EmojiDescriptions(Map.of()),
            Set.of(),
            true,
            Set.of("but"),
            Boosters.VADER,
            LayerRules.NONE);
    Boosters good = new Boosters(Map.of("good", Vader.B_INCR), Map.of());
    assertThatThrownBy(
            () ->
                vader.extendedWith(
                    "xx", Map.of(), Set.of(), Set.of(), Set.of(), good, LayerRules.NONE))
        .hasMessageContaining("xx boosters that are sentiment words too: [good]");
  }
}
