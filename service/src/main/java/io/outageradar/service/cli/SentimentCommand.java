package io.outageradar.service.cli;

import io.outageradar.sentiment.SentimentAnalyzer;
import io.outageradar.sentiment.SentimentScore;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(
    name = "sentiment",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    header = "Score the sentiment of texts as the pipeline does.",
    description = {
      "Score texts as the pipeline does: VADER plus the outage layer of the text's language (en, pt, es, fr, de, it, id, tr, hi).",
      "Reads one text per line (stdin, or --file) and writes one JSON object per line:",
      "  {\"compound\":-0.8176,\"pos\":0.0,\"neu\":0.38,\"neg\":0.62,\"lang\":\"en\"}",
      "Invalid UTF-8 is read as U+FFFD; texts longer than 2,000 characters are scored on their first 2,000."
    })
public final class SentimentCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--text", description = "Score this one text instead of reading lines.")
  String text;

  @Option(names = "--file", description = "Read the texts from this file instead of stdin.")
  Path file;

  @Option(
      names = "--lang",
      description =
          "Language of the texts (en, pt, es, fr, de, it, id, tr, hi); guessed per text when not given.")
  String lang;

  @Option(
      names = "--vader",
      description = "Plain VADER, without the outage layer (English lexicon only).")
  boolean plainVader;

  @Override
  public Integer call() throws IOException {
    SentimentAnalyzer analyzer = SentimentAnalyzer.standard();
    if (lang != null && !analyzer.supports(lang)) {
      throw new ParameterException(
          spec.commandLine(),
          "--lang "
              + lang
              + " is not a language the analyzer has a layer for; supported: "
              + String.join(", ", analyzer.languages()));
    }
    PrintWriter out = spec.commandLine().getOut();
    if (text != null) {
      out.println(json(score(analyzer, text)));
    } else {
      try (InputStream in = file != null ? Files.newInputStream(file) : System.in;
          BufferedReader lines =
              new BufferedReader(
                  new InputStreamReader(
                      in,
                      StandardCharsets.UTF_8
                          .newDecoder()
                          .onMalformedInput(CodingErrorAction.REPLACE)
                          .onUnmappableCharacter(CodingErrorAction.REPLACE)))) {
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
          out.println(json(score(analyzer, line)));
        }
      }
    }
    out.flush();
    return 0;
  }

  private SentimentScore score(SentimentAnalyzer analyzer, String line) {
    return plainVader ? analyzer.vader(line) : analyzer.analyze(line, lang);
  }

  static String json(SentimentScore score) {
    return "{\"compound\":"
        + number(score.compound())
        + ",\"pos\":"
        + number(score.pos())
        + ",\"neu\":"
        + number(score.neu())
        + ",\"neg\":"
        + number(score.neg())
        + ",\"lang\":\""
        + score.lang()
        + "\"}";
  }

  /** Plain decimal (0.0001, not 1.0E-4), as the rounded scores read. */
  private static String number(double value) {
    return BigDecimal.valueOf(value).toPlainString();
  }
}
