package io.outageradar.tools.cli;

import io.outageradar.topics.InputPartitioning;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code --partitioner service|default|round-robin}: how a replay's producer partitions, a mixin of
 * the commands that publish inputs.
 */
final class PartitionerFlag {
  @Option(
      names = "--partitioner",
      defaultValue = "service",
      converter = Converter.class,
      description =
          "How the producer partitions: service (as our producers), default (Kafka's default, as"
              + " kafkajs, Connect or a REST proxy) or round-robin; the pipeline's outcome is the"
              + " same (default: ${DEFAULT-VALUE}).")
  InputPartitioning partitioning;

  /** A flag's value; an unknown one is a usage error that says which there are. */
  static final class Converter implements ITypeConverter<InputPartitioning> {
    @Override
    public InputPartitioning convert(String flag) {
      try {
        return InputPartitioning.ofFlag(flag);
      } catch (IllegalArgumentException e) {
        throw new TypeConversionException(e.getMessage());
      }
    }
  }
}
