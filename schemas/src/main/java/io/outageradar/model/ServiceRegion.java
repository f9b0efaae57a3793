package io.outageradar.model;

import java.util.Objects;

/**
 * The key of every per-region topic: {@code service|region}. Keeping one service-region pair on one
 * partition is what lets a window see all of its agents.
 */
public record ServiceRegion(String service, String region) {
  private static final char SEPARATOR = '|';

  public ServiceRegion {
    Objects.requireNonNull(service, "service");
    Objects.requireNonNull(region, "region");
    if (service.indexOf(SEPARATOR) >= 0 || region.indexOf(SEPARATOR) >= 0) {
      throw new IllegalArgumentException(
          "service and region may not contain '|': " + service + ", " + region);
    }
  }

  public String key() {
    return service + SEPARATOR + region;
  }

  public static ServiceRegion parse(String key) {
    int at = key == null ? -1 : key.indexOf(SEPARATOR);
    if (at <= 0 || at == key.length() - 1) {
      throw new IllegalArgumentException("key must be service|region, was " + key);
    }
    return new ServiceRegion(key.substring(0, at), key.substring(at + 1));
  }

  @Override
  public String toString() {
    return key();
  }
}
