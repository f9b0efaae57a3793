package io.outageradar.tools.backtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.outageradar.avro.CheckKind;
import io.outageradar.avro.ProbeResult;
import io.outageradar.avro.ProbeStatus;
import io.outageradar.avro.ReportCategory;
import io.outageradar.avro.ReportSource;
import io.outageradar.avro.UserReport;
import io.outageradar.avro.VendorState;
import io.outageradar.avro.VendorStatus;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class EventLineTest {
  @Test
  void parsesTheDocumentedProbeLine() throws Exception {
    ProbeResult probe =
        (ProbeResult)
            EventLine.parse(
                "{\"type\":\"probe\",\"timestamp\":\"2021-10-04T15:40:00Z\","
                    + "\"service\":\"whatsapp\",\"region\":\"BR\",\"agent\":\"br-sao-1\",\"check\":\"DNS\",\"target\":\"whatsapp.net\","
                    + "\"status\":\"DNS_SERVFAIL\",\"latencyMs\":5000}");

    assertThat(probe.getObservedAt()).isEqualTo(Instant.parse("2021-10-04T15:40:00Z"));
    assertThat(probe.getKind()).isEqualTo(CheckKind.DNS);
    assertThat(probe.getStatus()).isEqualTo(ProbeStatus.DNS_SERVFAIL);
    assertThat(probe.getLatencyMs()).isEqualTo(5000);
    assertThat(probe.getAgent()).isEqualTo("br-sao-1");
  }

  @Test
  void parsesTheDocumentedReportLine() throws Exception {
    UserReport report =
        (UserReport)
            EventLine.parse(
                "{\"type\":\"report\",\"timestamp\":\"2021-10-04T15:41:07Z\","
                    + "\"service\":\"whatsapp\",\"region\":\"BR\",\"reporter\":\"u-81f3\",\"category\":\"MESSAGING\","
                    + "\"text\":\"whatsapp not sending messages!!\",\"source\":\"WEB\"}");

    assertThat(report.getReporterId()).isEqualTo("u-81f3");
    assertThat(report.getCategory()).isEqualTo(ReportCategory.MESSAGING);
    assertThat(report.getSource()).isEqualTo(ReportSource.WEB);
    assertThat(report.getText()).isEqualTo("whatsapp not sending messages!!");
  }

  @Test
  void parsesTheDocumentedVendorLine() throws Exception {
    VendorStatus status =
        (VendorStatus)
            EventLine.parse(
                "{\"type\":\"vendor\",\"timestamp\":\"2021-10-04T15:58:10Z\","
                    + "\"service\":\"whatsapp\",\"region\":\"*\",\"vendor\":\"meta\","
                    + "\"component\":\"WhatsApp Messaging\",\"state\":\"MAJOR_OUTAGE\","
                    + "\"incident\":\"Users unable to send messages\","
                    + "\"url\":\"https://metastatus.example/incidents/1\"}");

    assertThat(status.getObservedAt()).isEqualTo(Instant.parse("2021-10-04T15:58:10Z"));
    assertThat(status.getState()).isEqualTo(VendorState.MAJOR_OUTAGE);
    assertThat(status.getRegion()).isEqualTo("*");
    assertThat(status.getIncident()).isEqualTo("Users unable to send messages");
    assertThat(status.getStatusId()).as("made up when not given").isNotBlank();
    assertThat(EventLine.parse(EventLine.format(status))).isEqualTo(status);
    assertThatThrownBy(
            () ->
                EventLine.parse(
                    "{\"type\":\"vendor\",\"timestamp\":\"2021-10-04T15:58:10Z\","
                        + "\"service\":\"whatsapp\",\"region\":\"*\",\"vendor\":\"meta\","
                        + "\"component\":\"c\",\"state\":\"DOWN\"}"))
        .hasMessage("field \"state\" has unknown value \"DOWN\"");
  }

  @Test
  void namesWhatIsWrongWithABadLine() {
    assertThatThrownBy(() -> EventLine.parse("{\"type\":\"probe\""))
        .isInstanceOf(EventLine.InvalidEventException.class)
        .hasMessageStartingWith("not JSON");
    assertThatThrownBy(() -> EventLine.parse("{\"type\":\"tweet\"}"))
        .hasMessageContaining("unknown type \"tweet\"");
    assertThatThrownBy(
            () ->
                EventLine.parse(
                    "{\"type\":\"probe\",\"timestamp\":\"yesterday\",\"service\":\"s\",\"region\":\"BR\","
                        + "\"agent\":\"a\",\"check\":\"DNS\",\"status\":\"OK\"}"))
        .hasMessageContaining("timestamp \"yesterday\"");
    assertThatThrownBy(
            () ->
                EventLine.parse(
                    "{\"type\":\"probe\",\"timestamp\":\"2021-10-04T15:40:00Z\",\"service\":\"s\","
                        + "\"region\":\"BR\",\"check\":\"DNS\",\"status\":\"OK\"}"))
        .hasMessage("missing field \"agent\"");
    assertThatThrownBy(
            () ->
                EventLine.parse(
                    "{\"type\":\"probe\",\"timestamp\":\"2021-10-04T15:40:00Z\",\"service\":\"s\","
                        + "\"region\":\"BR\",\"agent\":\"a\",\"check\":\"DNS\",\"status\":\"BROKEN\"}"))
        .hasMessage("field \"status\" has unknown value \"BROKEN\"");
  }
}
