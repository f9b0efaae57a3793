package io.outageradar.streams;

import io.outageradar.detection.DetectionConfig;
import io.outageradar.detection.impact.RevenueTable;
import io.outageradar.detection.lifecycle.AlertConfig;
import io.outageradar.detection.reports.ReportDetectionConfig;
import io.outageradar.registry.MockSchemaRegistry;
import io.outageradar.topics.Topics;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

class DetectionTopologyTest {
  private static final String SCOPE = DetectionTopologyTest.class.getName();

  @AfterAll
  static void dropRegistry() {
    MockSchemaRegistry.drop(SCOPE);
  }

  @Test
  void topologyMatchesItsGoldenDescription() throws Exception {
    Topics topics = Topics.create(MockSchemaRegistry.forScope(SCOPE));
    GoldenTopology.assertMatches(
        "detection",
        DetectionDriver.topology(
            topics,
            DetectionConfig.defaults(),
            ReportDetectionConfig.defaults(),
            AlertConfig.defaults(),
            RevenueTable.parse("")));
  }
}
