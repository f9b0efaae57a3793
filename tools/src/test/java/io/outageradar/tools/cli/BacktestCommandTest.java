package io.outageradar.tools.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class BacktestCommandTest {
  @TempDir Path dir;

  @Test
  void findsTheOutageInARecordedFileAndReportsBadLinesByNumber() throws Exception {
    List<String> lines = new ArrayList<>();
    Instant t0 = Instant.parse("2021-10-04T15:30:00Z");
    for (int second = 0; second < 600; second += 30) {
      String status = second >= 120 && second < 300 ? "DNS_SERVFAIL" : "OK";
      for (String agent : List.of("br-sao-1", "br-sao-2", "br-sao-3")) {
        lines.add(
            "{\"type\":\"probe\",\"timestamp\":\""
                + t0.plusSeconds(second + 2)
                + "\",\"service\":\"whatsapp\","
                + "\"region\":\"BR\",\"agent\":\""
                + agent
                + "\",\"check\":\"DNS\",\"target\":\"whatsapp.net\",\"status\":\""
                + status
                + "\",\"latencyMs\":40}");
      }
      if (second == 150) {
        lines.add(
            "{\"type\":\"report\",\"timestamp\":\""
                + t0.plusSeconds(second)
                + "\",\"service\":\"whatsapp\","
                + "\"region\":\"BR\",\"reporter\":\"u-81f3\",\"category\":\"MESSAGING\",\"text\":\"not sending!!\",\"source\":\"WEB\"}");
        lines.add("this is not json");
        lines.add(
            "{\"type\":\"probe\",\"timestamp\":\""
                + t0.plusSeconds(second)
                + "\",\"service\":\"whatsapp\"}");
      }
    }
    Path file = dir.resolve("events.jsonl");
    Files.write(file, lines);
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cli = OutageRadarTools.commandLine();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));

    int code = cli.execute("backtest", "--events", file.toString(), "--json");

    assertThat(code).isZero();
    JsonNode summary = new ObjectMapper().readTree(out.toString());
    assertThat(summary.get("scenario").asText()).isEqualTo("events.jsonl");
    assertThat(summary.get("outages")).hasSize(1);
    JsonNode outage = summary.get("outages").get(0);
    assertThat(outage.get("id").asText()).isEqualTo("whatsapp-BR-20211004T153200Z");
    assertThat(outage.get("scope").asText()).isEqualTo("REGIONAL");
    assertThat(outage.get("cause").asText()).isEqualTo("DNS");
    assertThat(outage.get("resolvedAt").asText()).isEqualTo("2021-10-04T15:35:00Z");
    assertThat(summary.get("pages"))
        .extracting(p -> p.get("action").asText())
        .containsExactly("TRIGGER", "RESOLVE");
    int badLine = lines.indexOf("this is not json") + 1;
    assertThat(err.toString())
        .contains("line " + badLine + ": not JSON")
        .contains("line " + (badLine + 1) + ": missing field \"region\"")
        .contains("60 probes, 1 reports, 2 bad line(s) skipped");
  }

  @Test
  void scoresASeriesAndFlagsTheSurgeOnly() throws Exception {
    List<String> rows = new ArrayList<>(List.of("timestamp,value"));
    Instant start = Instant.parse("2024-01-01T00:00:00Z");
    java.util.SplittableRandom random = new java.util.SplittableRandom(5);
    int minutes = 3 * 24 * 60;
    int surgeAt = minutes - 30;
    for (int minute = 0; minute < minutes; minute++) {
      long value = minute >= surgeAt && minute < surgeAt + 10 ? 400 : 15 + random.nextInt(7);
      rows.add(start.plusSeconds(60L * minute) + "," + value);
    }
    rows.add("2024-01-03T23:59:30Z,many");
    Path series = dir.resolve("series.csv");
    Path scores = dir.resolve("scores.csv");
    Files.write(series, rows);
    StringWriter err = new StringWriter();
    CommandLine cli = OutageRadarTools.commandLine();
    cli.setErr(new PrintWriter(err, true));

    int code = cli.execute("backtest", "--series", series.toString(), "--out", scores.toString());

    assertThat(code).isZero();
    List<String> lines = Files.readAllLines(scores);
    assertThat(lines.get(0)).isEqualTo("timestamp,value,anomaly_score,alert");
    assertThat(lines).hasSize(minutes + 1);
    List<String> alerts = lines.stream().skip(1).filter(l -> l.endsWith(",true")).toList();
    assertThat(alerts).hasSize(10).allSatisfy(l -> assertThat(l).contains(",400,"));
    for (String line : lines.subList(1, lines.size())) {
      double score = Double.parseDouble(line.split(",")[2]);
      assertThat(score).isBetween(0.0, 1.0);
    }
    assertThat(err.toString())
        .contains("line " + rows.size() + ": value is not a whole number")
        .contains(minutes + " rows scored, 10 alert(s), 1 bad line(s) skipped");
  }

  @Test
  void seriesWithoutOutIsAUsageError() {
    StringWriter err = new StringWriter();
    CommandLine cli = OutageRadarTools.commandLine();
    cli.setErr(new PrintWriter(err, true));

    assertThat(cli.execute("backtest", "--series", "x.csv")).isEqualTo(2);
    assertThat(err.toString()).contains("--series needs --out");
  }
}
