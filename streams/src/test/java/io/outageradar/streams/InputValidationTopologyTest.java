package io.outageradar.streams;

import static io.outageradar.testkit.Probes.at;
import static io.outageradar.testkit.Probes.probe;
import static org.assertj.core.api.Assertions.assertThat;

import io.outageradar.avro.ProbeResult;
import io.outageradar.avro.ProbeStatus;
import io.outageradar.avro.ReportCategory;
import io.outageradar.avro.ReportSource;
import io.outageradar.avro.UserReport;
import io.outageradar.registry.MockSchemaRegistry;
import io.outageradar.topics.Topics;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Inputs that cannot be attributed to one (service, region) go to the dead letters and count
 * nowhere.
 */
class InputValidationTopologyTest {
  private static final String SCOPE = InputValidationTopologyTest.class.getName();

  @TempDir Path stateDir;

  @AfterAll
  static void dropRegistry() {
    MockSchemaRegistry.drop(SCOPE);
  }

  private static UserReport report(String service, String region, Instant at) {
    return UserReport.newBuilder()
        .setReportId("r-" + region + at.getEpochSecond())
        .setService(service)
        .setRegion(region)
        .setReporterId("u")
        .setSource(ReportSource.APP)
        .setCategory(ReportCategory.MESSAGING)
        .setText("down")
        .setLang("en")
        .setReportedAt(at)
        .setSentiment(null)
        .build();
  }

  @Test
  void badProbesAndReportsAreDeadLetteredAndGoodOnesStillCount() {
    try (DetectionDriver driver =
        new DetectionDriver(Topics.create(MockSchemaRegistry.forScope(SCOPE)), stateDir)) {
      ProbeResult negative = probe("whatsapp", "BR", "a1", ProbeStatus.OK, at(1));
      negative.setLatencyMs(-5);
      driver.probe(negative);
      driver.probe(
          "whatsapp|US", probe("whatsapp", "BR", "a2", ProbeStatus.TIMEOUT, at(2))); // key says US
      driver.report(report("whatsapp", "", at(3))); // no region
      driver.report("whatsapp|BR|x", report("whatsapp", "BR|x", at(4))); // '|' in the region
      driver.report("whatsapp|US", report("whatsapp", "BR", at(5))); // key says US
      assertThat(driver.deadLetters()).isEqualTo(5);

      driver.probe(probe("whatsapp", "BR", "a1", ProbeStatus.OK, at(6)));
      driver.report(report("whatsapp", "BR", at(7)));
      driver.goQuiet();

      assertThat(driver.deadLetters()).as("the good ones are not dead-lettered").isEqualTo(5);
      assertThat(driver.regionHealth())
          .singleElement()
          .satisfies(
              window -> {
                assertThat(window.getRegion()).isEqualTo("BR");
                assertThat(window.getAgents()).as("only the good probe's agent").isEqualTo(1);
              });
      assertThat(driver.reportHealth())
          .singleElement()
          .satisfies(minute -> assertThat(minute.getReports()).isEqualTo(1));
    }
  }
}
