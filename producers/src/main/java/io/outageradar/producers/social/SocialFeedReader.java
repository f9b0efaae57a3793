package io.outageradar.producers.social;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.outageradar.avro.ReportCategory;
import io.outageradar.avro.ReportSource;
import io.outageradar.avro.UserReport;
import io.outageradar.model.Regions;
import io.outageradar.model.ReportText;
import java.io.BufferedReader;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.LongConsumer;

/**
 * Turns social posts (JSON Lines: {@code id, text, lang, region, timestamp}, optionally {@code
 * author}) into user reports with source SOCIAL, for the services the {@link ServiceMatcher} finds
 * in them. Posts about no known service are counted, not published; a post id seen before (feeds
 * repeat posts) is counted, not published again; lines that are not posts — a region that is not an
 * ISO 3166-1 alpha-2 code included — are counted and reported with their line number.
 */
public final class SocialFeedReader {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** What a read found. */
  public record Counts(long matched, long unmatched, long bad, long repeated) {}

  /**
   * Post ids remembered for de-duplication; repeats further apart than this are published again.
   */
  static final int REMEMBERED_POSTS = 100_000;

  private final ServiceMatcher matcher;
  private final Consumer<UserReport> publish;
  private final Consumer<String> complain;
  private final Set<String> seenPosts =
      Collections.newSetFromMap(
          new LinkedHashMap<>(16, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
              return size() > REMEMBERED_POSTS;
            }
          });

  public SocialFeedReader(
      ServiceMatcher matcher, Consumer<UserReport> publish, Consumer<String> complain) {
    this.matcher = matcher;
    this.publish = publish;
    this.complain = complain;
  }

  /**
   * Reads until the end of input; with {@code follow}, keeps waiting for new lines like {@code tail
   * -f} (checking every {@code pollEvery}) until the thread is interrupted. {@code onLine} sees the
   * line count as it grows (for progress).
   */
  public Counts read(BufferedReader in, boolean follow, Duration pollEvery, LongConsumer onLine)
      throws IOException {
    long matched = 0;
    long unmatched = 0;
    long bad = 0;
    long repeated = 0;
    long lineNumber = 0;
    while (!Thread.currentThread().isInterrupted()) {
      String line = in.readLine();
      if (line == null) {
        if (!follow) {
          break;
        }
        try {
          Thread.sleep(pollEvery.toMillis()); // waiting for the file to grow, as tail -f does
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        continue;
      }
      lineNumber++;
      onLine.accept(lineNumber);
      if (line.isBlank()) {
        continue;
      }
      try {
        JsonNode post = JSON.readTree(line);
        Optional<UserReport> report = toReport(post);
        if (!seenPosts.add(required(post, "id"))) {
          repeated++;
        } else if (report.isPresent()) {
          publish.accept(report.get());
          matched++;
        } else {
          unmatched++;
        }
      } catch (IOException | IllegalArgumentException | DateTimeParseException e) {
        bad++;
        complain.accept("line " + lineNumber + ": " + e.getMessage());
      }
    }
    return new Counts(matched, unmatched, bad, repeated);
  }

  Optional<UserReport> toReport(JsonNode post) {
    String id = required(post, "id");
    String text = required(post, "text");
    String given = required(post, "region");
    String region =
        Regions.normalize(given)
            .orElseThrow(() -> new IllegalArgumentException("region " + Regions.notACode(given)));
    Instant at = Instant.parse(required(post, "timestamp"));
    return matcher
        .match(text, region)
        .map(
            service ->
                UserReport.newBuilder()
                    .setReportId("social-" + id)
                    .setService(service)
                    .setRegion(region)
                    .setReporterId(
                        post.hasNonNull("author")
                            ? "social:" + post.get("author").asText()
                            : "social-post:" + id)
                    .setSource(ReportSource.SOCIAL)
                    .setCategory(ReportCategory.OTHER)
                    // capped like the intake's reports; a long post is cut, not dropped
                    .setText(
                        text.length() > ReportText.MAX_LENGTH
                            ? text.substring(0, ReportText.MAX_LENGTH)
                            : text)
                    .setLang(post.hasNonNull("lang") ? post.get("lang").asText() : null)
                    .setReportedAt(at)
                    .setSentiment(null)
                    .build());
  }

  private static String required(JsonNode post, String field) {
    JsonNode value = post.get(field);
    if (value == null || value.isNull() || value.asText().isBlank()) {
      throw new IllegalArgumentException("missing field \"" + field + "\"");
    }
    return value.asText();
  }
}
