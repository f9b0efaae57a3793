package io.outageradar.pager;

import io.outageradar.avro.Page;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.SplittableRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends one page to one integration with retries: 2xx is delivered; 429, 5xx and I/O errors are
 * tried again after the policy's delay; any other answer (a 400 for a malformed event, a 401/403
 * for a wrong key, a 404) will not improve by repetition and fails at once. Errors are reported
 * without the integration's secrets.
 */
public final class Deliverer {
  private static final Logger LOG = LoggerFactory.getLogger(Deliverer.class);
  private static final int ERROR_BODY_CHARS = 200;

  /** How a delivery ended. */
  public record Outcome(boolean delivered, int attempts, String lastError) {}

  /** Waits between attempts; tests pass one that does not sleep. */
  @FunctionalInterface
  public interface Sleeper {
    void sleep(Duration duration) throws InterruptedException;
  }

  private final HttpClient client;
  private final RetryPolicy policy;
  private final Sleeper sleeper;
  private final Clock clock;
  private final SplittableRandom random = new SplittableRandom();

  public Deliverer(HttpClient client, RetryPolicy policy, Sleeper sleeper, Clock clock) {
    this.client = client;
    this.policy = policy;
    this.sleeper = sleeper;
    this.clock = clock;
  }

  public Outcome deliver(Integration integration, Page page) throws InterruptedException {
    HttpRequest request = integration.request(page);
    String lastError = "not tried";
    for (int attempt = 1; attempt <= policy.maxAttempts(); attempt++) {
      Optional<Duration> retryAfter = Optional.empty();
      try {
        HttpResponse<String> response =
            client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
          LOG.info(
              "page {} {} delivered to {} (attempt {})",
              page.getAction(),
              page.getDedupKey(),
              integration.name(),
              attempt);
          return new Outcome(true, attempt, null);
        }
        lastError = redact(integration, "HTTP " + status + ": " + abbreviate(response.body()));
        if (status != 429 && status < 500) {
          LOG.error(
              "page {} refused by {}: {}; not retrying",
              page.getDedupKey(),
              integration.name(),
              lastError);
          return new Outcome(false, attempt, lastError);
        }
        retryAfter =
            RetryPolicy.parseRetryAfter(
                response.headers().firstValue("Retry-After"), clock.instant());
      } catch (IOException e) {
        lastError =
            redact(
                integration,
                e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()));
      }
      if (attempt < policy.maxAttempts()) {
        Duration delay = policy.delayAfter(attempt, retryAfter, random);
        LOG.warn(
            "page {} to {} failed ({}); attempt {} in {} ms",
            page.getDedupKey(),
            integration.name(),
            lastError,
            attempt + 1,
            delay.toMillis());
        sleeper.sleep(delay);
      }
    }
    LOG.error(
        "page {} to {} failed {} times, last: {}",
        page.getDedupKey(),
        integration.name(),
        policy.maxAttempts(),
        lastError);
    return new Outcome(false, policy.maxAttempts(), lastError);
  }

  private static String abbreviate(String body) {
    String flat = body == null ? "" : body.replaceAll("\\s+", " ").strip();
    return flat.length() <= ERROR_BODY_CHARS ? flat : flat.substring(0, ERROR_BODY_CHARS) + "…";
  }

  static String redact(Integration integration, String text) {
    String redacted = text;
    for (String secret : integration.secrets()) {
      if (secret != null && !secret.isEmpty()) {
        redacted = redacted.replace(secret, "***");
      }
    }
    return redacted;
  }
}
