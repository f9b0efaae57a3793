package io.outageradar.service.intake;

import java.util.Random;

/**
 * Requests an attacker or a broken client sends to the intake, in a fixed mix and a seeded order:
 * valid reports and batches among oversized fields and bodies, bad JSON, deep nesting, far
 * timestamps, wrong types, unknown values and reused idempotency keys.
 */
final class HostileRequests {
  record Request(String path, String body, String idempotencyKey) {}

  private static final int KINDS = 16;
  private final long seed;
  private final int maxBodyBytes;

  HostileRequests(long seed, int maxBodyBytes) {
    this.seed = seed;
    this.maxBodyBytes = maxBodyBytes;
  }

  /** Request {@code n}: the same for the same seed and n, whichever thread asks. */
  Request request(int n) {
    Random random = new Random(seed * 31 + n);
    int kind = n % KINDS;
    String unique = "r" + n + "-" + Long.toHexString(random.nextLong());
    return switch (kind) {
      case 0 -> single(report(unique, "\"text\":\"não envia nada 😡\""));
      case 1 ->
          new Request(
              "/v1/reports:batch",
              "["
                  + report(unique + "a", "")
                  + ","
                  + report(unique + "b", "\"region\":\"ZZ\"")
                  + ","
                  + report(unique + "c", "\"lang\":\"pt-BR\"")
                  + "]",
              null);
      case 2 -> single(report("i".repeat(130 + random.nextInt(5_000)), ""));
      case 3 ->
          single(
              report(
                  unique,
                  "\"text\":\"" + "x".repeat(maxBodyBytes + random.nextInt(maxBodyBytes)) + "\""));
      case 4 -> single(report(unique, "").substring(0, 20 + random.nextInt(30)));
      case 5 -> single("[".repeat(2_000 + random.nextInt(20_000)));
      case 6 ->
          single(
              report(
                  unique,
                  "\"timestamp\":\""
                      + (random.nextBoolean() ? "1960-10-04T15:41:07Z" : "2999-01-01T00:00:00Z")
                      + "\""));
      case 7 ->
          single(
              report(
                  unique,
                  random.nextBoolean() ? "\"text\":{\"a\":[1,2,{\"b\":null}]}" : "\"lang\":12345"));
      case 8 -> new Request("/v1/reports", report(unique, ""), "reuse-" + n / (2 * KINDS));
      case 9 -> single(report(unique, "\"lang\":\"" + "q".repeat(random.nextInt(2_000)) + " \""));
      case 10 -> single(report(unique, "\"source\":\"SOCIAL\""));
      case 11 ->
          single(
              "{\"service\":\"whatsapp\",\"region\":\"BR\",\"reporter\":\""
                  + "u".repeat(129 + random.nextInt(1_000))
                  + "\"}");
      case 12 -> single(random.nextBoolean() ? "" : "null");
      case 13 -> single(random.nextBoolean() ? "\"just a string\"" : "42");
      case 14 -> new Request("/v1/reports:batch", "[" + "{},".repeat(600) + "{}]", null);
      default ->
          new Request(
              "/v1/reports",
              report(unique, "\"service\":\"myspace\""),
              "k" + "e".repeat(random.nextInt(300)));
    };
  }

  private static Request single(String body) {
    return new Request("/v1/reports", body, null);
  }

  /**
   * A valid report with {@code id}, unless {@code override} (one or more fields) replaces some of
   * them.
   */
  private static String report(String id, String override) {
    String fields =
        "\"id\":\"" + id + "\",\"reporter\":\"u-" + id.hashCode() + "\",\"category\":\"MESSAGING\"";
    String service = override.contains("\"service\"") ? "" : "\"service\":\"whatsapp\",";
    String region = override.contains("\"region\"") ? "" : "\"region\":\"BR\",";
    return "{" + service + region + fields + (override.isEmpty() ? "" : "," + override) + "}";
  }
}
