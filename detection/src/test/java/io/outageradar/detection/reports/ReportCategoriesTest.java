package io.outageradar.detection.reports;

import static org.assertj.core.api.Assertions.assertThat;

import io.outageradar.avro.ReportCategory;
import io.outageradar.avro.ReportCategoryCounts;
import org.junit.jupiter.api.Test;

class ReportCategoriesTest {
  @Test
  void everyCategoryHasItsOwnCount() {
    ReportCategoryCounts counts = new ReportCategoryCounts();
    for (ReportCategory category : ReportCategory.values()) {
      for (int i = 0; i <= category.ordinal(); i++) {
        ReportCategories.count(counts, category);
      }
    }
    assertThat(counts.getOther()).isEqualTo(ReportCategory.OTHER.ordinal() + 1);
    assertThat(counts.getLogin()).isEqualTo(ReportCategory.LOGIN.ordinal() + 1);
    assertThat(counts.getMessaging()).isEqualTo(ReportCategory.MESSAGING.ordinal() + 1);
    assertThat(counts.getFeed()).isEqualTo(ReportCategory.FEED.ordinal() + 1);
    assertThat(counts.getPayments()).isEqualTo(ReportCategory.PAYMENTS.ordinal() + 1);
    assertThat(counts.getConnectivity()).isEqualTo(ReportCategory.CONNECTIVITY.ordinal() + 1);
    assertThat(counts.getAppCrash()).isEqualTo(ReportCategory.APP_CRASH.ordinal() + 1);
  }
}
