package io.outageradar.testkit;

import io.outageradar.embedded.EmbeddedKafka;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives a test class one real embedded broker, started on first use and stopped after the class,
 * and gives each test method a {@link KafkaTestContext} with names of its own (unique topic prefix
 * and application id), so tests of one class never see each other's data.
 */
public final class EmbeddedKafkaExtension implements ParameterResolver {
  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(EmbeddedKafkaExtension.class);
  private static final AtomicInteger SEQUENCE = new AtomicInteger();

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == EmbeddedKafkaExtension.KafkaTestContext.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    ExtensionContext classContext =
        context.getRoot().equals(context) ? context : classContextOf(context);
    Broker broker =
        classContext
            .getStore(NAMESPACE)
            .getOrComputeIfAbsent(Broker.class, type -> new Broker(), Broker.class);
    String name = context.getTestMethod().map(m -> m.getName()).orElse("class");
    String unique =
        "it" + SEQUENCE.incrementAndGet() + "-" + name.replaceAll("[^A-Za-z0-9]", "").toLowerCase();
    return new KafkaTestContext(broker.kafka.bootstrapServers(), unique);
  }

  private static ExtensionContext classContextOf(ExtensionContext context) {
    ExtensionContext current = context;
    while (current.getParent().isPresent() && current.getTestMethod().isPresent()) {
      current = current.getParent().get();
    }
    return current;
  }

  /** Closed by JUnit when the class's store is closed, i.e. after the last test of the class. */
  private static final class Broker implements AutoCloseable {
    final EmbeddedKafka kafka = EmbeddedKafka.start();

    @Override
    public void close() {
      kafka.close();
    }
  }

  /** What a test gets: the broker address and a name no other test uses. */
  public record KafkaTestContext(String bootstrapServers, String uniqueName) {
    /** A topic prefix of this test's own, e.g. {@code it3-findsoutage.}. */
    public String topicPrefix() {
      return uniqueName + ".";
    }
  }
}
