package io.outageradar.streams.lifecycle;

/** The two signals a region's verdicts come from; probes sort first when both end together. */
public enum Signal {
  PROBES('p'),
  REPORTS('r');

  private final char code;

  Signal(char code) {
    this.code = code;
  }

  /**
   * The signal's letter in stored keys: part of the pending store's key format, so never changed.
   */
  public char code() {
    return code;
  }
}
