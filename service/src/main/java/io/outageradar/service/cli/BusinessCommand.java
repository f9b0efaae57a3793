package io.outageradar.service.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.outageradar.avro.Business;
import io.outageradar.pager.business.BusinessDirectory;
import io.outageradar.producers.business.BadProfileException;
import io.outageradar.producers.business.BusinessCsv;
import io.outageradar.producers.business.BusinessJson;
import io.outageradar.producers.business.BusinessProfiles;
import io.outageradar.producers.business.BusinessPublisher;
import io.outageradar.service.config.ConfigException;
import io.outageradar.service.config.RadarConfig;
import io.outageradar.service.config.RadarSettings;
import io.outageradar.topics.KafkaClients;
import io.outageradar.topics.TopicCreator;
import io.outageradar.topics.Topics;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code business add|update|show|list|remove}: the businesses' profiles on the {@code businesses}
 * topic, managed from files as people write them. A file is checked whole before anything is
 * published: a bad profile is refused with the field at fault (exit 2) and nothing of the file is
 * taken.
 */
@Command(
    name = "business",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    header = "Register, change, show, list and remove the businesses told of outages.",
    description = {
      "Profiles are JSON or YAML files (one profile or an array), in the format of the demo's sample businesses; channels and contacts may name the services the intake.services setting lists."
    },
    subcommands = {
      BusinessCommand.Add.class,
      BusinessCommand.Update.class,
      BusinessCommand.Show.class,
      BusinessCommand.ListAll.class,
      BusinessCommand.Remove.class,
      BusinessCommand.Import.class
    })
public final class BusinessCommand {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration LOAD_TIMEOUT = Duration.ofSeconds(60);

  /** The profiles on the topic now. */
  private static Map<String, Business> current(RadarConfig config, Topics topics)
      throws InterruptedException {
    KafkaClients kafka = config.kafka();
    TopicCreator.ensure(
        kafka,
        List.of(topics.businesses, topics.outages, topics.businessKeys),
        config.get(RadarSettings.REPLICATION_FACTOR));
    try (BusinessDirectory directory =
        new BusinessDirectory(kafka, topics.businesses, topics.outages).start()) {
      if (!directory.awaitLoaded(LOAD_TIMEOUT)) {
        throw new IllegalStateException(
            "the businesses topic could not be read within " + LOAD_TIMEOUT.toSeconds() + " s");
      }
      return directory.profiles();
    }
  }

  /**
   * The profiles {@code reader} takes from a file, the services checked against intake.services; a
   * bad profile is a usage error naming the file and field (exit 2).
   */
  private static List<Business> read(
      RadarConfig config, Function<BusinessProfiles, List<Business>> reader) {
    Set<String> services = config.get(RadarSettings.INTAKE_SERVICES);
    try {
      return reader.apply(new BusinessProfiles(services::contains));
    } catch (BadProfileException e) {
      throw new ConfigException(e.getMessage());
    }
  }

  /** The registered profile of {@code id}; an unknown id is a usage error (exit 2). */
  private static Business registered(RadarConfig config, Topics topics, String id)
      throws InterruptedException {
    Business business = current(config, topics).get(id);
    if (business == null) {
      throw new ConfigException("no business " + id);
    }
    return business;
  }

  /** Publishes the profiles of a file, new ones only ({@code add}) or known ones only. */
  private abstract static class Publish implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Mixin ClusterOptions cluster;

    @Parameters(paramLabel = "FILE", description = "Profiles: JSON or YAML, one or an array.")
    Path file;

    abstract boolean known();

    @Override
    public Integer call() throws Exception {
      RadarConfig config = cluster.load(Map.of());
      List<Business> profiles = read(config, reader -> reader.read(file));
      Topics topics = ClusterOptions.topics(config);
      Map<String, Business> existing = current(config, topics);
      List<String> wrong = new ArrayList<>();
      for (Business business : profiles) {
        if (existing.containsKey(business.getId()) != known()) {
          wrong.add(business.getId());
        }
      }
      if (!wrong.isEmpty()) {
        throw new ConfigException(
            file
                + ": "
                + (known() ? "no business " : "already registered: ")
                + String.join(", ", wrong)
                + (known() ? " (add it first)" : " (use business update)"));
      }
      BusinessPublisher.publish(config.kafka(), topics.businesses, profiles);
      PrintWriter out = spec.commandLine().getOut();
      for (Business business : profiles) {
        out.println((known() ? "updated " : "added ") + business.getId());
        if (business.getContacts().isEmpty()) {
          out.println(
              "warning: "
                  + business.getId()
                  + " has no contact: it will not be told of anything until one is added");
        }
      }
      out.flush();
      return 0;
    }
  }

  @Command(name = "add", mixinStandardHelpOptions = true, description = "Register new businesses.")
  static final class Add extends Publish {
    @Override
    boolean known() {
      return false;
    }
  }

  @Command(
      name = "update",
      mixinStandardHelpOptions = true,
      description = "Replace the profiles of registered businesses; the change counts from now on.")
  static final class Update extends Publish {
    @Override
    boolean known() {
      return true;
    }
  }

  @Command(
      name = "import",
      mixinStandardHelpOptions = true,
      description = {
        "Register or replace many businesses from a CSV, one row per channel:",
        "id,name,currency,timeZone,languages,contacts,channel,role,service,regions,revenuePerHour,fallbackText",
        "(lists separated by spaces; a contact is kind:address-or-url, with @platform at the end when it rides on one). The whole file is checked before anything is published."
      })
  static final class Import implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Mixin ClusterOptions cluster;

    @Parameters(paramLabel = "FILE.csv")
    Path file;

    @Override
    public Integer call() throws Exception {
      RadarConfig config = cluster.load(Map.of());
      List<Business> profiles = read(config, reader -> BusinessCsv.read(file, reader));
      Topics topics = ClusterOptions.topics(config);
      Map<String, Business> existing = current(config, topics);
      BusinessPublisher.publish(config.kafka(), topics.businesses, profiles);
      long replaced = profiles.stream().filter(b -> existing.containsKey(b.getId())).count();
      spec.commandLine()
          .getOut()
          .println(
              "imported "
                  + profiles.size()
                  + " business(es) from "
                  + file
                  + ": "
                  + (profiles.size() - replaced)
                  + " new, "
                  + replaced
                  + " replaced");
      spec.commandLine().getOut().flush();
      return 0;
    }
  }

  @Command(name = "show", mixinStandardHelpOptions = true, description = "Print one profile.")
  static final class Show implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Mixin ClusterOptions cluster;

    @Parameters(paramLabel = "ID")
    String id;

    @Override
    public Integer call() throws Exception {
      RadarConfig config = cluster.load(Map.of());
      Business business = registered(config, ClusterOptions.topics(config), id);
      spec.commandLine()
          .getOut()
          .println(
              JSON.writerWithDefaultPrettyPrinter().writeValueAsString(BusinessJson.of(business)));
      return 0;
    }
  }

  @Command(name = "list", mixinStandardHelpOptions = true, description = "List the businesses.")
  static final class ListAll implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Mixin ClusterOptions cluster;

    @Override
    public Integer call() throws Exception {
      RadarConfig config = cluster.load(Map.of());
      PrintWriter out = spec.commandLine().getOut();
      current(config, ClusterOptions.topics(config))
          .values()
          .forEach(
              b ->
                  out.println(
                      b.getId()
                          + "\t"
                          + b.getName()
                          + "\t"
                          + b.getChannels().size()
                          + " channel(s)\t"
                          + b.getContacts().size()
                          + " contact(s)"));
      out.flush();
      return 0;
    }
  }

  @Command(
      name = "remove",
      mixinStandardHelpOptions = true,
      description =
          "Delete a business (a tombstone) and its API key: it is told of nothing any more.")
  static final class Remove implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Mixin ClusterOptions cluster;

    @Parameters(paramLabel = "ID")
    String id;

    @Override
    public Integer call() throws Exception {
      RadarConfig config = cluster.load(Map.of());
      Topics topics = ClusterOptions.topics(config);
      registered(config, topics, id);
      BusinessPublisher.delete(config.kafka(), topics.businesses, id);
      BusinessPublisher.put(config.kafka(), topics.businessKeys, id, null);
      spec.commandLine().getOut().println("removed " + id);
      spec.commandLine().getOut().flush();
      return 0;
    }
  }
}
