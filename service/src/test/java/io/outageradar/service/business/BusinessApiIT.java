package io.outageradar.service.business;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import io.outageradar.avro.Business;
import io.outageradar.pager.business.BusinessDirectory;
import io.outageradar.producers.business.BusinessPublisher;
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
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The business API on a real broker: only the admin key opens it; a profile is taken whole or
 * refused with its field; what was put can be read back and deleted; odd paths answer as unknown
 * ids do, and nothing answers 5xx.
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

  @AfterEach
  void stop() {
    if (server != null) {
      server.stop(0);
    }
    MockSchemaRegistry.drop(scope);
  }

  @Test
  void putGetDeleteWithTheAdminKeyOnly(KafkaTestContext kafka) throws Exception {
    Topics topics =
        Topics.withPrefix(kafka.topicPrefix(), RegistryOptions.of("mock://" + scope).connect());
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", kafka.bootstrapServers()))) {
      TopicCreator.ensure(admin, List.of(topics.businesses, topics.outages), (short) 1);
    }
    KafkaClients clients = KafkaClients.plain(kafka.bootstrapServers());
    try (BusinessDirectory directory =
        new BusinessDirectory(clients, topics.businesses, topics.outages).start()) {
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
              }));
      server.start();

      assertThat(call("PUT", "loja-da-ana", null, ANA).statusCode()).isEqualTo(401);
      assertThat(call("PUT", "loja-da-ana", "wrong", ANA).statusCode()).isEqualTo(401);

      HttpResponse<String> created = call("PUT", "loja-da-ana", KEY, ANA);
      assertThat(created.statusCode()).isEqualTo(201);
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

  private HttpResponse<String> call(String method, String id, String key, String body)
      throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(
                URI.create(
                    "http://127.0.0.1:" + server.getAddress().getPort() + BusinessApi.PATH + id))
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    if (key != null) {
      request.header("X-Admin-Key", key);
    }
    HttpResponse<String> answer = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    assertThat(answer.statusCode()).as(method + " " + id).isLessThan(500);
    return answer;
  }
}
