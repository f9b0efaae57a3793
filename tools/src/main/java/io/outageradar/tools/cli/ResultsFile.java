package io.outageradar.tools.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import picocli.CommandLine.Option;

/**
 * {@code --out}: the directory a measurement writes its results file to, named by what was measured
 * and when (UTC), so that runs never overwrite each other and each says when it ran.
 */
final class ResultsFile {
  private static final DateTimeFormatter STAMP =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

  @Option(
      names = "--out",
      defaultValue = "bench/results",
      description = "Directory for the results file (default: ${DEFAULT-VALUE}).")
  Path out;

  /** Writes {@code content} to {@code <out>/<name>-<UTC stamp><suffix>}; returns that file. */
  Path write(String name, String suffix, String content) throws IOException {
    Files.createDirectories(out);
    Path file = out.resolve(name + "-" + STAMP.format(Instant.now()) + suffix);
    Files.writeString(file, content);
    return file;
  }
}
