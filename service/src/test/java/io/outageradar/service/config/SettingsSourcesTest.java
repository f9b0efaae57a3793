package io.outageradar.service.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.outageradar.detection.rules.Rules;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The defaults are written twice — in the settings and in the rules' own builders — so these tests
 * tie them: what a configuration with nothing set gives is what the rules call their defaults (no
 * revenue), and every declared setting is one the loader and the docs know.
 */
class SettingsSourcesTest {
  private static final RadarConfig NOTHING_SET =
      RadarConfig.load(
          null,
          Map.of(),
          Map.of(
              RadarSettings.BOOTSTRAP_SERVERS.key(), "localhost:9092",
              RadarSettings.SCHEMA_REGISTRY_URL.key(), "mock://defaults"));

  @Test
  void aConfigurationWithNothingSetGivesTheRulesTheirOwnDefaults() {
    Rules rules = NOTHING_SET.rules();
    Rules defaults = Rules.defaults();
    assertThat(rules.detection()).isEqualTo(defaults.detection());
    assertThat(rules.reports()).isEqualTo(defaults.reports());
    assertThat(rules.alerts()).isEqualTo(defaults.alerts());
    assertThat(rules.revenue().perHour("whatsapp", "BR")).as("no revenue").isNull();
  }

  @Test
  void everyDeclaredSettingIsInTheListTheLoaderAndTheDocsUse() throws IllegalAccessException {
    List<Setting<?>> declared = new ArrayList<>();
    for (Field field : RadarSettings.class.getDeclaredFields()) {
      if (Modifier.isStatic(field.getModifiers()) && field.getType() == Setting.class) {
        declared.add((Setting<?>) field.get(null));
      }
    }

    assertThat(declared).hasSizeGreaterThan(50);
    assertThat(RadarSettings.ALL).containsExactlyInAnyOrderElementsOf(declared);
  }
}
