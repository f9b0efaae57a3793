package io.outageradar.service.cli;

import io.outageradar.service.config.RadarSettings;
import io.outageradar.service.config.Setting;
import io.outageradar.service.config.SettingsTable;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
    name = "settings",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    header = "List every setting with its default, valid values and meaning.",
    description = {
      "Lists every setting as it is declared: key, environment variable, default, valid values and meaning.",
      "--markdown prints the tables of the README's settings section, which a test keeps equal to this output."
    })
public final class SettingsCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = "--markdown",
      description = "Print Markdown tables (the README's) instead of plain lines.")
  boolean markdown;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    if (markdown) {
      out.print(SettingsTable.markdown(RadarSettings.ALL));
    } else {
      for (Setting<?> setting : RadarSettings.ALL) {
        out.printf(
            "%s=%s  (%s)%n    %s%n",
            setting.key(),
            setting.defaultValue() == null ? "" : setting.defaultValue(),
            setting.envVar(),
            setting.description());
      }
    }
    out.flush();
    return 0;
  }
}
