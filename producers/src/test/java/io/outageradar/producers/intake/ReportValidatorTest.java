package io.outageradar.producers.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.outageradar.avro.ReportCategory;
import io.outageradar.avro.ReportSource;
import io.outageradar.avro.UserReport;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ReportValidatorTest {
  private static final Instant NOW = Instant.parse("2021-10-04T15:45:00Z");
  private final ReportValidator validator =
      new ReportValidator(Set.of("whatsapp"), Clock.fixed(NOW, ZoneOffset.UTC));
  private final ObjectMapper json = new ObjectMapper();

  private UserReport validate(String body) throws Exception {
    return validator.validate(json.readTree(body), null);
  }

  private void rejects(String body, String field, String message) {
    assertThatThrownBy(() -> validate(body))
        .isInstanceOfSatisfying(
            ReportValidator.InvalidReport.class, e -> assertThat(e.field).isEqualTo(field))
        .hasMessageContaining(message);
  }

  @Test
  void acceptsAReportAndFillsDefaults() throws Exception {
    UserReport report =
        validate(
            "{\"service\":\"whatsapp\",\"region\":\"br\",\"reporter\":\"u-1\",\"category\":\"messaging\","
                + "\"text\":\"nao envia\"}");
    assertThat(report.getRegion()).isEqualTo("BR");
    assertThat(report.getCategory()).isEqualTo(ReportCategory.MESSAGING);
    assertThat(report.getSource()).isEqualTo(ReportSource.API);
    assertThat(report.getReportedAt()).isEqualTo(NOW);
  }

  @Test
  void namesTheFieldThatIsWrong() {
    rejects(
        "{\"service\":\"myspace\",\"region\":\"BR\",\"reporter\":\"u\"}",
        "service",
        "unknown service");
    rejects(
        "{\"service\":\"whatsapp\",\"region\":\"XX\",\"reporter\":\"u\"}", "region", "ISO 3166");
    rejects(
        "{\"service\":\"whatsapp\",\"region\":\"BR\",\"reporter\":\"u\",\"text\":\""
            + "a".repeat(2001)
            + "\"}",
        "text",
        "2001");
    rejects(
        "{\"service\":\"whatsapp\",\"region\":\"BR\",\"reporter\":\"u\",\"timestamp\":\"2021-10-04T15:50:01Z\"}",
        "timestamp",
        "future");
    rejects(
        "{\"service\":\"whatsapp\",\"region\":\"BR\",\"reporter\":\"u\",\"category\":\"WEATHER\"}",
        "category",
        "WEATHER");
    rejects("{\"service\":\"whatsapp\",\"region\":\"BR\"}", "reporter", "missing");
    rejects("[1,2]", "$", "JSON object");
  }

  @Test
  void fiveMinutesAheadIsStillAllowed() throws Exception {
    assertThat(
            validate(
                    "{\"service\":\"whatsapp\",\"region\":\"BR\",\"reporter\":\"u\",\"timestamp\":\"2021-10-04T15:50:00Z\"}")
                .getReportedAt())
        .isEqualTo(Instant.parse("2021-10-04T15:50:00Z"));
  }

  private static String report(String extra) {
    return "{\"service\":\"whatsapp\",\"region\":\"BR\",\"reporter\":\"u-1\"" + extra + "}";
  }

  @Test
  void everyFieldHasALimit() {
    rejects(report(",\"id\":\"" + "i".repeat(129) + "\""), "id", "129 characters");
    rejects(
        "{\"service\":\"whatsapp\",\"region\":\"BR\",\"reporter\":\"" + "r".repeat(129) + "\"}",
        "reporter",
        "more than 128");
    rejects(report(",\"lang\":\"" + "x".repeat(5000) + "\""), "lang", "BCP-47");
    rejects(report(",\"lang\":\"english please\""), "lang", "BCP-47");
    rejects(report(",\"timestamp\":\"1960-01-01T00:00:00Z\""), "timestamp", "before 2000");
  }

  @Test
  void aFieldOfTheWrongTypeIsAnErrorNotItsTextForm() {
    rejects(report(",\"text\":{\"nested\":[1,2,3]}"), "text", "must be a string");
    rejects(report(",\"lang\":42"), "lang", "must be a string");
    rejects(
        "{\"service\":[\"whatsapp\"],\"region\":\"BR\",\"reporter\":\"u\"}",
        "service",
        "must be a string");
  }

  @Test
  void errorMessagesDoNotRepeatHostileInputInFull() {
    String huge = "z".repeat(100_000);
    assertThatThrownBy(
            () -> validate("{\"service\":\"" + huge + "\",\"region\":\"BR\",\"reporter\":\"u\"}"))
        .satisfies(e -> assertThat(e.getMessage()).hasSizeLessThan(100));
  }

  @Test
  void acceptsLanguageTagsAndLongestIds() throws Exception {
    for (String tag : new String[] {"en", "pt-BR", "es-419", "zh-Hant-TW"}) {
      assertThat(validate(report(",\"lang\":\"" + tag + "\"")).getLang()).isEqualTo(tag);
    }
    assertThat(validate(report(",\"id\":\"" + "i".repeat(128) + "\"")).getReportId()).hasSize(128);
  }

  @Test
  void theServerDecidesTheChannelAClientCannotClaimToBeSocial() throws Exception {
    assertThat(validate(report(",\"source\":\"SOCIAL\"")).getSource()).isEqualTo(ReportSource.API);
  }
}
