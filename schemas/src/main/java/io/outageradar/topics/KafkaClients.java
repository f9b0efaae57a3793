package io.outageradar.topics;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * How to reach the cluster: the bootstrap servers and the client settings passed through as they
 * are — {@code kafka.*} to every client, {@code streams.*}, {@code producer.*}, {@code consumer.*}
 * and {@code admin.*} to one kind (e.g. {@code kafka.security.protocol=SASL_SSL}, {@code
 * producer.linger.ms=20}). They go over what a component sets itself, so an operator can change
 * anything; Kafka validates them. Values of credential keys never appear in {@link #toString()}.
 */
public final class KafkaClients {
  /** Which clients a prefix reaches. */
  public enum Kind {
    STREAMS("streams."),
    PRODUCER("producer."),
    CONSUMER("consumer."),
    ADMIN("admin.");

    private final String prefix;

    Kind(String prefix) {
      this.prefix = prefix;
    }
  }

  /** The prefix of settings every client gets. */
  public static final String ALL = "kafka.";

  private static final Pattern CREDENTIAL =
      Pattern.compile(
          ".*(password|secret|token|sasl\\.jaas\\.config|\\.key$|basic\\.auth\\.user\\.info|credentials).*");

  private final String bootstrapServers;
  private final Map<String, String> passThrough;

  private KafkaClients(String bootstrapServers, Map<String, String> passThrough) {
    this.bootstrapServers = bootstrapServers;
    this.passThrough = Map.copyOf(passThrough);
  }

  /** A plaintext cluster with nothing passed through. */
  public static KafkaClients plain(String bootstrapServers) {
    return new KafkaClients(bootstrapServers, Map.of());
  }

  /** {@code passThrough} keys carry their prefix ({@code kafka.security.protocol}). */
  public static KafkaClients of(String bootstrapServers, Map<String, String> passThrough) {
    passThrough
        .keySet()
        .forEach(
            key -> {
              if (prefixOf(key).isEmpty()) {
                throw new IllegalArgumentException(
                    key
                        + " is not a Kafka client setting (kafka., streams., producer., consumer., admin.)");
              }
            });
    return new KafkaClients(bootstrapServers, passThrough);
  }

  /** The pass-through prefix a key starts with, if any. */
  public static Optional<String> prefixOf(String key) {
    if (key.startsWith(ALL)) {
      return Optional.of(ALL);
    }
    for (Kind kind : Kind.values()) {
      if (key.startsWith(kind.prefix)) {
        return Optional.of(kind.prefix);
      }
    }
    return Optional.empty();
  }

  /** Whether a key names a credential, whose value is masked wherever it is shown. */
  public static boolean isCredential(String key) {
    return CREDENTIAL.matcher(key.toLowerCase(Locale.ROOT)).matches();
  }

  public String bootstrapServers() {
    return bootstrapServers;
  }

  /**
   * The properties of one kind of client: the bootstrap servers, then what the component sets
   * ({@code own}), then the {@code kafka.*} settings, then that kind's own.
   */
  public Properties properties(Kind kind, Properties own) {
    Properties props = new Properties();
    props.put("bootstrap.servers", bootstrapServers);
    props.putAll(own);
    passThrough.forEach(
        (key, value) -> {
          if (key.startsWith(ALL)) {
            props.put(key.substring(ALL.length()), value);
          }
        });
    passThrough.forEach(
        (key, value) -> {
          if (key.startsWith(kind.prefix)) {
            props.put(key.substring(kind.prefix.length()), value);
          }
        });
    return props;
  }

  /** As {@link #properties(Kind, Properties)} for a component that sets nothing itself. */
  public Properties properties(Kind kind) {
    return properties(kind, new Properties());
  }

  /** The cluster and what is passed through, credentials masked: safe for logs and errors. */
  @Override
  public String toString() {
    Map<String, String> shown = new TreeMap<>();
    passThrough.forEach((key, value) -> shown.put(key, isCredential(key) ? "***" : value));
    return bootstrapServers + (shown.isEmpty() ? "" : " " + shown);
  }
}
