package io.outageradar.service.cli;

import io.outageradar.detection.business.IncidentReport;
import io.outageradar.pager.business.BusinessDirectory;
import io.outageradar.service.business.IncidentReportText;
import io.outageradar.service.business.IncidentReportText.Format;
import io.outageradar.service.config.ConfigException;
import io.outageradar.service.config.RadarConfig;
import io.outageradar.topics.Topics;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
    name = "report",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    header = "Write a business's incident report: what each outage cost it and who was told.",
    description = {
      "Read the businesses, their notices, the outages and the report minutes from Kafka and write one business's incident report: per channel the minutes down and the estimated lost revenue, the notices sent (when, to which contact, which were skipped and why), the platform's detection timeline and what its customers reported meanwhile. The API gives the same at GET /v1/businesses/ID/report."
    })
public final class ReportCommand implements Callable<Integer> {
  private static final Duration LOAD_TIMEOUT = Duration.ofSeconds(60);

  @Spec CommandSpec spec;

  @Mixin ClusterOptions cluster;

  @Option(names = "--business", required = true, paramLabel = "ID", description = "The business.")
  String businessId;

  @Option(
      names = "--outage",
      paramLabel = "ID",
      description = "Only this outage (default: every outage that hurt the business).")
  String outageId;

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      defaultValue = "md",
      description = "md, html or json (default: ${DEFAULT-VALUE}).")
  String format;

  @Override
  public Integer call() throws Exception {
    Format as;
    try {
      as = Format.of(format);
    } catch (IllegalArgumentException e) {
      throw new ConfigException("--format: " + e.getMessage());
    }
    RadarConfig config = cluster.load(Map.of());
    Topics topics = ClusterOptions.topics(config);
    try (BusinessDirectory directory =
        new BusinessDirectory(config.kafka(), topics.businesses, topics.outages)
            .withHistory(topics.businessNotices, topics.reportHealth)
            .start()) {
      if (!directory.awaitLoaded(LOAD_TIMEOUT)) {
        throw new IllegalStateException(
            "the business topics could not be read within " + LOAD_TIMEOUT.toSeconds() + " s");
      }
      IncidentReport report = directory.report(businessId, outageId);
      if (report == null) {
        throw new ConfigException("no business " + businessId);
      }
      PrintWriter out = spec.commandLine().getOut();
      out.println(
          as == Format.JSON
              ? IncidentReportText.json(report).toPrettyString()
              : IncidentReportText.write(report, as, directory.profile(businessId)));
      out.flush();
      return 0;
    }
  }
}
