package io.outageradar.producers.vendor;

import static io.outageradar.producers.vendor.StatusDocumentsTest.document;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.sun.net.httpserver.HttpServer;
import io.outageradar.avro.VendorState;
import io.outageradar.avro.VendorStatus;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The poller against a local HTTP server serving real-format status documents. */
class VendorPollerTest {
  private static final Instant READ_AT = Instant.parse("2021-10-04T15:58:10Z");

  private HttpServer server;
  private final AtomicReference<String> summary = new AtomicReference<>();
  private final AtomicInteger status = new AtomicInteger(200);
  private final List<String> conditions = new CopyOnWriteArrayList<>();
  private final AtomicInteger feedDelayMs = new AtomicInteger();

  @BeforeEach
  void serve() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/api/v2/summary.json",
        exchange -> {
          String etag = "\"" + Integer.toHexString(summary.get().hashCode()) + "\"";
          String asked = exchange.getRequestHeaders().getFirst("If-None-Match");
          conditions.add(String.valueOf(asked));
          exchange.getResponseHeaders().add("ETag", etag);
          if (status.get() != 200) {
            exchange.sendResponseHeaders(status.get(), -1);
          } else if (etag.equals(asked)) {
            exchange.sendResponseHeaders(304, -1);
          } else {
            byte[] body = summary.get().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
          }
          exchange.close();
        });
    server.createContext(
        "/history.rss",
        exchange -> {
          try {
            Thread.sleep(feedDelayMs.get());
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          byte[] body = document("history.rss").getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().add("Last-Modified", "Mon, 04 Oct 2021 16:20:11 GMT");
          exchange.sendResponseHeaders(200, body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    // a slow answer must not hold up the next request
    server.setExecutor(Executors.newCachedThreadPool());
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  private VendorPoller poller(Duration timeout) {
    String base = "http://127.0.0.1:" + server.getAddress().getPort();
    VendorPages pages =
        new VendorPages(
            Duration.ofSeconds(60),
            timeout,
            List.of(
                new VendorPages.Page(
                    "meta",
                    VendorPages.Format.STATUSPAGE,
                    URI.create(base + "/api/v2/summary.json?api_key=secret-token"),
                    List.of(
                        new VendorPages.Mapping("WhatsApp Messaging", "whatsapp", List.of("*")),
                        new VendorPages.Mapping(
                            "Instagram Feed", "instagram", List.of("BR", "US"))),
                    null),
                new VendorPages.Page(
                    "paygate",
                    VendorPages.Format.FEED,
                    URI.create(base + "/history.rss"),
                    List.of(new VendorPages.Mapping("*", "paygate", List.of("BR"))),
                    VendorState.PARTIAL_OUTAGE)));
    return new VendorPoller(
        pages, HttpClient.newHttpClient(), Clock.fixed(READ_AT, ZoneOffset.UTC));
  }

  @Test
  void saysEverythingFirstThenOnlyWhatChangedAndAnUnchangedPageCostsA304() throws Exception {
    summary.set(document("summary-operational.json"));
    VendorPoller poller = poller(Duration.ofSeconds(5));

    List<VendorStatus> first = poller.poll();
    assertThat(first)
        .extracting(VendorStatus::getService, VendorStatus::getRegion, VendorStatus::getState)
        .containsExactly(
            tuple("whatsapp", "*", VendorState.OPERATIONAL),
            tuple("instagram", "BR", VendorState.OPERATIONAL),
            tuple("instagram", "US", VendorState.OPERATIONAL),
            tuple("paygate", "BR", VendorState.PARTIAL_OUTAGE));
    assertThat(first.get(0).getObservedAt()).isEqualTo(READ_AT);
    assertThat(first.get(0).getUrl())
        .as("the page's own link, never our URL with its token")
        .isEqualTo("https://metastatus.example");
    assertThat(first.get(3).getIncident()).isEqualTo("Card payments failing in Brazil");

    assertThat(poller.poll()).as("nothing changed").isEmpty();
    assertThat(conditions).as("the second request was conditional").hasSize(2);
    assertThat(conditions.get(1)).startsWith("\"");

    summary.set(document("summary-major.json"));
    List<VendorStatus> changed = poller.poll();
    assertThat(changed)
        .extracting(VendorStatus::getService, VendorStatus::getRegion, VendorStatus::getState)
        .containsExactly(
            tuple("whatsapp", "*", VendorState.MAJOR_OUTAGE),
            tuple("instagram", "BR", VendorState.PARTIAL_OUTAGE),
            tuple("instagram", "US", VendorState.PARTIAL_OUTAGE));
    assertThat(changed.get(0).getIncident()).isEqualTo("Users unable to send or receive messages");
    assertThat(poller.health().get("meta").lastError()).isNull();
  }

  @Test
  void aPageThatCannotBeReadKeepsItsLastWordAndSaysWhy() throws Exception {
    summary.set(document("summary-operational.json"));
    VendorPoller poller = poller(Duration.ofMillis(500));
    assertThat(poller.poll()).hasSize(4);

    status.set(503);
    feedDelayMs.set(2_000);
    assertThat(poller.poll()).as("nothing to say while the pages fail").isEmpty();

    assertThat(poller.health().get("meta").lastError()).isEqualTo("HTTP 503");
    assertThat(poller.health().get("meta").lastRead()).isEqualTo(READ_AT);
    assertThat(poller.health().get("paygate").lastError()).isEqualTo("no answer within 0 s");
    assertThat(poller.health().get("paygate").failures()).isEqualTo(1);

    status.set(200);
    feedDelayMs.set(0);
    summary.set(document("summary-major.json"));
    assertThat(poller.poll())
        .as("back: only what changed meanwhile")
        .extracting(VendorStatus::getState)
        .containsOnly(VendorState.MAJOR_OUTAGE, VendorState.PARTIAL_OUTAGE)
        .hasSize(3);
  }
}
