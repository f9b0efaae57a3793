package io.outageradar.detection.lifecycle;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * When pages go out.
 *
 * @param renotifyInterval wall-clock time after which the page of a still-open outage is sent
 *     again; zero turns re-notification off
 * @param maintenance windows in which pages are held back (outages are still recorded)
 * @param certWarnDays days to expiry at which a probed certificate pages (once, at warning)
 */
public record AlertConfig(
    Duration renotifyInterval, List<MaintenanceWindow> maintenance, int certWarnDays) {
  /** Default days to expiry at which a certificate pages. */
  public static final int CERT_WARN_DAYS = 14;

  public AlertConfig(Duration renotifyInterval, List<MaintenanceWindow> maintenance) {
    this(renotifyInterval, maintenance, CERT_WARN_DAYS);
  }

  public AlertConfig {
    Objects.requireNonNull(renotifyInterval, "renotifyInterval");
    if (renotifyInterval.isNegative()) {
      throw new IllegalArgumentException("renotifyInterval must not be negative");
    }
    maintenance = List.copyOf(maintenance);
    if (certWarnDays < 0) {
      throw new IllegalArgumentException("certWarnDays must not be negative");
    }
  }

  /** Re-notify every 30 minutes, no maintenance, certificates page 14 days before they expire. */
  public static AlertConfig defaults() {
    return new AlertConfig(Duration.ofMinutes(30), List.of());
  }

  /**
   * A planned window in which a service (or {@code *} for all) in a region (or {@code *}) pages
   * nobody, e.g. {@code whatsapp|BR@2021-10-04T15:00:00Z/2021-10-04T16:00:00Z}.
   */
  public record MaintenanceWindow(String service, String region, Instant start, Instant end) {
    public MaintenanceWindow {
      if (!end.isAfter(start)) {
        throw new IllegalArgumentException(
            "maintenance window ends before it starts: " + start + "/" + end);
      }
    }

    public boolean covers(String pageService, List<String> pageRegions, Instant at) {
      boolean service = this.service.equals("*") || this.service.equals(pageService);
      boolean region = this.region.equals("*") || pageRegions.contains(this.region);
      return service && region && !at.isBefore(start) && at.isBefore(end);
    }

    /** Parses comma-separated {@code service|region@start/end} entries (ISO-8601 UTC instants). */
    public static List<MaintenanceWindow> parseAll(String entries) {
      List<MaintenanceWindow> windows = new ArrayList<>();
      for (String entry : entries.split(",")) {
        if (entry.isBlank()) {
          continue;
        }
        String[] whoWhen = entry.trim().split("@", 2);
        String[] who = whoWhen[0].split("\\|", 2);
        String[] when = whoWhen.length == 2 ? whoWhen[1].split("/", 2) : new String[0];
        if (who.length != 2 || when.length != 2) {
          throw new IllegalArgumentException(
              "maintenance entry \"" + entry.trim() + "\" is not service|region@start/end");
        }
        windows.add(
            new MaintenanceWindow(who[0], who[1], Instant.parse(when[0]), Instant.parse(when[1])));
      }
      return windows;
    }
  }
}
