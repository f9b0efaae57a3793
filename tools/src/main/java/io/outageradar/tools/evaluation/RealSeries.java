package io.outageradar.tools.evaluation;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The real series vendored with the evaluation ({@code series/real/README.md} says where they come
 * from, under which licence, and where the labels come from): monthly U.S. unemployment per
 * industry, labelled at the onset of the 2008–09 recession, and four Seattle weather series with no
 * label at all.
 */
public final class RealSeries {
  /** NBER's business-cycle peak before the 2008–09 recession. */
  static final YearMonth RECESSION_ONSET = YearMonth.of(2007, 12);

  private RealSeries() {}

  public static List<LabelledSeries> all() {
    List<LabelledSeries> all = new ArrayList<>(unemployment());
    all.addAll(seattleWeather());
    return all;
  }

  static List<LabelledSeries> unemployment() {
    Map<String, List<String[]>> byIndustry = new LinkedHashMap<>();
    for (String[] row : rows("unemployment-across-industries.csv")) {
      byIndustry.computeIfAbsent(row[0], k -> new ArrayList<>()).add(row);
    }
    List<LabelledSeries> series = new ArrayList<>();
    byIndustry.forEach(
        (industry, rows) -> {
          Instant[] times = new Instant[rows.size()];
          double[] values = new double[rows.size()];
          int label = -1;
          for (int i = 0; i < rows.size(); i++) {
            YearMonth month = YearMonth.parse(rows.get(i)[1]);
            times[i] = month.atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant();
            values[i] = Double.parseDouble(rows.get(i)[2]);
            if (month.equals(RECESSION_ONSET)) {
              label = i;
            }
          }
          series.add(
              new LabelledSeries(
                  "unemployment-" + industry.toLowerCase().replace(' ', '-'),
                  times,
                  values,
                  label < 0 ? new int[0] : new int[] {label}));
        });
    return series;
  }

  static List<LabelledSeries> seattleWeather() {
    List<String[]> rows = rows("seattle-weather.csv");
    String[] columns = {"precipitation", "temp_max", "temp_min", "wind"};
    Instant[] times = new Instant[rows.size()];
    for (int i = 0; i < rows.size(); i++) {
      times[i] = LocalDate.parse(rows.get(i)[0]).atStartOfDay(ZoneOffset.UTC).toInstant();
    }
    List<LabelledSeries> series = new ArrayList<>();
    for (int c = 0; c < columns.length; c++) {
      double[] values = new double[rows.size()];
      for (int i = 0; i < rows.size(); i++) {
        values[i] = Double.parseDouble(rows.get(i)[c + 1]);
      }
      series.add(new LabelledSeries("seattle-" + columns[c], times, values, new int[0]));
    }
    return series;
  }

  /** The data rows of a vendored CSV (its header skipped), split on commas. */
  private static List<String[]> rows(String file) {
    String path = "/series/real/" + file;
    try (InputStream in = RealSeries.class.getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException(path + " is missing from the build");
      }
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      return reader.lines().skip(1).map(line -> line.split(",")).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
