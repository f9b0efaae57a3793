package io.outageradar.tools.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.outageradar.service.cli.Version;
import io.outageradar.tools.bench.Bench;
import io.outageradar.tools.bench.BenchResult;
import io.outageradar.tools.bench.BusinessFanOut;
import io.outageradar.tools.bench.OutageWorkload;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    header = "Measure the broker ceiling, pipeline throughput and alert latency on this machine.",
    description = {
      "Measure on this machine, in one run: the embedded broker's raw produce/consume ceiling for records of the pipeline's size; the full pipeline's sustained input events/s over --keys (service, region) keys; and, at half that rate, the latency from the close of the deciding window to the alert for services failing at known times. Writes the results with the machine to --out (bench/results)."
    })
public final class BenchCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(
      names = "--duration",
      defaultValue = "60",
      description =
          "Seconds of full-speed load (default: ${DEFAULT-VALUE}); "
              + "the latency phase adds 200 s.")
  long durationSeconds;

  @Option(
      names = "--keys",
      defaultValue = "10000",
      description = "(service, region) keys (default: ${DEFAULT-VALUE}).")
  int keys;

  @Option(
      names = "--eos",
      defaultValue = "off",
      description = "Exactly-once processing: on or off (default: ${DEFAULT-VALUE}).")
  String eos;

  @Option(
      names = "--businesses",
      defaultValue = "0",
      description =
          "Instead: the fan-out to N registered businesses (up to 1000000, a fifth on the"
              + " service and region that fails): from the outage's confirmation to the last"
              + " business notice, re-notices and heap.")
  int businesses;

  @Option(
      names = "--workload",
      paramLabel = "WORKLOAD",
      defaultValue = "steady",
      description =
          "steady: the load generator over --keys for --duration (default); outage: the 2021"
              + " replay (70 %% reports, three hot services) written --scale times and read by"
              + " a bare windowed count and by the pipeline, then outages in renamed copies for"
              + " the latency.")
  String workload;

  @Option(
      names = "--scale",
      defaultValue = "10",
      description = "Copies of the 2021 replay for --workload outage (default: ${DEFAULT-VALUE}).")
  int scale;

  @Option(names = "--json", description = "Print one JSON object instead of a table.")
  boolean json;

  @Mixin ResultsFile results;

  @Override
  public Integer call() throws IOException, InterruptedException {
    if (!eos.equals("on") && !eos.equals("off")) {
      throw new ParameterException(spec.commandLine(), "--eos must be on or off");
    }
    if (durationSeconds < 5 || keys < 20) {
      throw new ParameterException(
          spec.commandLine(), "--duration must be at least 5 s and --keys at least 20");
    }
    if (businesses < 0 || businesses > 1_000_000) {
      throw new ParameterException(spec.commandLine(), "--businesses must be 1 to 1000000");
    }
    ObjectNode node;
    String suffix;
    if (!workload.equals("steady") && !workload.equals("outage")) {
      throw new ParameterException(spec.commandLine(), "--workload must be steady or outage");
    }
    if (scale < 1 || scale > 100) {
      throw new ParameterException(spec.commandLine(), "--scale must be 1 to 100");
    }
    if (businesses > 0) {
      node = new ObjectMapper().valueToTree(BusinessFanOut.run(businesses));
      suffix = "-" + businesses + "businesses.json";
    } else if (workload.equals("outage")) {
      node = OutageWorkload.run(new OutageWorkload.Options(scale, 70, 5, eos.equals("on"))).json();
      suffix = "-outage-x" + scale + "-eos-" + eos + ".json";
    } else {
      BenchResult result =
          Bench.run(new Bench.Options(Duration.ofSeconds(durationSeconds), keys, eos.equals("on")));
      node = result.json();
      suffix = "-" + keys + "keys-eos-" + eos + ".json";
    }
    String text = new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(node);
    Path file = results.write("bench", suffix, text + System.lineSeparator());
    PrintWriter stdout = spec.commandLine().getOut();
    if (json) {
      stdout.println(new ObjectMapper().writeValueAsString(node));
    } else {
      node.properties()
          .forEach(field -> stdout.printf("%-26s %s%n", field.getKey(), field.getValue().asText()));
    }
    spec.commandLine().getErr().println("outage-radar bench: results in " + file);
    return 0;
  }
}
