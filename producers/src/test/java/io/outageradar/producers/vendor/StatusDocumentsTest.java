package io.outageradar.producers.vendor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.outageradar.avro.VendorState;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Real-format status documents (Statuspage summary and incidents, RSS and Atom) as words. */
class StatusDocumentsTest {
  static String document(String name) throws IOException {
    try (InputStream in = StatusDocumentsTest.class.getResourceAsStream("/vendor/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @Test
  void aSummaryGivesEachWantedComponentItsStatusAndOpenIncident() throws IOException {
    List<ComponentWord> words =
        StatuspageDocument.read(
            document("summary-major.json"),
            List.of("whatsapp messaging", "Instagram Feed", "m9b1cb0tq2sj", "Not On The Page"));

    assertThat(words)
        .extracting(ComponentWord::component, ComponentWord::state, ComponentWord::incident)
        .containsExactly(
            tuple(
                "WhatsApp Messaging",
                VendorState.MAJOR_OUTAGE,
                "Users unable to send or receive messages"),
            tuple("Instagram Feed", VendorState.PARTIAL_OUTAGE, null),
            tuple("Developer API", VendorState.OPERATIONAL, null));
    assertThat(words.get(0).incidentStatus()).isEqualTo("investigating");
    assertThat(words.get(0).url()).isEqualTo("https://stspg.example/cz46");
    assertThat(words.get(1).url())
        .as("no incident: the page")
        .isEqualTo("https://metastatus.example");
    assertThat(words.get(0).statedAt()).isEqualTo(Instant.parse("2021-10-04T15:57:44.001Z"));
  }

  @Test
  void anIncidentsDocumentGivesOpenIncidentsTheirComponentsAndTheRestWorks() throws IOException {
    List<ComponentWord> words =
        StatuspageDocument.read(
            document("incidents.json"),
            List.of("WhatsApp Messaging", "Instagram Feed", "Developer API"));

    assertThat(words)
        .extracting(ComponentWord::state)
        .as("its own status; the incident's critical impact; the resolved incident is over")
        .containsExactly(
            VendorState.MAJOR_OUTAGE, VendorState.MAJOR_OUTAGE, VendorState.OPERATIONAL);
    assertThat(words.get(0).incidentStatus()).isEqualTo("identified");
  }

  @Test
  void aStatusDocumentGivesItsIndicatorToEveryWantedComponent() {
    String status =
        "{\"page\":{\"id\":\"kctbh9vrtdwd\",\"name\":\"Meta\","
            + "\"url\":\"https://metastatus.example\","
            + "\"updated_at\":\"2021-10-04T15:58:02.125Z\"},"
            + "\"status\":{\"indicator\":\"major\",\"description\":\"Partial System Outage\"}}";

    List<ComponentWord> words = StatuspageDocument.read(status, List.of("WhatsApp", "Instagram"));

    assertThat(words)
        .extracting(ComponentWord::component, ComponentWord::state, ComponentWord::incident)
        .containsExactly(
            tuple("WhatsApp", VendorState.PARTIAL_OUTAGE, "Partial System Outage"),
            tuple("Instagram", VendorState.PARTIAL_OUTAGE, "Partial System Outage"));
    assertThat(
            StatuspageDocument.read(
                    status.replace("major", "none").replace("Partial System Outage", "All good"),
                    List.of("WhatsApp"))
                .get(0)
                .state())
        .isEqualTo(VendorState.OPERATIONAL);
  }

  @Test
  void anOpenRssIncidentHasTheStateTheConfigurationGivesIt() throws IOException {
    ComponentWord word = IncidentFeed.read(document("history.rss"), VendorState.MAJOR_OUTAGE);

    assertThat(word.component()).isEqualTo("PayGate Status - Incident History");
    assertThat(word.state()).isEqualTo(VendorState.MAJOR_OUTAGE);
    assertThat(word.incident()).isEqualTo("Card payments failing in Brazil");
    assertThat(word.incidentStatus()).as("the newest update leads").isEqualTo("identified");
    assertThat(word.url()).isEqualTo("https://status.paygate.example/incidents/x1y2z3");
    assertThat(word.statedAt()).isEqualTo(Instant.parse("2021-10-04T16:02:40Z"));
  }

  @Test
  void aResolvedAtomIncidentMeansTheServiceWorks() throws IOException {
    ComponentWord word = IncidentFeed.read(document("history.atom"), VendorState.MAJOR_OUTAGE);

    assertThat(word.state()).isEqualTo(VendorState.OPERATIONAL);
    assertThat(word.incident()).isNull();
    assertThat(word.statedAt()).isEqualTo(Instant.parse("2021-10-04T18:05:00Z"));
  }

  @Test
  void whatIsNotAStatusDocumentIsAnErrorThatSaysSo() {
    assertThatThrownBy(() -> StatuspageDocument.read("<html>maintenance</html>", List.of("x")))
        .hasMessageStartingWith("not JSON");
    assertThatThrownBy(() -> StatuspageDocument.read("{\"name\":\"x\"}", List.of("x")))
        .hasMessageContaining("not a Statuspage document");
    assertThatThrownBy(() -> StatuspageDocument.read("{\"status\":{}}", List.of("x")))
        .hasMessageContaining("a status with no indicator");
    assertThatThrownBy(() -> IncidentFeed.read("<html><body/></html>", VendorState.MAJOR_OUTAGE))
        .hasMessageContaining("not an RSS or Atom feed");
    String entityBomb =
        "<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
            + "<rss><channel><title>&x;</title></channel></rss>";
    assertThatThrownBy(() -> IncidentFeed.read(entityBomb, VendorState.MAJOR_OUTAGE))
        .as("no DTDs, so no external entities")
        .hasMessageStartingWith("not XML");
  }
}
