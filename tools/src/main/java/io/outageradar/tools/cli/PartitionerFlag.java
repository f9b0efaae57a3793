package io.outageradar.tools.cli;

import io.outageradar.topics.InputPartitioning;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** {@code --partitioner service|default|round-robin}: how a replay's producer partitions. */
final class PartitionerFlag implements ITypeConverter<InputPartitioning> {
  static final String DESCRIPTION =
      "How the producer partitions: service (as our producers), default (Kafka's default, as"
          + " kafkajs, Connect or a REST proxy) or round-robin; the pipeline's outcome is the same"
          + " (default: ${DEFAULT-VALUE}).";

  @Override
  public InputPartitioning convert(String flag) {
    try {
      return InputPartitioning.ofFlag(flag);
    } catch (IllegalArgumentException e) {
      throw new TypeConversionException(e.getMessage());
    }
  }
}
