package io.outageradar.producers.vendor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.outageradar.avro.VendorState;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VendorPagesTest {
  @TempDir Path dir;

  private Path file(String name, String text) throws IOException {
    return Files.writeString(dir.resolve(name), text);
  }

  @Test
  void readsStatuspagesAndFeeds() throws IOException {
    VendorPages pages =
        VendorPages.read(
            file(
                "vendors.yaml",
                """
                interval: PT30S
                pages:
                  - name: meta
                    url: https://metastatus.example/api/v2/summary.json
                    components:
                      - {component: WhatsApp Messaging, service: whatsapp, regions: ["*"]}
                      - {component: Instagram Feed, service: instagram, regions: [br, US]}
                  - name: paygate
                    format: feed
                    url: https://status.paygate.example/history.atom
                    service: paygate
                    regions: [BR]
                    openIncident: MAJOR_OUTAGE
                """));

    assertThat(pages.interval()).isEqualTo(Duration.ofSeconds(30));
    assertThat(pages.timeout()).isEqualTo(Duration.ofSeconds(10));
    assertThat(pages.pages()).hasSize(2);
    assertThat(pages.pages().get(0).components())
        .containsExactly(
            new VendorPages.Mapping("WhatsApp Messaging", "whatsapp", List.of("*")),
            new VendorPages.Mapping("Instagram Feed", "instagram", List.of("BR", "US")));
    assertThat(pages.pages().get(1).format()).isEqualTo(VendorPages.Format.FEED);
    assertThat(pages.pages().get(1).openIncident()).isEqualTo(VendorState.MAJOR_OUTAGE);
  }

  @Test
  void everyMistakeNamesFileLineAndWhat() throws IOException {
    Path unknownKey =
        file(
            "unknown.yaml",
            """
            pages:
              - name: meta
                url: https://metastatus.example/api/v2/summary.json
                components:
                  - {component: WhatsApp, service: whatsapp, region: [BR]}
            """);
    assertThatThrownBy(() -> VendorPages.read(unknownKey))
        .hasMessage(
            unknownKey
                + ": line 5: unknown key \"region\" (known here: component, service, regions)");

    Path badRegion =
        file(
            "region.yaml",
            """
            pages:
              - name: paygate
                format: feed
                url: https://status.paygate.example/history.atom
                service: paygate
                regions: [Brazil]
            """);
    assertThatThrownBy(() -> VendorPages.read(badRegion))
        .hasMessageStartingWith(badRegion + ": line 2: feed paygate: ")
        .hasMessageContaining("Brazil");

    Path notHttp =
        file(
            "scheme.json",
            "{\"pages\": [{\"name\": \"m\", \"url\": \"file:///etc/passwd\","
                + " \"components\": [{\"component\": \"c\", \"service\": \"s\","
                + " \"regions\": [\"*\"]}]}]}");
    assertThatThrownBy(() -> VendorPages.read(notHttp))
        .hasMessage(notHttp + ": line 1: url must be http(s): file:///etc/passwd");

    Path twice =
        file(
            "twice.yaml",
            """
            pages:
              - {name: meta, format: feed, url: "http://a.example/f", service: s, regions: [BR]}
              - {name: meta, format: feed, url: "http://b.example/f", service: s, regions: [BR]}
            """);
    assertThatThrownBy(() -> VendorPages.read(twice))
        .hasMessage(twice + ": line 3: a second page named \"meta\"");

    Path none = file("none.yaml", "interval: PT30S\n");
    assertThatThrownBy(() -> VendorPages.read(none)).hasMessage(none + ": no pages");
  }
}
