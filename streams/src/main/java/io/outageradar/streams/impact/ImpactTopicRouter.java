package io.outageradar.streams.impact;

import io.outageradar.avro.RegionImpact;
import io.outageradar.topics.Topics;
import org.apache.kafka.streams.processor.RecordContext;
import org.apache.kafka.streams.processor.TopicNameExtractor;

/** Routes a region's impact to that region's own topic, {@code impact.<region>}. */
final class ImpactTopicRouter implements TopicNameExtractor<String, RegionImpact> {
  private final Topics topics;

  ImpactTopicRouter(Topics topics) {
    this.topics = topics;
  }

  @Override
  public String extract(String region, RegionImpact impact, RecordContext context) {
    return topics.impactTopicName(region);
  }

  /** Stable, so the golden topology description does not change from run to run. */
  @Override
  public String toString() {
    return "ImpactTopicRouter(" + topics.impactTopicName("<region>") + ")";
  }
}
