package io.outageradar.detection;

import static io.outageradar.testkit.Probes.at;
import static io.outageradar.testkit.Probes.probe;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.outageradar.avro.ProbeResult;
import io.outageradar.avro.ProbeStatus;
import io.outageradar.avro.ReportCategory;
import io.outageradar.avro.ReportSource;
import io.outageradar.avro.UserReport;
import io.outageradar.detection.InputValidation.InvalidInputException;
import org.junit.jupiter.api.Test;

/** Each rule of {@link InputValidation} on its own; the topology's dead-lettering is in streams. */
class InputValidationTest {
  private static UserReport report(String service, String region) {
    return UserReport.newBuilder()
        .setReportId("r1")
        .setService(service)
        .setRegion(region)
        .setReporterId("u")
        .setSource(ReportSource.APP)
        .setCategory(ReportCategory.MESSAGING)
        .setText("down")
        .setLang("en")
        .setReportedAt(at(1))
        .setSentiment(null)
        .build();
  }

  @Test
  void aRecordAboutWhatItsKeySaysPassesUnchanged() {
    ProbeResult probe = probe("whatsapp", "BR", "a1", ProbeStatus.OK, at(1));
    UserReport report = report("whatsapp", "BR");

    assertThat(InputValidation.probe("whatsapp|BR", probe)).isSameAs(probe);
    assertThat(InputValidation.report("whatsapp|BR", report)).isSameAs(report);
  }

  @Test
  void aKeyThatSaysAnotherRegionIsRefusedNamingBoth() {
    assertThatThrownBy(() -> InputValidation.report("whatsapp|US", report("whatsapp", "BR")))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("report r1 has key whatsapp|US but is about whatsapp|BR");
  }

  @Test
  void aMissingServiceOrRegionIsRefusedNamingWhichIsMissing() {
    assertThatThrownBy(() -> InputValidation.report("whatsapp|", report("whatsapp", "")))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("report r1 names no region");
    assertThatThrownBy(() -> InputValidation.report("|BR", report(" ", "BR")))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("report r1 names no service");
  }

  @Test
  void theKeySeparatorInANameIsRefused() {
    assertThatThrownBy(() -> InputValidation.report("whatsapp|BR|x", report("whatsapp", "BR|x")))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageStartingWith("report r1: ");
  }

  @Test
  void aProbeWithNoAgentOrANegativeLatencyIsRefused() {
    ProbeResult noAgent = probe("whatsapp", "BR", " ", ProbeStatus.OK, at(1));
    ProbeResult negative = probe("whatsapp", "BR", "a1", ProbeStatus.OK, at(1));
    negative.setLatencyMs(-5);

    assertThatThrownBy(() -> InputValidation.probe("whatsapp|BR", noAgent))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageEndingWith("names no agent");
    assertThatThrownBy(() -> InputValidation.probe("whatsapp|BR", negative))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageEndingWith("has a negative latency (-5 ms)");
  }

  @Test
  void aProbeWithNoLatencyIsValid() {
    ProbeResult timeout = probe("whatsapp", "BR", "a1", ProbeStatus.TIMEOUT, at(1));

    assertThat(timeout.getLatencyMs()).isNull();
    assertThat(InputValidation.probe("whatsapp|BR", timeout)).isSameAs(timeout);
  }
}
