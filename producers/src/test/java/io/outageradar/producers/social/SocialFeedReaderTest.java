package io.outageradar.producers.social;

import static org.assertj.core.api.Assertions.assertThat;

import io.outageradar.avro.ReportSource;
import io.outageradar.avro.UserReport;
import io.outageradar.model.ReportText;
import java.io.BufferedReader;
import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SocialFeedReaderTest {
  private final List<UserReport> published = new ArrayList<>();
  private final List<String> complaints = new ArrayList<>();
  private final SocialFeedReader reader =
      new SocialFeedReader(ServiceMatcher.defaults(), published::add, complaints::add);

  @Test
  void publishesMatchedPostsAsSocialReportsAndCountsTheRest() throws Exception {
    String feed =
        String.join(
            "\n",
            "{\"id\":\"p1\",\"text\":\"o zap caiu de novo\",\"lang\":\"pt\",\"region\":\"br\",\"timestamp\":\"2021-10-04T15:42:00Z\",\"author\":\"ana\"}",
            "{\"id\":\"p2\",\"text\":\"lovely weather\",\"lang\":\"en\",\"region\":\"GB\",\"timestamp\":\"2021-10-04T15:42:01Z\"}",
            "not json at all",
            "{\"id\":\"p3\",\"text\":\"instagram down\",\"region\":\"US\"}",
            "",
            "{\"id\":\"p4\",\"text\":\"Instagram não carrega\",\"region\":\"BR\",\"timestamp\":\"2021-10-04T15:43:00Z\"}");

    SocialFeedReader.Counts counts =
        reader.read(new BufferedReader(new StringReader(feed)), false, Duration.ZERO, n -> {});

    assertThat(counts).isEqualTo(new SocialFeedReader.Counts(2, 1, 2, 0));
    UserReport first = published.get(0);
    assertThat(first.getService()).isEqualTo("whatsapp");
    assertThat(first.getRegion()).isEqualTo("BR");
    assertThat(first.getSource()).isEqualTo(ReportSource.SOCIAL);
    assertThat(first.getReporterId()).isEqualTo("social:ana");
    assertThat(first.getReportId()).isEqualTo("social-p1");
    assertThat(first.getReportedAt()).isEqualTo(Instant.parse("2021-10-04T15:42:00Z"));
    assertThat(published.get(1).getReporterId()).isEqualTo("social-post:p4");
    assertThat(complaints).hasSize(2);
    assertThat(complaints.get(0)).startsWith("line 3: ");
    assertThat(complaints.get(1)).isEqualTo("line 4: missing field \"timestamp\"");
  }

  @Test
  void longPostsAreCutToTheReportLimit() throws Exception {
    String text = "whatsapp " + "x".repeat(5000);
    reader.read(
        new BufferedReader(
            new StringReader(
                "{\"id\":\"p\",\"text\":\""
                    + text
                    + "\",\"region\":\"US\",\"timestamp\":\"2021-10-04T15:42:00Z\"}")),
        false,
        Duration.ZERO,
        n -> {});

    assertThat(published.get(0).getText()).hasSize(ReportText.MAX_LENGTH);
  }

  @Test
  void aRepeatedPostIsPublishedOnceAndARegionThatIsNoCountryCodeIsABadLine() throws Exception {
    String post =
        "{\"id\":\"p9\",\"text\":\"whatsapp down\",\"region\":\"BR\",\"timestamp\":\"2021-10-04T15:42:00Z\"}";
    String feed =
        String.join(
            "\n",
            post,
            post,
            "{\"id\":\"p10\",\"text\":\"whatsapp down\",\"region\":\"Brazil\",\"timestamp\":\"2021-10-04T15:42:00Z\"}",
            "{\"id\":\"p11\",\"text\":\"whatsapp down\",\"region\":\"ZZ\",\"timestamp\":\"2021-10-04T15:42:00Z\"}");

    SocialFeedReader.Counts counts =
        reader.read(new BufferedReader(new StringReader(feed)), false, Duration.ZERO, n -> {});

    assertThat(counts).isEqualTo(new SocialFeedReader.Counts(1, 0, 2, 1));
    assertThat(published).extracting(UserReport::getReportId).containsExactly("social-p9");
  }
}
