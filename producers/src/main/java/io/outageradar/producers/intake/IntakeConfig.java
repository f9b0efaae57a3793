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
 * @param sendTimeout how long a request may take, queueing included, before it is answered 503
 * @param maxBodyBytes the largest request body read; larger ones are answered 413 unread
 * @param idempotencyCacheBytes how much the remembered answers to idempotent requests may hold
 */
public record IntakeConfig(
    Set<String> apiKeys,
    Set<String> services,
    double perKeyPerSecond,
    double perIpPerSecond,
    Duration sendTimeout,
    int maxBodyBytes,
    long idempotencyCacheBytes) {
  /** A batch of 500 reports of 2,000 characters each, with room for the other fields. */
  public static final int DEFAULT_MAX_BODY_BYTES = 4 * 1024 * 1024;

  public static final long DEFAULT_IDEMPOTENCY_CACHE_BYTES = 32L * 1024 * 1024;

  public IntakeConfig {
    if (apiKeys.isEmpty()) {
      throw new IllegalArgumentException("the intake API needs at least one API key");
    }
    if (services.isEmpty()) {
      throw new IllegalArgumentException("the intake API needs the list of known services");
    }
    if (maxBodyBytes < 1024 || idempotencyCacheBytes < 1024) {
      throw new IllegalArgumentException(
          "the body and idempotency-cache limits must be at least 1 KiB");
    }
    apiKeys = Set.copyOf(apiKeys);
    services = Set.copyOf(services);
  }

  /** With the default body and cache limits. */
  public IntakeConfig(
      Set<String> apiKeys,
      Set<String> services,
      double perKeyPerSecond,
      double perIpPerSecond,
      Duration sendTimeout) {
    this(
        apiKeys,
        services,
        perKeyPerSecond,
        perIpPerSecond,
        sendTimeout,
        DEFAULT_MAX_BODY_BYTES,
        DEFAULT_IDEMPOTENCY_CACHE_BYTES);
  }
}
