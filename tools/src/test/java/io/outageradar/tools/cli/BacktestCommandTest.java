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

  private int runSeries(List<String> rows, Path scores, StringWriter err) throws Exception {
    Path series = dir.resolve("series.csv");
    Files.write(series, rows);
    CommandLine cli = OutageRadarTools.commandLine();
    cli.setErr(new PrintWriter(err, true));
    return cli.execute("backtest", "--series", series.toString(), "--out", scores.toString());
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
    Path scores = dir.resolve("scores.csv");
    StringWriter err = new StringWriter();

    int code = runSeries(rows, scores, err);

    assertThat(code).isZero();
    List<String> lines = Files.readAllLines(scores);
    assertThat(lines.get(0)).isEqualTo("timestamp,value,anomaly_score,alert");
    assertThat(lines).as("a row for every input row").hasSize(rows.size());
    List<String> alerts = lines.stream().skip(1).filter(l -> l.endsWith(",true")).toList();
    assertThat(alerts)
        .as("the surge alerts from its first minute, the return to normal does not")
        .isNotEmpty()
        .allSatisfy(l -> assertThat(l).contains(",400,"))
        .first()
        .asString()
        .startsWith(start.plusSeconds(60L * surgeAt).toString());
    for (String line : lines.subList(1, lines.size())) {
      double score = Double.parseDouble(line.split(",")[2]);
      assertThat(score).isBetween(0.0, 1.0);
    }
    assertThat(lines.get(lines.size() - 1)).isEqualTo("2024-01-03T23:59:30Z,many,0.0000,false");
    assertThat(err.toString())
        .contains("series.csv: line " + rows.size() + ": value \"many\" is not a number")
        .contains(minutes + " rows scored, " + alerts.size() + " alert(s), 1 bad line(s)");
  }

  @Test
  void readsTimestampsAndValuesAsUsersWriteThem() throws Exception {
    List<String> rows =
        List.of(
            "time,value",
            "2015-02-26 21:42:53,12.5",
            "2015-02-26T21:47:53,-3.25",
            "2015-02-26T21:52:53Z,0",
            "2015-02-26T22:57:53+01:00,1e2",
            "2015-02-26 21:57:53.250+0000,7",
            "1424987273,-0.5",
            "1424987573000,42",
            "\"2015-02-26 22:17:53\",\"9\"");
    Path scores = dir.resolve("scores.csv");
    StringWriter err = new StringWriter();

    int code = runSeries(rows, scores, err);

    assertThat(code).isZero();
    assertThat(err.toString()).contains("8 rows scored").contains("0 bad line(s)");
    List<String> lines = Files.readAllLines(scores);
    assertThat(lines.subList(1, lines.size()))
        .extracting(l -> l.substring(0, l.lastIndexOf(',', l.lastIndexOf(',') - 1)))
        .as("every row, in input order, as written")
        .containsExactlyElementsOf(rows.subList(1, rows.size()));
  }

  @Test
  void reportsTheFirstTenBadLinesThenACountAndStillScoresTheRest() throws Exception {
    List<String> rows = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      rows.add(
          i % 3 == 0
              ? "yesterday," + i
              : "2024-01-01T00:" + String.format("%02d", i) + ":00Z," + i);
    }
    Path scores = dir.resolve("scores.csv");
    StringWriter err = new StringWriter();

    int code = runSeries(rows, scores, err);

    assertThat(code).isZero();
    assertThat(err.toString().lines().filter(l -> l.contains("written unscored)")))
        .as("each of the first ten bad lines named")
        .hasSize(10)
        .first()
        .asString()
        .contains("line 1: timestamp \"yesterday\" is neither ISO-8601");
    assertThat(err.toString()).contains("4 more bad line(s) not shown").contains("26 rows scored");
    assertThat(Files.readAllLines(scores)).hasSize(41);
  }

  @Test
  void exitsOneWhenNothingCouldBeScored() throws Exception {
    StringWriter err = new StringWriter();

    int code =
        runSeries(List.of("timestamp,value", "soon,1", "later,2"), dir.resolve("s.csv"), err);

    assertThat(code).isEqualTo(1);
    assertThat(err.toString()).contains("series.csv: no row could be scored");
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
