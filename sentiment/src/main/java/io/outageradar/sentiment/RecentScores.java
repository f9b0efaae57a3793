package io.outageradar.sentiment;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The scores of the short texts a thread analysed last, by text, language hint and region.
 *
 * <p>Why: people who report an outage write the same few words ("is whatsapp down??", "o zap
 * caiu!!!"), and scoring a text (language guess, tokens, VADER) was a sixth of the stream thread's
 * work in the demo. A score is a function of the text, the hint and the region alone, so a text
 * scored from memory scores exactly as it would anew. One map per thread: no locks on the record
 * path, and the stream threads never share a map.
 */
final class RecentScores {
  /** Texts remembered per thread; the least recently scored one is forgotten first. */
  static final int CAPACITY = 4_096;

  /**
   * Longer texts are scored anew every time: they rarely repeat, and the memory of a thread stays
   * bounded (about 2.5 MB at most).
   */
  static final int LONGEST_REMEMBERED = 280;

  private record Key(String text, String langHint, String region) {}

  private final ThreadLocal<Map<Key, SentimentScore>> byThread =
      ThreadLocal.withInitial(RecentScores::newMap);

  SentimentScore scoreOf(
      String text, String langHint, String region, Supplier<SentimentScore> analysis) {
    if (text == null || text.length() > LONGEST_REMEMBERED) {
      return analysis.get();
    }
    return byThread.get().computeIfAbsent(new Key(text, langHint, region), key -> analysis.get());
  }

  /** How many texts this thread remembers. */
  int remembered() {
    return byThread.get().size();
  }

  private static Map<Key, SentimentScore> newMap() {
    return new LinkedHashMap<>(CAPACITY * 4 / 3 + 1, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<Key, SentimentScore> eldest) {
        return size() > CAPACITY;
      }
    };
  }
}
