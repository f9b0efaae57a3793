package io.outageradar.bench;

import io.outageradar.avro.ProbeResult;
import io.outageradar.registry.MockSchemaRegistry;
import io.outageradar.simulation.LoadGenerator;
import io.outageradar.topics.Topic;
import io.outageradar.topics.Topics;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Encoding and decoding a probe result in the Confluent wire format (schema id cached after the
 * first call).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class SerdeBenchmark {
  private static final String SCOPE = "jmh-serde";
  private Topic<String, ProbeResult> topic;
  private ProbeResult probe;
  private byte[] encoded;

  @Setup
  public void setUp() {
    topic = Topics.create(MockSchemaRegistry.forScope(SCOPE)).probeResults;
    probe = (ProbeResult) new LoadGenerator(100, 1, Clock.systemUTC(), List.of()).next();
    encoded = topic.valueSerde().serializer().serialize(topic.name(), probe);
  }

  @TearDown
  public void tearDown() {
    MockSchemaRegistry.drop(SCOPE);
  }

  @Benchmark
  public byte[] encodeProbe() {
    return topic.valueSerde().serializer().serialize(topic.name(), probe);
  }

  @Benchmark
  public ProbeResult decodeProbe() {
    return topic.valueSerde().deserializer().deserialize(topic.name(), encoded);
  }
}
