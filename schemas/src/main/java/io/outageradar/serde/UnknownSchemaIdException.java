package io.outageradar.serde;

/** The schema id in a record is not known to the registry. */
public class UnknownSchemaIdException extends WireFormatException {
  private static final long serialVersionUID = 1L;

  private final int schemaId;

  public UnknownSchemaIdException(String topic, int schemaId, Throwable cause) {
    super(
        "record on "
            + topic
            + " names schema id "
            + schemaId
            + ", which the registry does not know",
        cause);
    this.schemaId = schemaId;
  }

  public int schemaId() {
    return schemaId;
  }
}
