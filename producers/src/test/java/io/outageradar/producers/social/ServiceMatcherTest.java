package io.outageradar.producers.social;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ServiceMatcherTest {
  private final ServiceMatcher matcher = ServiceMatcher.defaults();

  @Test
  void findsServicesByNameAndAliasOnWholeWordsIgnoringCaseAndAccents() {
    assertThat(matcher.match("WhatsApp não funciona!!!", "US")).contains("whatsapp");
    assertThat(matcher.match("o INSTA caiu de novo", "BR")).contains("instagram");
    assertThat(matcher.match("fb is down?", "GB")).contains("facebook");
    assertThat(matcher.match("my fbi file", "US")).isEmpty();
  }

  @Test
  void regionalAliasesOnlyCountInTheirRegion() {
    assertThat(matcher.match("o zap caiu", "BR")).contains("whatsapp");
    assertThat(matcher.match("o zap caiu", "US")).isEmpty();
    assertThat(matcher.match("zapato nuevo", "BR")).isEmpty();
  }

  @Test
  void aPostAboutNothingKnownMatchesNothing() {
    assertThat(matcher.match("lovely weather today", "BR")).isEmpty();
  }

  @Test
  void rejectsConfigurationItCannotRead() {
    assertThatThrownBy(() -> ServiceMatcher.parse("whatsapp"))
        .hasMessageContaining("service:alias");
    assertThatThrownBy(() -> ServiceMatcher.parse("whatsapp:,"))
        .hasMessageContaining("empty alias");
  }
}
