package io.outageradar.tools.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.outageradar.tools.Outcome;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The demo end to end, as `./outage-radar demo --json` runs it: embedded broker, topologies,
 * replay.
 */
class DemoIT {
  @Test
  void findsTheThreeGlobalOutagesOf2021AndPrintsTheJsonContract() throws Exception {
    Outcome result = Demo.run(42, Duration.ofSeconds(170), line -> {});
    JsonNode json = new ObjectMapper().readTree(DemoReport.json(result));

    assertThat(json.get("scenario").asText()).isEqualTo("fb-2021-10-04");
    List<String> services = new ArrayList<>();
    for (JsonNode outage : json.get("outages")) {
      services.add(outage.get("service").asText());
      assertThat(outage.get("scope").asText()).isEqualTo("GLOBAL");
      assertThat(outage.get("cause").asText()).isEqualTo("DNS");
      assertThat(outage.get("regions")).hasSize(6);
      Instant onset = Instant.parse(outage.get("onset").asText());
      Instant confirmed = Instant.parse(outage.get("confirmedAt").asText());
      assertThat(onset)
          .isBetween(Instant.parse("2021-10-04T15:39:00Z"), Instant.parse("2021-10-04T15:42:00Z"));
      assertThat(Duration.between(onset, confirmed)).isLessThanOrEqualTo(Duration.ofMinutes(2));
      assertThat(Instant.parse(outage.get("resolvedAt").asText()))
          .isBetween(Instant.parse("2021-10-04T21:05:00Z"), Instant.parse("2021-10-04T22:50:00Z"));
      assertThat(outage.get("id").asText()).isNotBlank();
      assertThat(outage.get("reports").asLong())
          .as("the users' reports are replayed live too")
          .isGreaterThan(10_000);
      assertThat(outage.get("meanSentiment").asDouble()).isLessThan(-0.3);
    }
    assertThat(services).containsExactlyInAnyOrder("facebook", "instagram", "whatsapp");

    JsonNode pages = json.get("pages");
    assertThat(pages).hasSize(6);
    for (JsonNode page : pages) {
      assertThat(page.get("action").asText()).isIn("TRIGGER", "RESOLVE");
      assertThat(page.get("dedupKey").asText())
          .startsWith(page.get("service").asText() + "-global-");
      Instant.parse(page.get("at").asText());
      assertThat(page.get("regions").size()).isGreaterThanOrEqualTo(3);
    }
    assertThat(json.get("regionImpact"))
        .extracting(region -> region.get("region").asText())
        .containsExactly("BR", "DE", "GB", "IN", "NL", "US");
    assertThat(DemoReport.timeline(result))
        .contains("confirmed  whatsapp after")
        .contains("cause hint DNS");
  }
}
