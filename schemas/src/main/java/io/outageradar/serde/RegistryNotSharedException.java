package io.outageradar.serde;

/**
 * A record was written with a schema id this process's {@code mock://} registry never gave out: it
 * was written by another process, which had a registry of its own. Not a bad record but a
 * deployment that cannot work, so not a {@code SerializationException} (which would send every
 * record to the dead letters without a word): whoever reads it should stop and say so.
 */
public final class RegistryNotSharedException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public RegistryNotSharedException(String topic, int schemaId, String location) {
    super(
        "a record on "
            + topic
            + " has schema id "
            + schemaId
            + ", which "
            + location
            + " does not know: a mock:// registry "
            + "lives in one process, so records written by another process cannot be read; give every process the same "
            + "real registry (schema.registry.url=http://...)");
  }
}
