package io.outageradar.registry;

import org.apache.avro.Schema;

/**
 * One version of a subject: the registry's global id, the version within the subject, the schema.
 */
public record RegisteredSchema(String subject, int id, int version, Schema schema) {}
