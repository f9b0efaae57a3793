package io.outageradar.service.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The README's settings tables are the generated ones: a setting added, renamed or re-documented in
 * code shows up here.
 */
class SettingsDocTest {
  static final String BEGIN =
      "<!-- settings:begin (generated: ./outage-radar settings --markdown) -->\n";
  static final String END = "<!-- settings:end -->";

  @Test
  void theReadmeListsEverySettingAsDeclared() throws IOException {
    String readme = Files.readString(Path.of("..", "README.md"));
    int begin = readme.indexOf(BEGIN);
    int end = readme.indexOf(END);
    assertThat(begin).as("README has the generated settings section").isNotNegative();
    assertThat(end).isGreaterThan(begin);

    assertThat(readme.substring(begin + BEGIN.length(), end))
        .as("README settings; regenerate with ./outage-radar settings --markdown")
        .isEqualTo(SettingsTable.markdown(RadarSettings.ALL));
  }

  @Test
  void everySettingIsInTheTablesAndSecretsShowNoDefault() {
    String tables = SettingsTable.markdown(RadarSettings.ALL);
    for (Setting<?> setting : RadarSettings.ALL) {
      assertThat(tables).contains("| `" + setting.key() + "` |");
    }
    assertThat(tables)
        .contains("**pager**")
        .contains("`pager.webhook.secret` | empty |")
        .contains("Secret: never shown.");
  }
}
