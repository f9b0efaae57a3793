package io.outageradar.tools.cli;

import io.outageradar.service.cli.OutageRadar;
import picocli.CommandLine;

/**
 * What {@code ./outage-radar} runs: the service's commands plus demo, replay, backtest, chaos and
 * bench.
 */
public final class OutageRadarTools {
  private OutageRadarTools() {}

  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }

  public static CommandLine commandLine() {
    return OutageRadar.commandLine(
        new DemoCommand(),
        new ReplayCommand(),
        new BacktestCommand(),
        new ChaosCommand(),
        new BenchCommand(),
        new EvaluateCommand(),
        new DevCommand());
  }
}
