package io.outageradar.model;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The one region vocabulary of every producer: ISO 3166-1 alpha-2 country codes ("BR", "US"), in
 * upper case. The intake, the social reader and the probes accept the same codes, so that one
 * region is never counted under two names ("br", "Brazil").
 */
public final class Regions {
  private static final Set<String> CODES = Set.of(Locale.getISOCountries());

  private Regions() {}

  /** The code in upper case, if {@code region} is one (any case); empty otherwise. */
  public static Optional<String> normalize(String region) {
    if (region == null) {
      return Optional.empty();
    }
    String upper = region.trim().toUpperCase(Locale.ROOT);
    return CODES.contains(upper) ? Optional.of(upper) : Optional.empty();
  }

  /** Why {@code region} is refused, for a one-line error naming it. */
  public static String notACode(String region) {
    String shown = region.length() > 40 ? region.substring(0, 40) + "…" : region;
    return "\"" + shown + "\" is not an ISO 3166-1 alpha-2 country code (e.g. BR, US, GB)";
  }
}
