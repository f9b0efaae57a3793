package io.outageradar.registry;

import org.apache.kafka.common.errors.SerializationException;

/**
 * A registry call that failed. Carries the HTTP status and the API's own {@code error_code} (e.g.
 * 40401 subject not found, 40403 schema not found, 409 incompatible) so callers can tell them
 * apart. Extends {@link SerializationException} so serdes surface it the way Kafka expects.
 */
public class SchemaRegistryException extends SerializationException {
  private static final long serialVersionUID = 1L;

  private final int httpStatus;
  private final int errorCode;

  public SchemaRegistryException(int httpStatus, int errorCode, String message) {
    super(
        "schema registry: " + message + " (http " + httpStatus + ", error_code " + errorCode + ")");
    this.httpStatus = httpStatus;
    this.errorCode = errorCode;
  }

  public SchemaRegistryException(String message, Throwable cause) {
    super("schema registry: " + message, cause);
    this.httpStatus = -1;
    this.errorCode = -1;
  }

  /** HTTP status of the failed answer, or -1 when none arrived. */
  public int httpStatus() {
    return httpStatus;
  }

  /** The API's error_code, or -1 when the answer had none. */
  public int errorCode() {
    return errorCode;
  }
}
