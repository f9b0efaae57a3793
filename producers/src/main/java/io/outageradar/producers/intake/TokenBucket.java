package io.outageradar.producers.intake;

import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Per-client token buckets: each client (API key, IP address) may spend {@code burst} requests at
 * once and earns {@code perSecond} back each second. Thread-safe; clients idle long enough to be
 * full again are forgotten.
 */
public final class TokenBucket {
  private record Bucket(double tokens, long atNanos) {}

  private final double perSecond;
  private final double burst;
  private final LongSupplier nanoClock;
  private final ConcurrentHashMap<String, Bucket> buckets = new ConcurrentHashMap<>();

  public TokenBucket(double perSecond, double burst, LongSupplier nanoClock) {
    if (perSecond <= 0 || burst < 1) {
      throw new IllegalArgumentException("rate must be positive and burst at least 1");
    }
    this.perSecond = perSecond;
    this.burst = burst;
    this.nanoClock = nanoClock;
  }

  /**
   * The seconds until {@code client} has {@code cost} tokens, 0 when it has them now; takes
   * nothing.
   */
  public long waitFor(String client, int cost) {
    long now = nanoClock.getAsLong();
    Bucket bucket = buckets.get(client);
    double tokens =
        bucket == null
            ? burst
            : Math.min(burst, bucket.tokens() + (now - bucket.atNanos()) / 1e9 * perSecond);
    return tokens >= cost ? 0 : Math.max(1, (long) Math.ceil((cost - tokens) / perSecond));
  }

  /**
   * Takes {@code cost} tokens; returns 0 when granted, else the seconds until they will be there.
   */
  public long tryTake(String client, int cost) {
    long now = nanoClock.getAsLong();
    long[] retryAfter = {0};
    buckets.compute(
        client,
        (key, bucket) -> {
          double tokens =
              bucket == null
                  ? burst
                  : Math.min(burst, bucket.tokens() + (now - bucket.atNanos()) / 1e9 * perSecond);
          if (tokens >= cost) {
            return new Bucket(tokens - cost, now);
          }
          retryAfter[0] = Math.max(1, (long) Math.ceil((cost - tokens) / perSecond));
          return new Bucket(tokens, now);
        });
    if (buckets.size() > 100_000) {
      forgetFull(now);
    }
    return retryAfter[0];
  }

  private void forgetFull(long now) {
    buckets
        .entrySet()
        .removeIf(
            e -> e.getValue().tokens() + (now - e.getValue().atNanos()) / 1e9 * perSecond >= burst);
  }
}
