package io.outageradar.streams;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;

class StreamsPropertiesTest {
  private static final String BACKOFF = CommonClientConfigs.RETRY_BACKOFF_MS_CONFIG;
  private static final long CLIENT_DEFAULT = 100L;

  private final StreamsConfig config =
      new StreamsConfig(
          StreamsProperties.of(
              "properties-test", "unused:9092", "dead-letters", Path.of("state"), false));

  @Test
  void theAssignorChecksItsNewTopicsOftenWhileTheOtherClientsRetryAsTheyWould() {
    // the assignor builds its Streams settings (and its topic manager's back-off) from these
    Map<String, Object> mainConsumer = config.getMainConsumerConfigs("group", "client", 0);
    assertThat(new StreamsConfig(mainConsumer).getLong(StreamsConfig.RETRY_BACKOFF_MS_CONFIG))
        .isEqualTo(StreamsProperties.TOPIC_CHECK_BACKOFF_MS);
    for (Map<String, Object> client :
        List.of(
            config.getRestoreConsumerConfigs("client"),
            config.getGlobalConsumerConfigs("client"),
            config.getProducerConfigs("client"),
            config.getAdminConfigs("client"))) {
      assertThat(client.getOrDefault(BACKOFF, CLIENT_DEFAULT)).isEqualTo(CLIENT_DEFAULT);
    }
  }
}
