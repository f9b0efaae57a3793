package io.outageradar.producers.intake;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The answers given to idempotent requests, by API key and idempotency key, so that a retried
 * request gets the first answer again. Bounded by the bytes it holds, not by a count: a count let a
 * client with huge keys exhaust the heap. The least recently used answers are forgotten first.
 * Thread-safe.
 */
final class IdempotencyCache {
  /** An answer, the digest of the body it answered, and the size of its body in characters. */
  record Remembered(byte[] bodyDigest, ReportIntakeServer.Answer answer, int answerSize) {}

  /** Object headers, references and the digest: what an entry costs beyond its strings. */
  private static final int ENTRY_OVERHEAD = 160;

  private final long maxBytes;
  private final LinkedHashMap<String, Remembered> entries = new LinkedHashMap<>(16, 0.75f, true);
  private long bytes;

  IdempotencyCache(long maxBytes) {
    this.maxBytes = maxBytes;
  }

  synchronized Remembered get(String key) {
    return entries.get(key);
  }

  synchronized void put(String key, Remembered answer) {
    Remembered before = entries.put(key, answer);
    if (before != null) {
      bytes -= cost(key, before);
    }
    bytes += cost(key, answer);
    Iterator<Map.Entry<String, Remembered>> oldest = entries.entrySet().iterator();
    while (bytes > maxBytes && oldest.hasNext()) {
      Map.Entry<String, Remembered> entry = oldest.next();
      bytes -= cost(entry.getKey(), entry.getValue());
      oldest.remove();
    }
  }

  synchronized long bytes() {
    return bytes;
  }

  private static long cost(String key, Remembered answer) {
    return ENTRY_OVERHEAD
        + 2L * key.length()
        + 2L * answer.answerSize()
        + answer.bodyDigest().length;
  }
}
