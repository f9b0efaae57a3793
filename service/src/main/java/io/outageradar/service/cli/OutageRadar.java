package io.outageradar.service.cli;

import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * The {@code outage-radar} command line of the service: what the Docker image runs. The tools
 * (demo, replay, backtest, chaos, bench) add their commands to the same line. Exit codes: 0
 * success, 1 failure, 2 bad flags or settings.
 */
@Command(
    name = "outage-radar",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    description =
        "Detects platform outages from probes and user reports on Kafka, and pages on-call.")
public final class OutageRadar {
  public static final int EXIT_FAILURE = 1;
  public static final int EXIT_USAGE = 2;

  @Option(
      names = "--verbose",
      scope = ScopeType.INHERIT,
      description = "On an error, print its stack trace too.")
  boolean verbose;

  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }

  /** The service's commands, then {@code more} (the tools'), then {@code help}. */
  public static CommandLine commandLine(Object... more) {
    CommandLine cli = new CommandLine(new OutageRadar());
    for (Object command :
        List.of(
            new RunCommand(),
            new ProbeCommand(),
            new IntakeCommand(),
            new SocialCommand(),
            new VendorsCommand(),
            new SentimentCommand(),
            new StatusCommand(),
            new PagerCommand(),
            new NotifyBusinessesCommand(),
            new BusinessCommand(),
            new ReportCommand(),
            new SettingsCommand())) {
      cli.addSubcommand(command);
    }
    for (Object command : more) {
      cli.addSubcommand(command);
    }
    cli.addSubcommand(new CommandLine.HelpCommand());
    return cli.setExecutionExceptionHandler(new CliErrors());
  }
}
