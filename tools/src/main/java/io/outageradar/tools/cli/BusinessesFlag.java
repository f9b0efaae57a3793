package io.outageradar.tools.cli;

import io.outageradar.avro.Business;
import io.outageradar.producers.business.BadProfileException;
import io.outageradar.service.config.ConfigException;
import io.outageradar.tools.demo.DemoBusinesses;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * {@code --businesses FILE}: the businesses a replay tells of the outages that hurt them, a mixin
 * of the commands that run one.
 */
final class BusinessesFlag {
  @Option(
      names = "--businesses",
      paramLabel = "FILE",
      description =
          "Business profiles (a JSON array, as `business add` reads) to tell of the outages that"
              + " hurt them (default: the demo's four sample businesses).")
  Path file;

  /** The profiles; a bad one is a usage error naming the file and field (exit 2). */
  List<Business> businesses() {
    try {
      return DemoBusinesses.fromFileOrSample(file);
    } catch (BadProfileException e) {
      throw new ConfigException(e.getMessage());
    }
  }
}
