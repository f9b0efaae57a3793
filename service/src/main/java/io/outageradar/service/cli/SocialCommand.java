package io.outageradar.service.cli;

import io.outageradar.avro.UserReport;
import io.outageradar.model.ServiceRegion;
import io.outageradar.producers.social.ServiceMatcher;
import io.outageradar.producers.social.SocialFeedReader;
import io.outageradar.service.config.RadarConfig;
import io.outageradar.topics.InputProducers;
import io.outageradar.topics.Topic;
import io.outageradar.topics.Topics;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
    name = "social",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    header = "Turn social posts that name a monitored service into user reports.",
    description = {
      "Read social posts (JSON Lines: id, text, lang, region, timestamp[, author]) from a file or stdin, match them to services by keyword and alias, and publish the matches as user reports with source SOCIAL."
    })
public final class SocialCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = "--file",
      required = true,
      description = "JSON Lines file of posts, or - for stdin.")
  String file;

  @Option(
      names = "--follow",
      description = "Keep reading as the file grows, like tail -f, until stopped.")
  boolean follow;

  @Option(
      names = "--aliases",
      description =
          "service:alias,alias@REGION;... (default: the built-in list for whatsapp, instagram, facebook, messenger).")
  String aliases;

  @Mixin ClusterOptions cluster;

  @Override
  public Integer call() throws IOException {
    ServiceMatcher matcher =
        aliases == null ? ServiceMatcher.defaults() : ServiceMatcher.parse(aliases);
    RadarConfig config = cluster.load(Map.of());
    Topics topics = ClusterOptions.topics(config);
    Topic<String, UserReport> reports = topics.userReports;
    ClusterOptions.requireTopics(config, List.of(reports));
    PrintWriter err = spec.commandLine().getErr();
    AtomicReference<Exception> failure = new AtomicReference<>();
    Thread reading = Thread.currentThread();
    Runtime.getRuntime()
        .addShutdownHook(new Thread(reading::interrupt, "outage-radar-social-stop"));
    try (KafkaProducer<String, UserReport> producer =
            new KafkaProducer<>(
                InputProducers.properties(config.kafka()),
                reports.keySerde().serializer(),
                reports.valueSerde().serializer());
        BufferedReader in = open()) {
      SocialFeedReader reader =
          new SocialFeedReader(
              matcher,
              report ->
                  producer.send(
                      new ProducerRecord<>(
                          reports.name(),
                          null,
                          report.getReportedAt().toEpochMilli(),
                          new ServiceRegion(report.getService(), report.getRegion()).key(),
                          report),
                      (metadata, error) -> {
                        if (error != null) {
                          failure.compareAndSet(null, error);
                        }
                      }),
              problem -> err.println("outage-radar social: " + problem + " (skipped)"));
      SocialFeedReader.Counts counts = reader.read(in, follow, Duration.ofMillis(500), line -> {});
      producer.flush();
      if (failure.get() != null) {
        throw new IllegalStateException(
            "publishing failed: " + failure.get().getMessage(), failure.get());
      }
      err.println(
          "outage-radar social: "
              + counts.matched()
              + " post(s) published as reports, "
              + counts.unmatched()
              + " about no known service, "
              + counts.bad()
              + " bad line(s), "
              + counts.repeated()
              + " repeated post(s) not published again");
    }
    return 0;
  }

  private BufferedReader open() throws IOException {
    return file.equals("-")
        ? new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))
        : Files.newBufferedReader(Path.of(file), StandardCharsets.UTF_8);
  }
}
