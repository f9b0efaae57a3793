package io.outageradar.streams;

import io.outageradar.serde.RegistryNotSharedException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.LogAndContinueExceptionHandler;

/**
 * A record that cannot be read goes to the dead letters and processing goes on — unless no record
 * could be read, because this process's {@code mock://} registry cannot know the writers' schemas:
 * then the application fails (see {@link RegistryNotSharedException}) instead of dead-lettering
 * everything without a word.
 */
public final class DeadLetteringDeserializationHandler extends LogAndContinueExceptionHandler {
  @Override
  public Response handleError(
      ErrorHandlerContext context, ConsumerRecord<byte[], byte[]> record, Exception exception) {
    if (fatalCause(exception) != null) {
      return Response.fail();
    }
    ConsumedInputs.skipped(record);
    return super.handleError(context, record, exception);
  }

  /** The deployment error behind {@code error}, or null when it is an ordinary bad record. */
  public static RegistryNotSharedException fatalCause(Throwable error) {
    for (Throwable cause = error; cause != null; cause = cause.getCause()) {
      if (cause instanceof RegistryNotSharedException fatal) {
        return fatal;
      }
    }
    return null;
  }
}
