package io.outageradar.registry;

import org.apache.avro.Schema;

/**
 * The part of the Confluent Schema Registry API the project needs. Implementations: {@link
 * HttpSchemaRegistryClient} for a real registry (Confluent, Karapace, Redpanda, Apicurio's ccompat
 * API) and {@link MockSchemaRegistry} for {@code mock://scope} URLs.
 */
public interface SchemaRegistryClient {

  /** Registers the schema under the subject (idempotent) and returns its global id. */
  int register(String subject, Schema schema);

  /** The schema with this global id. */
  Schema getById(int id);

  /** The newest version registered under the subject. */
  RegisteredSchema latest(String subject);

  /**
   * Whether the schema may be registered under the subject by the subject's compatibility level. A
   * subject with no versions yet accepts any schema.
   */
  boolean isCompatible(String subject, Schema schema);

  /**
   * Where the registry is, for messages: its URL, or {@code mock://scope}. Never carries
   * credentials.
   */
  String location();

  /**
   * Whether other processes see what this one registers. A {@code mock://} registry lives in one
   * process: a schema id it does not know was written by another process, not deleted.
   */
  default boolean sharedAcrossProcesses() {
    return true;
  }

  /** Subject of a topic's key or value under Confluent's TopicNameStrategy. */
  static String subjectFor(String topic, boolean isKey) {
    return topic + (isKey ? "-key" : "-value");
  }
}
