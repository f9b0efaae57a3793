package io.outageradar.service.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.outageradar.avro.CheckKind;
import io.outageradar.avro.ProbeResult;
import io.outageradar.avro.ProbeStatus;
import io.outageradar.detection.DetectionConfig;
import io.outageradar.registry.MockSchemaRegistry;
import io.outageradar.registry.RegistryOptions;
import io.outageradar.service.runtime.Pipeline;
import io.outageradar.testkit.EmbeddedKafkaExtension;
import io.outageradar.testkit.EmbeddedKafkaExtension.KafkaTestContext;
import io.outageradar.testkit.FreePorts;
import io.outageradar.topics.InputProducers;
import io.outageradar.topics.Topics;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.streams.state.HostInfo;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Two instances of the app on one cluster: either one answers for every key. */
@ExtendWith(EmbeddedKafkaExtension.class)
class QueryApiIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Instant T0 = Instant.parse("2021-10-04T15:30:00Z");
  private static final List<String> SERVICES =
      List.of("whatsapp", "instagram", "facebook", "messenger", "pix", "stripe");
  private static final DetectionConfig DETECTION =
      DetectionConfig.builder().idleAdvanceAfter(Duration.ofSeconds(2)).build();

  @TempDir Path stateDir;
  private final String scope = "query-it-" + UUID.randomUUID();
  private final List<Pipeline> instances = new ArrayList<>();
  private final HttpClient http = HttpClient.newHttpClient();

  @AfterEach
  void stop() {
    instances.forEach(Pipeline::close);
    MockSchemaRegistry.drop(scope);
  }

  private HostInfo start(KafkaTestContext kafka, Topics topics, String name) throws IOException {
    HostInfo host = new HostInfo("127.0.0.1", FreePorts.any());
    instances.add(
        Pipeline.start(
            Pipeline.Settings.builder(
                    kafka.bootstrapServers(), kafka.uniqueName(), topics, stateDir.resolve(name))
                .detection(DETECTION)
                .queryServer(host)
                .build(),
            Duration.ofSeconds(60)));
    return host;
  }

  @Test
  void eitherInstanceAnswersForEveryServiceAndUnknownOnesAre404(KafkaTestContext kafka)
      throws Exception {
    Topics topics =
        Topics.withPrefix(kafka.topicPrefix(), RegistryOptions.of("mock://" + scope).connect());
    HostInfo first = start(kafka, topics, "a");
    HostInfo second = start(kafka, topics, "b");
    publishFailuresInBrazil(kafka, topics);

    await()
        .atMost(Duration.ofSeconds(90))
        .ignoreExceptions()
        .untilAsserted(
            () -> {
              JsonNode all = get(first, "/status").body;
              assertThat(all.get("services")).hasSize(SERVICES.size());
              assertThat(get(second, "/outages?since=2021-10-04T00:00:00Z").body.get("outages"))
                  .hasSize(SERVICES.size());
            });
    int localToFirst = get(first, "/status?scope=local").body.get("services").size();
    int localToSecond = get(second, "/status?scope=local").body.get("services").size();
    assertThat(localToFirst).as("the services are split between the instances").isPositive();
    assertThat(localToSecond).isPositive();
    assertThat(localToFirst + localToSecond).isEqualTo(SERVICES.size());

    for (String service : SERVICES) {
      for (HostInfo host : List.of(first, second)) {
        Answer answer = get(host, "/status/" + service);
        assertThat(answer.status).as(service + " from " + host).isEqualTo(200);
        assertThat(answer.body.get("service").asText()).isEqualTo(service);
        assertThat(answer.body.get("regions").get("BR").asText()).isEqualTo("CONFIRMED");
        double uptime = answer.body.get("uptime").get("BR").get("24h").asDouble();
        assertThat(uptime).as("BR has been down for some of its windows").isBetween(0.0, 99.99);
        assertThat(answer.body.get("openOutages").get(0).get("id").asText())
            .isEqualTo(service + "-BR-20211004T153000Z");
      }
    }
    Answer unknown = get(second, "/status/myspace");
    assertThat(unknown.status).isEqualTo(404);
    assertThat(unknown.body.get("error").asText()).isEqualTo("unknown service myspace");
    assertThat(get(first, "/outages?since=yesterday").status).isEqualTo(400);
  }

  private static void publishFailuresInBrazil(KafkaTestContext kafka, Topics topics) {
    try (KafkaProducer<String, ProbeResult> producer =
        new KafkaProducer<>(
            InputProducers.properties(kafka.bootstrapServers()),
            topics.probeResults.keySerde().serializer(),
            topics.probeResults.valueSerde().serializer())) {
      for (int second = 0; second < 150; second += 10) {
        for (String service : SERVICES) {
          for (String agent : List.of("br-sao-1", "br-sao-2", "br-sao-3")) {
            ProbeResult probe =
                ProbeResult.newBuilder()
                    .setProbeId(UUID.randomUUID().toString())
                    .setService(service)
                    .setRegion("BR")
                    .setAgent(agent)
                    .setKind(CheckKind.DNS)
                    .setTarget(service + ".example")
                    .setStatus(ProbeStatus.DNS_SERVFAIL)
                    .setLatencyMs(null)
                    .setObservedAt(T0.plusSeconds(second))
                    .setHttpStatus(null)
                    .setCertDaysToExpiry(null)
                    .setDetail(null)
                    .build();
            producer.send(
                new ProducerRecord<>(
                    topics.probeResults.name(),
                    null,
                    probe.getObservedAt().toEpochMilli(),
                    service + "|BR",
                    probe));
          }
        }
      }
    }
  }

  private record Answer(int status, JsonNode body) {}

  private Answer get(HostInfo host, String path) throws Exception {
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + host.port() + path))
                .GET()
                .build(),
            HttpResponse.BodyHandlers.ofString());
    return new Answer(response.statusCode(), JSON.readTree(response.body()));
  }
}
