package io.outageradar.service.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class SentimentCommandTest {
  @TempDir Path dir;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    CommandLine cli = OutageRadar.commandLine();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    return cli.execute(args);
  }

  @Test
  void aLanguageWithoutALayerIsAUsageErrorNamingTheSupportedOnes() {
    assertThat(run("sentiment", "--lang", "nl", "--text", "werkt niet")).isEqualTo(2);
    assertThat(err.toString())
        .contains(
            "--lang nl is not a language the analyzer has a layer for; supported: de, en, es, fr, hi, id, it, pt, tr");
    assertThat(out.toString()).isEmpty();
    assertThat(run("sentiment", "--lang", "pt-BR", "--text", "não carrega")).isZero();
  }

  @Test
  void scoresOneTextAsTheDocumentedJsonLine() {
    assertThat(run("sentiment", "--text", "The book was not good.")).isZero();
    assertThat(out.toString().strip())
        .isEqualTo(
            "{\"compound\":-0.3412,\"pos\":0.0,\"neu\":0.624,\"neg\":0.376,\"lang\":\"en\"}");
  }

  @Test
  void scoresEveryLineOfStdinEvenInvalidUtf8() throws Exception {
    byte[] input =
        ("o zap caiu de novo!!!\n\nwhatsapp is down \u00ff".getBytes(StandardCharsets.UTF_8));
    byte[] withBadByte = new byte[input.length + 2];
    System.arraycopy(input, 0, withBadByte, 0, input.length);
    withBadByte[input.length] = (byte) 0xff;
    withBadByte[input.length + 1] = '\n';
    InputStream stdin = System.in;
    try {
      System.setIn(new ByteArrayInputStream(withBadByte));
      assertThat(run("sentiment")).isZero();
    } finally {
      System.setIn(stdin);
    }
    List<JsonNode> lines = out.toString().lines().map(this::parse).toList();
    assertThat(lines).hasSize(3);
    assertThat(lines.get(0).get("compound").asDouble()).isEqualTo(-0.5684);
    assertThat(lines.get(0).get("lang").asText()).isEqualTo("pt");
    assertThat(lines.get(1).get("compound").asDouble()).isZero();
    assertThat(lines.get(2).get("compound").asDouble()).isNegative();
  }

  @Test
  void readsAFileAndCanScorePlainVader() throws Exception {
    Path texts = dir.resolve("texts.txt");
    Files.writeString(texts, "instagram not working\n" + "x".repeat(100_000) + "\n");
    assertThat(run("sentiment", "--file", texts.toString(), "--vader")).isZero();
    assertThat(out.toString().lines())
        .containsExactly(
            "{\"compound\":0.0,\"pos\":0.0,\"neu\":1.0,\"neg\":0.0,\"lang\":\"en\"}",
            "{\"compound\":0.0,\"pos\":0.0,\"neu\":1.0,\"neg\":0.0,\"lang\":\"en\"}");
  }

  private JsonNode parse(String line) {
    try {
      return new ObjectMapper().readTree(line);
    } catch (Exception e) {
      throw new AssertionError("not JSON: " + line, e);
    }
  }
}
