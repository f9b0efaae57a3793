package io.outageradar.producers.intake;

import java.time.Duration;
import java.util.Set;

/**
 * How the report intake API accepts reports.
 *
 * @param apiKeys keys a client must send in {@code X-API-Key} (or {@code Authorization: Bearer})
 * @param services the service ids reports may be about
 * @param perKeyPerSecond requests per second each API key earns (burst: ten seconds' worth)
 * @param perIpPerSecond requests per second each client address earns (burst: ten seconds' worth)
 * @param sendTimeout how long to wait for Kafka's acknowledgement before answering 503
 */
public record IntakeConfig(Set<String> apiKeys, Set<String> services, double perKeyPerSecond, double perIpPerSecond,
    Duration sendTimeout) {

  public IntakeConfig {
    if (apiKeys.isEmpty()) {
      throw new IllegalArgumentException("the intake API needs at least one API key");
    }
    if (services.isEmpty()) {
      throw new IllegalArgumentException("the intake API needs the list of known services");
    }
    apiKeys = Set.copyOf(apiKeys);
    services = Set.copyOf(services);
  }
}
