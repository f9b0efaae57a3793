package io.outageradar.streams;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;

class StreamsPropertiesTest {
  private final StreamsConfig config =
      new StreamsConfig(
          StreamsProperties.of(
              "properties-test", "unused:9092", "dead-letters", Path.of("state"), false));

  @Test
  void streamsChecksItsNewTopicsOftenWhileTheClientsRetryAsTheyWould() {
    assertThat(config.getLong(StreamsConfig.RETRY_BACKOFF_MS_CONFIG)).isEqualTo(10L);
    assertThat(config.getMainConsumerConfigs("group", "client", 0))
        .containsEntry(CommonClientConfigs.RETRY_BACKOFF_MS_CONFIG, 100L);
    assertThat(config.getRestoreConsumerConfigs("client"))
        .containsEntry(CommonClientConfigs.RETRY_BACKOFF_MS_CONFIG, 100L);
    assertThat(config.getGlobalConsumerConfigs("client"))
        .containsEntry(CommonClientConfigs.RETRY_BACKOFF_MS_CONFIG, 100L);
    assertThat(config.getProducerConfigs("client"))
        .containsEntry(CommonClientConfigs.RETRY_BACKOFF_MS_CONFIG, 100L);
    assertThat(config.getAdminConfigs("client"))
        .containsEntry(CommonClientConfigs.RETRY_BACKOFF_MS_CONFIG, 100L);
  }
}
