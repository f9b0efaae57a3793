package io.outageradar.tools.cli;

import io.outageradar.service.cli.Version;
import io.outageradar.tools.bench.Bench;
import io.outageradar.tools.evaluation.LabelledSeries;
import io.outageradar.tools.evaluation.SeriesEvaluation;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
    name = "evaluate",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    header = "Score the series detectors on labelled series, as the anomaly benchmark does.",
    description = {
      "Generates labelled series (noise, trend, daily and weekly seasonality, sparse and busy counts, heavy tails, a random walk; with spikes, dips, level shifts and pattern changes) and the scenario report series, runs every detector over them and scores each with anomaly windows, earliest detection rewarded and false positives penalised (standard, low-FP and low-FN profiles, threshold chosen per profile). Writes the table with the machine to --out (bench/results)."
    })
public final class EvaluateCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(
      names = "--seed",
      defaultValue = "1",
      description = "Seed of the generated series (default: ${DEFAULT-VALUE}).")
  long seed;

  @Mixin ResultsFile results;

  @Override
  public Integer call() throws IOException {
    List<LabelledSeries> corpus = SeriesEvaluation.corpus(seed);
    long points = corpus.stream().mapToLong(s -> s.values().length).sum();
    long labels = corpus.stream().mapToLong(s -> s.labels().length).sum();
    List<SeriesEvaluation.Row> rows = SeriesEvaluation.run(corpus, SeriesEvaluation.detectors());
    String table = SeriesEvaluation.markdown(rows);
    String report =
        "# Series evaluation\n\n"
            + corpus.size()
            + " series, "
            + points
            + " points, "
            + labels
            + " labelled anomalies, seed "
            + seed
            + "; "
            + Bench.machine()
            + "\n\n"
            + table;
    Path file = results.write("series-evaluation", ".md", report);
    spec.commandLine().getOut().print(report);
    spec.commandLine().getOut().flush();
    spec.commandLine().getErr().println("outage-radar evaluate: results in " + file);
    return 0;
  }
}
