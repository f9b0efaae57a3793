package io.outageradar.simulation;

import java.time.Instant;
import java.time.ZoneOffset;

/**
 * Where reports come from: a region, its UTC offset, how many people a minute report a service
 * there at the busiest hour (weighted by population and usage), and the share writing in a second
 * language (Spanish in the US, for instance).
 */
public record ReportRegion(
    String region,
    int utcOffset,
    double peakPerMinute,
    String lang,
    String secondLang,
    double secondShare) {
  public static ReportRegion of(String region, int utcOffset, double peakPerMinute, String lang) {
    return new ReportRegion(region, utcOffset, peakPerMinute, lang, lang, 0);
  }

  /** Quiet at 4 am local time, busiest around 8 pm, never below a fifth of the peak. */
  public double expectedPerMinute(Instant at) {
    int localHour = at.atOffset(ZoneOffset.ofHours(utcOffset)).getHour();
    double daily = 0.5 + 0.5 * Math.cos(2 * Math.PI * (localHour - 20) / 24.0);
    return peakPerMinute * (0.2 + 0.8 * daily);
  }
}
