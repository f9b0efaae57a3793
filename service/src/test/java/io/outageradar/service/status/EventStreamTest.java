package io.outageradar.service.status;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.outageradar.avro.HealthStatus;
import io.outageradar.detection.impact.RevenueTable;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@code /events} over real HTTP: new windows and reports reach an open page as data events. */
class EventStreamTest {
  private static final Instant END = Instant.parse("2021-10-04T15:41:00Z");

  private final StatusView view = new StatusView(RevenueTable.parse(""), false);
  private final HttpServer server;

  EventStreamTest() throws IOException {
    EventStream stream = new EventStream(view);
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.setExecutor(Executors.newCachedThreadPool());
    server.createContext(
        "/events",
        exchange -> {
          try (exchange) {
            stream.serve(exchange);
          }
        });
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  @Test
  void aNewWindowIsToldAsADataEventWithoutAnId() throws Exception {
    view.accept(StatusViewTest.window("whatsapp", "BR", END, HealthStatus.HEALTHY));
    try (BufferedReader events = open()) {
      assertThat(nextEvent(events))
          .as("what the view got before the page connected is told once")
          .containsExactly("event: data", "data: {}");

      view.accept(
          StatusViewTest.window("whatsapp", "BR", END.plusSeconds(60), HealthStatus.HEALTHY));
      view.accept(
          StatusViewTest.window("whatsapp", "DE", END.plusSeconds(60), HealthStatus.HEALTHY));

      List<String> told = nextEvent(events);
      assertThat(told)
          .as(
              "new windows are told; with no id, so that a reconnecting page resumes at its last outage")
          .containsExactly("event: data", "data: {}");
    }
  }

  /** The lines of the next event, comments and the retry hint skipped. */
  private static List<String> nextEvent(BufferedReader events) throws IOException {
    List<String> lines = new ArrayList<>();
    for (String line = events.readLine(); line != null; line = events.readLine()) {
      if (line.isEmpty() && !lines.isEmpty()) {
        return lines;
      }
      if (!line.isEmpty() && !line.startsWith(":") && !line.startsWith("retry:")) {
        lines.add(line);
      }
    }
    throw new UncheckedIOException(new IOException("the stream ended"));
  }

  private BufferedReader open() throws Exception {
    HttpResponse<InputStream> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/events"))
                    .build(),
                HttpResponse.BodyHandlers.ofInputStream());
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("text/event-stream"));
    return new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8));
  }
}
