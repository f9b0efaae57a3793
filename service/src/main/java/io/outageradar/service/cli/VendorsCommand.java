package io.outageradar.service.cli;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import io.outageradar.avro.VendorStatus;
import io.outageradar.model.ServiceRegion;
import io.outageradar.producers.vendor.VendorPages;
import io.outageradar.producers.vendor.VendorPoller;
import io.outageradar.service.config.ConfigException;
import io.outageradar.service.config.RadarConfig;
import io.outageradar.service.ops.Operability;
import io.outageradar.topics.InputProducers;
import io.outageradar.topics.Topic;
import java.io.PrintWriter;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
    name = "vendors",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    header = "Read the services' own status pages and publish what they say.",
    description = {
      "Poll status pages (Atlassian Statuspage summary.json or incidents.json, or an RSS/Atom incident feed) every interval with conditional GETs, and publish each mapped component's state and open incident to vendor-status whenever it changes. Detection takes a page that admits an outage as evidence, and says when a page does not admit one it sees. Pages file (YAML or JSON):",
      "  interval: PT60S",
      "  timeout: PT10S",
      "  pages:",
      "    - name: paygate",
      "      format: feed",
      "      url: https://status.paygate.example/history.atom",
      "      service: paygate",
      "      regions: [BR]",
      "    - name: meta",
      "      url: https://metastatus.example/api/v2/summary.json",
      "      components:",
      "        - {component: WhatsApp Messaging, service: whatsapp, regions: [\"*\"]}"
    })
public final class VendorsCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin ClusterOptions cluster;

  @Option(names = "--pages", required = true, description = "Pages file (.yaml/.yml or .json).")
  Path pagesFile;

  @Option(names = "--once", description = "Read every page once, publish, and exit.")
  boolean once;

  @Override
  public Integer call() throws Exception {
    VendorPages pages;
    try {
      pages = VendorPages.read(pagesFile);
    } catch (IllegalArgumentException e) {
      // a pages file the poller cannot follow is a usage error: exit 2, file and line named
      throw new ConfigException(e.getMessage());
    }
    RadarConfig config = cluster.load(Map.of());
    Topic<String, VendorStatus> topic = ClusterOptions.topics(config).vendorStatus;
    PrintWriter err = spec.commandLine().getErr();
    VendorPoller poller =
        new VendorPoller(
            pages,
            HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).build(),
            Clock.systemUTC());
    Thread polling = Thread.currentThread();
    Runtime.getRuntime()
        .addShutdownHook(new Thread(polling::interrupt, "outage-radar-vendors-stop"));
    try (Operability ops =
            ClusterOptions.operability(config, "vendors", spec)
                .require(ClusterOptions.required(config, List.of(topic)));
        KafkaProducer<String, VendorStatus> producer =
            new KafkaProducer<>(
                InputProducers.properties(config.kafka()),
                topic.keySerde().serializer(),
                topic.valueSerde().serializer());
        KafkaClientMetrics producerMetrics = ops.bind(new KafkaClientMetrics(producer))) {
      ops.health().check("status-pages", () -> unreadable(poller));
      err.println(
          "outage-radar vendors: "
              + pages.pages().size()
              + " status page(s) every "
              + pages.interval().toSeconds()
              + " s"
              + (once ? ", once" : "; Ctrl-C to stop"));
      do {
        long started = System.nanoTime();
        List<VendorStatus> changed = poller.poll();
        publish(producer, topic, changed, ops);
        poller
            .health()
            .forEach(
                (page, health) ->
                    Counter.builder("outage.radar.vendor.polls")
                        .description("Status page reads, by page and outcome")
                        .tag("page", page)
                        .tag("outcome", health.lastError() == null ? "read" : "failed")
                        .register(ops.metrics())
                        .increment());
        if (once) {
          err.println(
              "outage-radar vendors: "
                  + changed.size()
                  + " statement(s) published"
                  + unreadable(poller).map(p -> "; " + p).orElse(""));
          break;
        }
        long waitMs = pages.interval().toMillis() - (System.nanoTime() - started) / 1_000_000;
        Thread.sleep(Math.max(0, waitMs));
      } while (true);
    } catch (InterruptedException stopping) {
      Thread.currentThread().interrupt();
    }
    return 0;
  }

  /** Sends every statement and waits until the broker has them all. */
  private static void publish(
      KafkaProducer<String, VendorStatus> producer,
      Topic<String, VendorStatus> topic,
      List<VendorStatus> statements,
      Operability ops)
      throws InterruptedException, ExecutionException {
    List<Future<?>> sent =
        statements.stream()
            .<Future<?>>map(
                statement ->
                    producer.send(
                        new ProducerRecord<>(
                            topic.name(),
                            null,
                            statement.getObservedAt().toEpochMilli(),
                            new ServiceRegion(statement.getService(), statement.getRegion()).key(),
                            statement)))
            .toList();
    for (Future<?> send : sent) {
      send.get();
    }
    statements.forEach(
        statement ->
            Counter.builder("outage.radar.vendor.statements")
                .description("Status-page statements published, by page and state")
                .tag("page", statement.getVendor())
                .tag("state", statement.getState().name())
                .register(ops.metrics())
                .increment());
  }

  /** A problem when no page could be read at its last attempt: then the poller does nothing. */
  private static Optional<String> unreadable(VendorPoller poller) {
    Map<String, VendorPoller.PageHealth> health = poller.health();
    boolean noneRead = health.values().stream().allMatch(h -> h.lastError() != null);
    if (!noneRead) {
      return Optional.empty();
    }
    return Optional.of(
        "no status page could be read: "
            + health.entrySet().stream()
                .map(e -> e.getKey() + " " + e.getValue().lastError())
                .sorted()
                .collect(Collectors.joining("; ")));
  }
}
