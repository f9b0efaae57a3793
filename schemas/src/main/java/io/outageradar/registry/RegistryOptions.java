package io.outageradar.registry;

import java.time.Duration;
import java.util.Objects;
import javax.net.ssl.SSLContext;

/**
 * How to reach a schema registry.
 *
 * @param url base URL ({@code http(s)://host:port[/path]}) or {@code mock://scope}
 * @param basicAuthUserInfo {@code user:password} for HTTP basic auth, or null
 * @param sslContext trust material for https, or null for the JVM default
 * @param maxRetries extra attempts after a 5xx answer or an I/O error
 * @param initialBackoff wait before the first retry; doubled for each further one
 * @param requestTimeout limit for one HTTP exchange
 */
public record RegistryOptions(
    String url,
    String basicAuthUserInfo,
    SSLContext sslContext,
    int maxRetries,
    Duration initialBackoff,
    Duration requestTimeout) {

  public RegistryOptions {
    Objects.requireNonNull(url, "url");
    if (maxRetries < 0) {
      throw new IllegalArgumentException("maxRetries must be >= 0, was " + maxRetries);
    }
    Objects.requireNonNull(initialBackoff, "initialBackoff");
    Objects.requireNonNull(requestTimeout, "requestTimeout");
  }

  /** Defaults for a URL: no auth, JVM trust store, 3 retries from 200 ms, 10 s per request. */
  public static RegistryOptions of(String url) {
    return new RegistryOptions(url, null, null, 3, Duration.ofMillis(200), Duration.ofSeconds(10));
  }

  public RegistryOptions withBasicAuth(String userInfo) {
    return new RegistryOptions(
        url, userInfo, sslContext, maxRetries, initialBackoff, requestTimeout);
  }

  public RegistryOptions withRetries(int retries, Duration backoff) {
    return new RegistryOptions(
        url, basicAuthUserInfo, sslContext, retries, backoff, requestTimeout);
  }

  public RegistryOptions withSslContext(SSLContext context) {
    return new RegistryOptions(
        url, basicAuthUserInfo, context, maxRetries, initialBackoff, requestTimeout);
  }

  /** The client these options describe: in-memory for {@code mock://}, HTTP otherwise. */
  public SchemaRegistryClient connect() {
    if (url.startsWith(MOCK_PREFIX)) {
      return MockSchemaRegistry.forScope(url.substring(MOCK_PREFIX.length()));
    }
    if (!url.startsWith("http://") && !url.startsWith("https://")) {
      throw new IllegalArgumentException(
          "schema registry URL must start with http://, https:// or mock://, was " + url);
    }
    return new HttpSchemaRegistryClient(this);
  }

  private static final String MOCK_PREFIX = "mock://";
}
