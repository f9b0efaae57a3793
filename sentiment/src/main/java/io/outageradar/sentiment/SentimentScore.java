package io.outageradar.sentiment;

/**
 * The sentiment of one text, as VADER reports it: {@code compound} is the normalised sum of the
 * rule-adjusted valences in [-1, 1] (rounded to 4 places; ≤ -0.05 is conventionally negative, ≥
 * 0.05 positive), and {@code pos}, {@code neu}, {@code neg} the shares of the text's tokens in each
 * class (rounded to 3 places). {@code lang} is the ISO 639-1 language whose vocabulary scored it.
 */
public record SentimentScore(double compound, double pos, double neu, double neg, String lang) {
  /** What an empty text scores: nothing positive, negative or neutral to count. */
  static SentimentScore empty(String lang) {
    return new SentimentScore(0.0, 0.0, 0.0, 0.0, lang);
  }

  public boolean negative() {
    return compound <= -0.05;
  }
}
