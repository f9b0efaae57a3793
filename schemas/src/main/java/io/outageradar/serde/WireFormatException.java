package io.outageradar.serde;

import org.apache.kafka.common.errors.SerializationException;

/** Bytes that are not a Confluent wire-format Avro record this project can read. */
public class WireFormatException extends SerializationException {
  private static final long serialVersionUID = 1L;

  public WireFormatException(String message) {
    super(message);
  }

  public WireFormatException(String message, Throwable cause) {
    super(message, cause);
  }
}
