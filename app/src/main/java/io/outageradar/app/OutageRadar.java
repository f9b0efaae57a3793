package io.outageradar.app;

import io.outageradar.app.cli.BacktestCommand;
import io.outageradar.app.cli.BenchCommand;
import io.outageradar.app.cli.ChaosCommand;
import io.outageradar.app.cli.DemoCommand;
import io.outageradar.app.cli.IntakeCommand;
import io.outageradar.app.cli.PagerCommand;
import io.outageradar.app.cli.ProbeCommand;
import io.outageradar.app.cli.ReplayCommand;
import io.outageradar.app.cli.RunCommand;
import io.outageradar.app.cli.SentimentCommand;
import io.outageradar.app.cli.SocialCommand;
import io.outageradar.app.config.ConfigException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code outage-radar} command line. Exit codes: 0 success, 1 failure, 2 bad flags or settings. */
@Command(
    name = "outage-radar",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    description = "Detects platform outages from probes and user reports on Kafka, and pages on-call.",
    subcommands = {DemoCommand.class, RunCommand.class, ReplayCommand.class, ProbeCommand.class, IntakeCommand.class,
        SocialCommand.class, SentimentCommand.class, PagerCommand.class,
        BacktestCommand.class, ChaosCommand.class, BenchCommand.class,
        CommandLine.HelpCommand.class})
public final class OutageRadar {
  public static final int EXIT_USAGE = 2;

  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }

  public static CommandLine commandLine() {
    return new CommandLine(new OutageRadar())
        .setExecutionExceptionHandler((error, cmd, parsed) -> {
          if (error instanceof ConfigException) {
            cmd.getErr().println("outage-radar: " + error.getMessage());
            return EXIT_USAGE;
          }
          cmd.getErr().println("outage-radar: " + error.getMessage());
          throw error;
        });
  }
}
