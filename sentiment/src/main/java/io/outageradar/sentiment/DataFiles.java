package io.outageradar.sentiment;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the analyzer's tab-separated data files from the classpath: '#' starts a comment, blank
 * lines are skipped.
 */
final class DataFiles {
  private DataFiles() {}

  static List<String[]> rows(String name, int minColumns) {
    List<String[]> rows = new ArrayList<>();
    try (InputStream in = DataFiles.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("sentiment data file " + name + " is not on the classpath");
      }
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      int number = 0;
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        number++;
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] columns = line.split("\t");
        if (columns.length < minColumns) {
          throw new IllegalStateException(
              name
                  + " line "
                  + number
                  + " has "
                  + columns.length
                  + " columns, needs "
                  + minColumns);
        }
        rows.add(columns);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read sentiment data file " + name, e);
    }
    return rows;
  }
}
