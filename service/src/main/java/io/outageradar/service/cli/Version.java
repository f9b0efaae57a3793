package io.outageradar.service.cli;

import picocli.CommandLine.IVersionProvider;

/**
 * The version from the jar manifest (the Maven project version), or "dev" when run from classes.
 */
public final class Version implements IVersionProvider {
  @Override
  public String[] getVersion() {
    String version = Version.class.getPackage().getImplementationVersion();
    return new String[] {
      "outage-radar "
          + (version == null ? "dev" : version)
          + " (Kafka "
          + org.apache.kafka.common.utils.AppInfoParser.getVersion()
          + ")"
    };
  }
}
