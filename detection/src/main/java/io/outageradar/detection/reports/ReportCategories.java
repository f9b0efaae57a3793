package io.outageradar.detection.reports;

import io.outageradar.avro.ReportCategory;
import io.outageradar.avro.ReportCategoryCounts;

/** Counts reports per problem category, one field per category. */
public final class ReportCategories {
  private ReportCategories() {}

  /** Adds one report of {@code category} to {@code counts}. */
  public static void count(ReportCategoryCounts counts, ReportCategory category) {
    switch (category) {
      case LOGIN -> counts.setLogin(counts.getLogin() + 1);
      case MESSAGING -> counts.setMessaging(counts.getMessaging() + 1);
      case FEED -> counts.setFeed(counts.getFeed() + 1);
      case PAYMENTS -> counts.setPayments(counts.getPayments() + 1);
      case CONNECTIVITY -> counts.setConnectivity(counts.getConnectivity() + 1);
      case APP_CRASH -> counts.setAppCrash(counts.getAppCrash() + 1);
      default -> counts.setOther(counts.getOther() + 1);
    }
  }
}
