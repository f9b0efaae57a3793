package io.outageradar.producers.probe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import io.outageradar.avro.ProbeStatus;
import io.outageradar.producers.probe.FakeDnsServer.Answer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TargetsFileTest {
  @TempDir Path dir;

  private Path write(String name, String text) throws IOException {
    Path file = dir.resolve(name);
    Files.writeString(file, text);
    return file;
  }

  @Test
  void anUnknownKeyIsAnErrorNamingFileLineAndKey() throws IOException {
    Path file =
        write(
            "targets.yaml",
            """
            interval: PT30S
            services:
              whatsapp:
                - kind: HTTP
                  url: https://web.whatsapp.com/
                  expect_status: 200
            """);

    assertThatThrownBy(() -> TargetsFile.read(file))
        .hasMessageContaining(file + ": line 6: unknown key \"expect_status\"")
        .hasMessageContaining("expectStatus");
  }

  @Test
  void anUnknownTopLevelKeyAndABadConditionAreErrorsToo() throws IOException {
    Path typo =
        write("typo.yaml", "intervall: PT30S\nservices:\n  x:\n    - {kind: TCP, target: a:1}\n");
    assertThatThrownBy(() -> TargetsFile.read(typo))
        .hasMessageContaining("typo.yaml: line 1: unknown key \"intervall\"");

    Path condition =
        write(
            "cond.yaml",
            """
            services:
              x:
                - {kind: TCP, target: "a:1"}
                - kind: DNS
                  name: x.example
                  conditions: ["[STATUS] == 200"]
            """);
    assertThatThrownBy(() -> TargetsFile.read(condition))
        .hasMessageContaining("cond.yaml: line 4: condition \"[STATUS] == 200\"")
        .hasMessageContaining("applies to [HTTP] checks, not DNS");
  }

  @Test
  void aSyntaxErrorNamesItsLine() throws IOException {
    Path broken = write("broken.json", "{\"services\": {\"x\": [\n  {\"kind\": \"TCP\",, }]}}");
    assertThatThrownBy(() -> TargetsFile.read(broken)).hasMessageContaining("broken.json: line 2:");
  }

  @Test
  void conditionsJudgeRealAnswersAndNameTheOneThatFailed() throws Exception {
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/health",
        exchange -> {
          if (!"probe".equals(exchange.getRequestHeaders().getFirst("X-Probe"))) {
            exchange.sendResponseHeaders(403, -1);
            exchange.close();
            return;
          }
          byte[] body =
              "{\"status\":\"DEGRADED\",\"checks\":[{\"db\":\"UP\"}]}"
                  .getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().add("Content-Type", "application/json");
          exchange.sendResponseHeaders(503, body.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
          }
        });
    server.start();
    try (FakeDnsServer dns = new FakeDnsServer(Map.of("web.whatsapp.com", Answer.ADDRESS))) {
      String base = "http://127.0.0.1:" + server.getAddress().getPort();
      Path file =
          write(
              "targets.yaml",
              """
              services:
                shop:
                  - kind: HTTP
                    url: %s/health
                    headers: {X-Probe: probe}
                    conditions:
                      - "[STATUS] == any(200, 503)"
                      - "[HEADER].Content-Type == application/json"
                      - "[BODY].checks[0].db == UP"
                      - "[BODY].status == UP"
                  - kind: DNS
                    name: web.whatsapp.com
                    resolver: "%s"
                    conditions: ["[DNS_ANSWER] == pat(*.*.*.*)", "[RESPONSE_TIME] < 2000"]
              """
                  .formatted(base, dns.address().getHostString() + ":" + dns.address().getPort()));

      List<ProbeTarget> targets = TargetsFile.read(file).targets();
      CheckOutcome http = targets.get(0).run();
      CheckOutcome lookup = targets.get(1).run();

      assertThat(http.status()).isEqualTo(ProbeStatus.HTTP_UNEXPECTED);
      assertThat(http.failedCondition()).isEqualTo("[BODY].status == UP");
      assertThat(http.httpStatus()).isEqualTo(503);
      assertThat(lookup.status()).as(String.valueOf(lookup.detail())).isEqualTo(ProbeStatus.OK);
      assertThat(lookup.failedCondition()).isNull();
    } finally {
      server.stop(0);
    }
  }
}
