package io.outageradar.service.config;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The settings as documentation, generated from their declarations so the README cannot drift from
 * the code.
 */
public final class SettingsTable {
  private SettingsTable() {}

  /**
   * One Markdown table per group, in declaration order: setting, default, valid values, importance,
   * meaning.
   */
  public static String markdown(List<Setting<?>> settings) {
    Map<String, StringBuilder> groups = new LinkedHashMap<>();
    for (Setting<?> setting : settings) {
      StringBuilder table =
          groups.computeIfAbsent(
              setting.group(),
              group ->
                  new StringBuilder()
                      .append(
                          "| setting | default | valid values | importance | meaning |\n| --- | --- | --- | --- | --- |\n"));
      table
          .append("| `")
          .append(setting.key())
          .append("` | ")
          .append(shownDefault(setting))
          .append(" | ")
          .append(cell(setting.ruleText().isEmpty() ? "—" : setting.ruleText()))
          .append(" | ")
          .append(setting.importance().name().toLowerCase(Locale.ROOT))
          .append(" | ")
          .append(cell(setting.description()))
          .append(setting.secret() ? " Secret: never shown." : "")
          .append(" |\n");
    }
    StringBuilder out = new StringBuilder();
    groups.forEach(
        (group, table) ->
            out.append("**").append(group).append("**\n\n").append(table).append('\n'));
    return out.toString().stripTrailing() + "\n";
  }

  private static String shownDefault(Setting<?> setting) {
    if (setting.defaultValue() == null) {
      return "required";
    }
    return setting.defaultValue().isEmpty() ? "empty" : "`" + cell(setting.defaultValue()) + "`";
  }

  /** Text safe inside a table cell: a '|' would end the cell. */
  private static String cell(String text) {
    return text.replace("|", "\\|");
  }
}
