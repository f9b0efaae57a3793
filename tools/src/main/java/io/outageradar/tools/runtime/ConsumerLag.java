package io.outageradar.tools.runtime;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * How far a consumer group (the pipeline's application id) is behind on some topics: what tells a
 * replay's caller that the pipeline has read everything, whatever the speed of either.
 */
public final class ConsumerLag implements AutoCloseable {
  private final Admin admin;

  public ConsumerLag(String bootstrapServers) {
    Properties props = new Properties();
    props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    this.admin = Admin.create(props);
  }

  /** Records of {@code topics} the group has not committed yet; -1 when that cannot be told now. */
  public long behind(String groupId, Collection<String> topics) {
    try {
      Map<TopicPartition, OffsetAndMetadata> committed =
          admin
              .listConsumerGroupOffsets(groupId)
              .partitionsToOffsetAndMetadata()
              .get(5, TimeUnit.SECONDS);
      Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
      admin
          .describeTopics(topics)
          .allTopicNames()
          .get(5, TimeUnit.SECONDS)
          .forEach(
              (name, description) ->
                  description
                      .partitions()
                      .forEach(
                          p ->
                              latest.put(
                                  new TopicPartition(name, p.partition()), OffsetSpec.latest())));
      long behind = 0;
      for (var end : admin.listOffsets(latest).all().get(5, TimeUnit.SECONDS).entrySet()) {
        OffsetAndMetadata at = committed.get(end.getKey());
        behind += end.getValue().offset() - (at == null ? 0 : at.offset());
      }
      return behind;
    } catch (ExecutionException | TimeoutException e) {
      return -1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return -1;
    }
  }

  @Override
  public void close() {
    admin.close();
  }
}
