package io.outageradar.connect;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Expands the Grafana PostgreSQL macros the dashboards use, as Grafana documents them, for a fixed
 * time range, and the dashboard's variables ({@code $service}, {@code ${region}}) as Grafana
 * interpolates a multi-value variable into SQL (quoted, comma-separated), so a panel's SQL can run
 * against the database without Grafana.
 */
final class GrafanaMacros {
  private static final Pattern TIME_FILTER = Pattern.compile("\\$__timeFilter\\(([^)]+)\\)");
  private static final Pattern TIME_GROUP_ALIAS =
      Pattern.compile("\\$__timeGroupAlias\\(([^,]+),\\s*'(\\d+)([smh])'\\)");

  private GrafanaMacros() {}

  static String expand(String sql, Instant from, Instant to, Map<String, List<String>> variables) {
    String withVariables = sql;
    for (Map.Entry<String, List<String>> variable : variables.entrySet()) {
      String values =
          variable.getValue().isEmpty()
              ? "NULL"
              : variable.getValue().stream()
                  .map(v -> "'" + v.replace("'", "''") + "'")
                  .collect(Collectors.joining(","));
      withVariables =
          withVariables
              .replace("${" + variable.getKey() + "}", values)
              .replaceAll("\\$" + variable.getKey() + "\\b", Matcher.quoteReplacement(values));
    }
    return expand(withVariables, from, to);
  }

  static String expand(String sql, Instant from, Instant to) {
    String expanded =
        TIME_FILTER
            .matcher(sql)
            .replaceAll(
                m ->
                    Matcher.quoteReplacement(
                        m.group(1).trim() + " BETWEEN '" + from + "' AND '" + to + "'"));
    expanded =
        TIME_GROUP_ALIAS
            .matcher(expanded)
            .replaceAll(
                m -> {
                  long seconds =
                      Long.parseLong(m.group(2))
                          * switch (m.group(3)) {
                            case "m" -> 60;
                            case "h" -> 3600;
                            default -> 1;
                          };
                  return Matcher.quoteReplacement(
                      "floor(extract(epoch from "
                          + m.group(1).trim()
                          + ")/"
                          + seconds
                          + ")*"
                          + seconds
                          + " AS \"time\"");
                });
    if (expanded.contains("$")) {
      throw new IllegalArgumentException(
          "a Grafana macro or variable this test does not know: " + expanded);
    }
    return expanded;
  }
}
