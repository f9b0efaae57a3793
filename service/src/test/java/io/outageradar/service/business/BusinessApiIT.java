package io.outageradar.service.business;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import io.outageradar.avro.Business;
import io.outageradar.avro.BusinessKey;
import io.outageradar.avro.BusinessNotice;
import io.outageradar.avro.CauseHint;
import io.outageradar.avro.NoticeAction;
import io.outageradar.avro.OutageEvent;
import io.outageradar.avro.OutageScope;
import io.outageradar.avro.OutageState;
import io.outageradar.pager.business.BusinessDirectory;
import io.outageradar.producers.business.BusinessPublisher;
import io.outageradar.producers.intake.TokenBucket;
import io.outageradar.registry.MockSchemaRegistry;
import io.outageradar.registry.RegistryOptions;
import io.outageradar.testkit.EmbeddedKafkaExtension;
import io.outageradar.testkit.EmbeddedKafkaExtension.KafkaTestContext;
import io.outageradar.topics.KafkaClients;
import io.outageradar.topics.TopicCreator;
import io.outageradar.topics.Topics;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The business API on a real broker: the admin key opens it all, a business's own key only its own
 * profile and key; a profile is taken whole or refused with its field; what was put can be read
 * back and deleted; another business's key, a revoked or a made-up one, and odd paths answer as
 * unknown ids do, and nothing answers 5xx.
 */
@ExtendWith(EmbeddedKafkaExtension.class)
class BusinessApiIT {
  private static final String KEY = "admin-key-for-tests";
  private static final String ANA =
      """
      {"id": "loja-da-ana", "name": "Loja da Ana", "currency": "BRL", "timeZone": "America/Sao_Paulo",
       "languages": ["pt-BR"], "contacts": [{"kind": "email", "address": "ana@example.com"}],
       "channels": [{"id": "wa-sales", "role": "sales", "service": "whatsapp", "regions": ["BR"],
                     "revenuePerHour": {"amount": "250.00", "currency": "BRL"}}]}
      """;

  private final String scope = "business-api-it-" + UUID.randomUUID();
  private final HttpClient http = HttpClient.newHttpClient();
  private HttpServer server;
  private Topics topics;
  private KafkaClients clients;

  @AfterEach
  void stop() {
    if (server != null) {
      server.stop(0);
    }
    MockSchemaRegistry.drop(scope);
  }

  /** The API on a real broker, failed authentications limited to {@code failureBurst}. */
  private BusinessDirectory start(KafkaTestContext kafka, double failureBurst) throws Exception {
    Topics topics =
        Topics.withPrefix(kafka.topicPrefix(), RegistryOptions.of("mock://" + scope).connect());
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", kafka.bootstrapServers()))) {
      TopicCreator.ensure(
          admin,
          List.of(
              topics.businesses,
              topics.outages,
              topics.businessKeys,
              topics.businessImpact,
              topics.businessNotices,
              topics.reportHealth),
          (short) 1);
    }
    KafkaClients clients = KafkaClients.plain(kafka.bootstrapServers());
    BusinessDirectory directory =
        new BusinessDirectory(clients, topics.businesses, topics.outages)
            .withKeys(topics.businessKeys)
            .withImpacts(topics.businessImpact)
            .withHistory(topics.businessNotices, topics.reportHealth)
            .start();
    this.topics = topics;
    this.clients = clients;
    assertThat(directory.awaitLoaded(Duration.ofSeconds(30))).isTrue();
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        BusinessApi.PATH,
        new BusinessApi(
            Set.of(KEY),
            Set.of("whatsapp", "instagram"),
            directory,
            new BusinessApi.Store() {
              @Override
              public void put(Business business) {
                BusinessPublisher.publish(clients, topics.businesses, List.of(business));
              }

              @Override
              public void delete(String businessId) {
                BusinessPublisher.delete(clients, topics.businesses, businessId);
              }

              @Override
              public void putKey(BusinessKey key) {
                BusinessPublisher.put(clients, topics.businessKeys, key.getBusinessId(), key);
              }

              @Override
              public void deleteKey(String businessId) {
                BusinessPublisher.put(clients, topics.businessKeys, businessId, null);
              }
            },
            Clock.systemUTC(),
            new TokenBucket(failureBurst, failureBurst, System::nanoTime)));
    server.start();
    return directory;
  }

  @Test
  void putGetDeleteWithTheAdminKeyOnly(KafkaTestContext kafka) throws Exception {
    try (BusinessDirectory directory = start(kafka, 5)) {
      assertThat(call("PUT", "loja-da-ana", Map.of(), ANA).statusCode()).isEqualTo(401);
      assertThat(call("PUT", "loja-da-ana", "wrong", ANA).statusCode()).isEqualTo(401);

      HttpResponse<String> created = call("PUT", "loja-da-ana", KEY, ANA);
      assertThat(created.statusCode()).isEqualTo(201);
      assertThat(created.body()).as("the business's key, shown once").contains("\"apiKey\":\"orb_");
      await()
          .atMost(Duration.ofSeconds(30))
          .until(() -> call("GET", "loja-da-ana", KEY, null).statusCode() == 200);
      assertThat(call("GET", "loja-da-ana", KEY, null).body())
          .contains("\"amount\":\"250.00\"")
          .contains("ana@example.com");
      assertThat(call("PUT", "loja-da-ana", KEY, ANA.replace("250.00", "300.00")).statusCode())
          .isEqualTo(200);

      HttpResponse<String> bad =
          call("PUT", "loja-da-ana", KEY, ANA.replace("[\"BR\"]", "[\"XX\"]"));
      assertThat(bad.statusCode()).isEqualTo(400);
      assertThat(bad.body())
          .contains("channels[0].regions: 'XX' is not an ISO 3166-1 alpha-2 region");
      assertThat(call("PUT", "outra-loja", KEY, ANA).statusCode())
          .as("the path's id and the profile's differ")
          .isEqualTo(400);
      assertThat(call("PUT", "loja-da-ana", KEY, "{not json").statusCode()).isEqualTo(400);

      for (String odd :
          List.of("LOJA-DA-ANA", "..%2Floja-da-ana", "loja-da-ana%2F", "loja-da-ana.", "%00", "")) {
        HttpResponse<String> answer = call("GET", odd, KEY, null);
        assertThat(answer.statusCode()).as(odd).isEqualTo(404);
      }
      assertThat(call("GET", "nobody", KEY, null).statusCode()).isEqualTo(404);
      assertThat(call("POST", "loja-da-ana", KEY, ANA).statusCode()).isEqualTo(405);

      assertThat(call("DELETE", "loja-da-ana", KEY, null).statusCode()).isEqualTo(204);
      await()
          .atMost(Duration.ofSeconds(30))
          .until(() -> call("GET", "loja-da-ana", KEY, null).statusCode() == 404);
    }
  }

  @Test
  void aBusinessKeyOpensItsOwnProfileOnlyAndOthersLookUnknown(KafkaTestContext kafka)
      throws Exception {
    try (BusinessDirectory directory = start(kafka, 1_000)) {
      String ana = apiKey(call("PUT", "loja-da-ana", KEY, ANA));
      String bia =
          apiKey(call("PUT", "loja-da-bia", KEY, ANA.replace("loja-da-ana", "loja-da-bia")));
      await()
          .atMost(Duration.ofSeconds(30))
          .until(() -> call("GET", "loja-da-bia", bearer(bia), null).statusCode() == 200);
      await()
          .atMost(Duration.ofSeconds(30))
          .until(() -> call("GET", "loja-da-ana", bearer(ana), null).statusCode() == 200);

      // the business with its own key: read, change, not delete itself
      assertThat(call("GET", "loja-da-ana", bearer(ana), null).body()).contains("Loja da Ana");
      assertThat(
              call("PUT", "loja-da-ana", bearer(ana), ANA.replace("250.00", "260.00")).statusCode())
          .isEqualTo(200);
      assertThat(call("DELETE", "loja-da-ana", bearer(ana), null).statusCode()).isEqualTo(405);
      assertThat(call("GET", "loja-da-ana/impact", bearer(ana), null).body())
          .as("nothing hurts it now")
          .isEqualTo("{\"id\":\"loja-da-ana\",\"channelsDown\":[],\"loss\":[]}");

      // every way in with the wrong credentials, on every endpoint, answers as an unknown id does
      HttpResponse<String> unknown = call("GET", "nobody-here", bearer(ana), null);
      assertThat(unknown.statusCode()).isEqualTo(404);
      Map<String, Map<String, String>> wrong =
          Map.of(
              "another business's key", bearer(bia),
              "a made-up key", bearer("orb_" + "A".repeat(43)),
              "an empty bearer", Map.of("Authorization", "Bearer "),
              "a basic credential", Map.of("Authorization", "Basic YW5hOmFuYQ=="));
      List<String[]> endpoints =
          List.of(
              new String[] {"GET", "loja-da-ana"},
              new String[] {"GET", "loja-da-ana/impact"},
              new String[] {"GET", "loja-da-ana/report"},
              new String[] {"PUT", "loja-da-ana"},
              new String[] {"DELETE", "loja-da-ana"},
              new String[] {"POST", "loja-da-ana/key"},
              new String[] {"DELETE", "loja-da-ana/key"});
      for (Map.Entry<String, Map<String, String>> credential : wrong.entrySet()) {
        for (String[] endpoint : endpoints) {
          HttpResponse<String> answer =
              call(
                  endpoint[0],
                  endpoint[1],
                  credential.getValue(),
                  endpoint[0].equals("PUT") ? ANA : null);
          assertThat(answer.statusCode())
              .as(credential.getKey() + " on " + endpoint[0] + " " + endpoint[1])
              .isEqualTo(404);
          assertThat(answer.body()).isEqualTo(unknown.body());
        }
        for (String odd :
            List.of(
                "LOJA-DA-ANA",
                "..%2Floja-da-ana",
                "loja-da-ana%2F",
                "loja-da-ana.",
                "loja-da-bia/../loja-da-ana")) {
          assertThat(call("GET", odd, credential.getValue(), null).statusCode())
              .as(odd)
              .isEqualTo(404);
        }
      }
      for (String[] endpoint : endpoints) {
        assertThat(call(endpoint[0], endpoint[1], Map.of(), null).statusCode())
            .as("no key on " + endpoint[0] + " " + endpoint[1])
            .isEqualTo(401);
      }
      assertThat(call("GET", "loja-da-ana", bearer(ana), null).body())
          .as("nothing the others tried changed Ana's profile")
          .contains("260.00");

      // rotation: the new key opens, the old one no longer does
      String rotated = apiKey(call("POST", "loja-da-ana/key", bearer(ana), null));
      await()
          .atMost(Duration.ofSeconds(30))
          .until(() -> call("GET", "loja-da-ana", bearer(ana), null).statusCode() == 404);
      assertThat(call("GET", "loja-da-ana", bearer(rotated), null).statusCode()).isEqualTo(200);

      // revocation: the key opens nothing any more, as if it never existed
      assertThat(call("DELETE", "loja-da-ana/key", bearer(rotated), null).statusCode())
          .isEqualTo(204);
      await()
          .atMost(Duration.ofSeconds(30))
          .until(() -> call("GET", "loja-da-ana", bearer(rotated), null).statusCode() == 404);
      assertThat(call("GET", "loja-da-ana", bearer(rotated), null).body())
          .isEqualTo(unknown.body());
      assertThat(call("GET", "loja-da-ana", KEY, null).statusCode())
          .as("the administrator still sees it")
          .isEqualTo(200);
    }
  }

  @Test
  void aBusinessReadsItsOwnIncidentReportAsJsonMarkdownOrHtml(KafkaTestContext kafka)
      throws Exception {
    try (BusinessDirectory directory = start(kafka, 1_000)) {
      String ana = apiKey(call("PUT", "loja-da-ana", KEY, ANA));
      String bia =
          apiKey(call("PUT", "loja-da-bia", KEY, ANA.replace("loja-da-ana", "loja-da-bia")));
      Instant onset = Instant.parse("2021-10-04T15:40:00Z");
      Instant resolved = onset.plus(Duration.ofHours(6));
      for (OutageState state : List.of(OutageState.CONFIRMED, OutageState.RESOLVED)) {
        Instant at = state == OutageState.RESOLVED ? resolved : onset.plusSeconds(90);
        BusinessPublisher.put(
            clients,
            topics.outages,
            "whatsapp-global-1",
            OutageEvent.newBuilder()
                .setOutageId("whatsapp-global-1")
                .setService("whatsapp")
                .setScope(OutageScope.GLOBAL)
                .setRegions(List.of("BR", "US"))
                .setState(state)
                .setOnset(onset)
                .setConfirmedAt(onset.plusSeconds(90))
                .setResolvedAt(state == OutageState.RESOLVED ? resolved : null)
                .setCause(CauseHint.DNS)
                .setNotifiedAt(onset.plusSeconds(90))
                .setUpdatedAt(at)
                .build());
        BusinessPublisher.put(
            clients,
            topics.businessNotices,
            "loja-da-ana",
            BusinessNotice.newBuilder()
                .setBusinessId("loja-da-ana")
                .setOutageId("whatsapp-global-1")
                .setDedupKey("loja-da-ana|whatsapp-global-1")
                .setAction(
                    state == OutageState.RESOLVED ? NoticeAction.RESOLVE : NoticeAction.TRIGGER)
                .setAt(at)
                .setService("whatsapp")
                .setRegions(List.of("BR"))
                .setChannels(List.of("wa-sales"))
                .setSince(onset)
                .setDurationMs(null)
                .setLoss(List.of())
                .build());
      }
      await()
          .atMost(Duration.ofSeconds(30))
          .until(
              () ->
                  call("GET", "loja-da-ana/report", bearer(ana), null).body().contains("RESOLVE"));

      HttpResponse<String> json = call("GET", "loja-da-ana/report", bearer(ana), null);
      assertThat(json.headers().firstValue("Content-Type")).hasValue("application/json");
      assertThat(json.body())
          .contains("\"outageId\":\"whatsapp-global-1\"")
          .contains("\"minutesDown\":360")
          // 250.00 BRL an hour for six hours
          .contains("{\"amountMinor\":150000,\"currency\":\"BRL\"}");
      HttpResponse<String> markdown =
          call("GET", "loja-da-ana/report?format=md", bearer(ana), null);
      assertThat(markdown.body())
          .startsWith("# O que as quedas custaram a Loja da Ana")
          .contains("| vendas (WhatsApp) |");
      HttpResponse<String> html = call("GET", "loja-da-ana/report?format=html", bearer(ana), null);
      assertThat(html.headers().firstValue("Content-Type")).hasValue("text/html; charset=utf-8");
      assertThat(html.body()).contains("<h1>O que as quedas custaram a Loja da Ana</h1>");
      assertThat(call("GET", "loja-da-ana/report?format=pdf", bearer(ana), null).statusCode())
          .isEqualTo(400);
      assertThat(call("GET", "loja-da-ana/report?outage=another", bearer(ana), null).body())
          .contains("\"incidents\":[]");

      assertThat(call("GET", "loja-da-bia/report", bearer(bia), null).body())
          .as("Bia was told of nothing: none of Ana's incidents")
          .contains("\"incidents\":[]")
          .doesNotContain("whatsapp-global-1");
      assertThat(call("GET", "loja-da-ana/report", bearer(bia), null).statusCode()).isEqualTo(404);
    }
  }

  @Test
  void wrongKeysFromOneAddressAreSlowedDownWhateverTheyTry(KafkaTestContext kafka)
      throws Exception {
    try (BusinessDirectory directory = start(kafka, 3)) {
      assertThat(call("PUT", "loja-da-ana", KEY, ANA).statusCode()).isEqualTo(201);
      List<Map<String, String>> wrong =
          List.of(Map.of("X-Admin-Key", "wrong"), bearer("orb_" + "B".repeat(43)), bearer("x"));
      for (Map<String, String> credential : wrong) {
        assertThat(call("GET", "loja-da-ana", credential, null).statusCode()).isIn(401, 404);
      }

      HttpResponse<String> slowed = call("GET", "loja-da-ana", KEY, null);
      assertThat(slowed.statusCode())
          .as("three failures spent the address's attempts: even the right key waits")
          .isEqualTo(429);
      assertThat(slowed.headers().firstValue("Retry-After")).isPresent();
      assertThat(call("GET", "loja-da-ana/report", bearer("y"), null).statusCode()).isEqualTo(429);
    }
  }

  private static Map<String, String> bearer(String key) {
    return Map.of("Authorization", "Bearer " + key);
  }

  private static String apiKey(HttpResponse<String> answer) throws Exception {
    assertThat(answer.statusCode()).isIn(200, 201);
    return new com.fasterxml.jackson.databind.ObjectMapper()
        .readTree(answer.body())
        .get("apiKey")
        .asText();
  }

  private HttpResponse<String> call(String method, String id, String key, String body)
      throws Exception {
    return call(method, id, key == null ? Map.of() : Map.of("X-Admin-Key", key), body);
  }

  private HttpResponse<String> call(
      String method, String path, Map<String, String> headers, String body) throws Exception {
    String id = path;
    HttpRequest.Builder request =
        HttpRequest.newBuilder(
                URI.create(
                    "http://127.0.0.1:" + server.getAddress().getPort() + BusinessApi.PATH + id))
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    headers.forEach(request::header);
    HttpResponse<String> answer = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    assertThat(answer.statusCode()).as(method + " " + id).isLessThan(500);
    return answer;
  }
}
