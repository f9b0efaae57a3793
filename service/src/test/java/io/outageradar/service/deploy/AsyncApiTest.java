package io.outageradar.service.deploy;

import static io.outageradar.service.deploy.DeployFiles.ROOT;
import static io.outageradar.service.deploy.DeployFiles.map;
import static org.assertj.core.api.Assertions.assertThat;

import io.outageradar.registry.MockSchemaRegistry;
import io.outageradar.serde.AvroSerde;
import io.outageradar.topics.Topic;
import io.outageradar.topics.Topics;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * deploy/asyncapi.yaml against the topic catalog: same topics, partitions, retention, cleanup and
 * value schemas.
 */
class AsyncApiTest {
  private static final String SCOPE = AsyncApiTest.class.getName();
  private static final String IMPACT_CHANNEL = "impact.{region}";
  private final Topics topics = Topics.create(MockSchemaRegistry.forScope(SCOPE));

  @AfterAll
  static void drop() {
    MockSchemaRegistry.drop(SCOPE);
  }

  private Map<String, Map<String, Object>> channelsByAddress() throws IOException {
    Map<String, Object> doc = DeployFiles.yaml("deploy/asyncapi.yaml");
    assertThat(doc.get("asyncapi").toString()).startsWith("3.");
    Map<String, Map<String, Object>> byAddress = new HashMap<>();
    map(doc.get("channels"))
        .forEach(
            (id, channel) -> byAddress.put(map(channel).get("address").toString(), map(channel)));
    return byAddress;
  }

  @Test
  @SuppressWarnings("unchecked")
  void everyCatalogTopicIsDescribedAsTheCatalogDefinesIt() throws IOException {
    Map<String, Map<String, Object>> channels = channelsByAddress();
    Map<String, Object> messages =
        map(map(DeployFiles.yaml("deploy/asyncapi.yaml").get("components")).get("messages"));
    for (Topic<?, ?> topic : topics.all()) {
      boolean perRegion = topic.name().startsWith("impact.");
      Map<String, Object> channel = channels.get(perRegion ? IMPACT_CHANNEL : topic.name());
      assertThat(channel).as("channel for " + topic.name()).isNotNull();
      if (perRegion) {
        List<Object> regions =
            (List<Object>) map(map(channel.get("parameters")).get("region")).get("enum");
        assertThat(regions).as(topic.name()).contains(topic.name().substring("impact.".length()));
      }
      Map<String, Object> kafka = map(map(channel.get("bindings")).get("kafka"));
      assertThat(kafka.get("partitions"))
          .as(topic.name() + " partitions")
          .isEqualTo(topic.partitions());
      Map<String, Object> config = map(kafka.get("topicConfiguration"));
      assertThat((List<Object>) config.get("cleanup.policy"))
          .as(topic.name() + " cleanup")
          .containsExactly(topic.compacted() ? "compact" : "delete");
      Object retention = config.get("retention.ms");
      if (topic.retention() == null) {
        assertThat(retention).as(topic.name() + " keeps records forever").isNull();
      } else {
        assertThat(((Number) retention).longValue())
            .as(topic.name() + " retention")
            .isEqualTo(topic.retention().toMillis());
      }
      String messageName = map(channel.get("messages")).keySet().iterator().next();
      Map<String, Object> payload = map(map(messages.get(messageName)).get("payload"));
      if (topic.valueSerde() instanceof AvroSerde<?> avro) {
        String ref = map(payload.get("schema")).get("$ref").toString();
        assertThat(ref)
            .as(topic.name() + " value schema")
            .endsWith("/" + avro.type().getSimpleName() + ".avsc");
        assertThat(ROOT.resolve("deploy").resolve(ref).normalize()).exists();
      } else {
        assertThat(payload.get("format"))
            .as(topic.name() + " carries raw bytes")
            .isEqualTo("binary");
      }
    }
  }

  @Test
  void noChannelDescribesATopicTheCatalogDoesNotHave() throws IOException {
    Set<String> catalog =
        topics.all().stream()
            .map(Topic::name)
            .map(name -> name.startsWith("impact.") ? IMPACT_CHANNEL : name)
            .collect(Collectors.toSet());
    assertThat(channelsByAddress().keySet()).containsExactlyInAnyOrderElementsOf(catalog);
  }
}
