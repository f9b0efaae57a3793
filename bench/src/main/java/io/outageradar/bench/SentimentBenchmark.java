package io.outageradar.bench;

import io.outageradar.sentiment.SentimentAnalyzer;
import io.outageradar.sentiment.SentimentScore;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Texts per second through the sentiment analyzer on one thread, over outage reports of 10 to 40
 * words in English, Portuguese and Spanish (caps, "!!!", emoji, negation, phrases): the cost the
 * sentiment topology pays per report. Each invocation scores the next text of the corpus.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 6, time = 2)
@Measurement(iterations = 5, time = 2)
// two forks and six warm-ups: on two cores the JIT was still speeding up after three
@Fork(2)
public class SentimentBenchmark {
  static final List<String> TEXTS =
      List.of(
          "WhatsApp is down AGAIN!!! I can't send anything to my customers and nobody is telling us what is going on",
          "instagram not working since this afternoon, lost sales all day, this is a disaster for small shops like mine 😡",
          "is facebook down for everyone?? the page won't load and I can't log in from the app or the browser either",
          "whatsapp back online finally, messages are arriving again but we lost three hours of orders",
          "Still no signal from WhatsApp here in London, my family can't reach me and the business line is dead too",
          "not sure if it is my phone or whatsapp but nothing sends, the clock icon just sits there forever",
          "o zap caiu de novo!!! não consigo falar com nenhum cliente, perdendo vendas o dia inteiro 😭",
          "WhatsApp fora do ar aqui em São Paulo, minha loja vende tudo pelo zap e hoje não vendi nada",
          "instagram não carrega e o whatsapp não envia mensagem, alguém sabe o que aconteceu? que raiva",
          "voltou o whatsapp? aqui ainda não funciona, as mensagens ficam só com um tracinho",
          "whatsapp no funciona otra vez!! no puedo hablar con mis clientes y perdiendo ventas toda la tarde",
          "instagram caído en todo México, sin servicio desde las diez, pésimo servicio de verdad 😤",
          "se cayó facebook y whatsapp al mismo tiempo, ¿alguien sabe cuándo vuelve? mi negocio depende de esto",
          "el whatsapp volvió hace un rato, ya funciona todo pero perdimos muchas ventas hoy");

  private final SentimentAnalyzer analyzer = SentimentAnalyzer.standard();
  private int next;

  @Benchmark
  public SentimentScore analyze() {
    String text = TEXTS.get(next);
    next = next + 1 == TEXTS.size() ? 0 : next + 1;
    return analyzer.analyze(text);
  }

  @Benchmark
  public SentimentScore vaderOnly() {
    String text = TEXTS.get(next);
    next = next + 1 == TEXTS.size() ? 0 : next + 1;
    return analyzer.vader(text);
  }
}
