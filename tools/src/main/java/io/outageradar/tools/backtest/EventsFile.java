package io.outageradar.tools.backtest;

import io.outageradar.avro.UserReport;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.specific.SpecificRecord;

/**
 * A backtest events file (JSON Lines, see {@link EventLine}) read whole: the events in file order,
 * and how many lines were skipped. Each bad line is reported on {@code err} with its number.
 */
public record EventsFile(String name, List<SpecificRecord> events, long reports, long badLines) {
  /**
   * Reads {@code path} ("-" for stdin); a missing file is an {@link IllegalArgumentException}
   * naming it.
   */
  public static EventsFile read(String path, PrintWriter err, String command) throws IOException {
    List<SpecificRecord> events = new ArrayList<>();
    long reports = 0;
    long bad = 0;
    long lineNumber = 0;
    try (BufferedReader reader = open(path)) {
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        lineNumber++;
        if (line.isBlank()) {
          continue;
        }
        try {
          SpecificRecord event = EventLine.parse(line);
          reports += event instanceof UserReport ? 1 : 0;
          events.add(event);
        } catch (EventLine.InvalidEventException e) {
          bad++;
          err.println(
              "outage-radar "
                  + command
                  + ": line "
                  + lineNumber
                  + ": "
                  + e.getMessage()
                  + " (skipped)");
        }
      }
    } catch (NoSuchFileException e) {
      throw new IllegalArgumentException("events file " + path + " does not exist");
    }
    String name = path.equals("-") ? "stdin" : Path.of(path).getFileName().toString();
    return new EventsFile(name, List.copyOf(events), reports, bad);
  }

  private static BufferedReader open(String path) throws IOException {
    if (path.equals("-")) {
      return new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    }
    return Files.newBufferedReader(Path.of(path), StandardCharsets.UTF_8);
  }
}
