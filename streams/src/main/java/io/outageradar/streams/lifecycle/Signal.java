package io.outageradar.streams.lifecycle;

/**
 * The signals a region's verdicts come from; probes sort first when both end together, and a status
 * page's statement after both.
 */
public enum Signal {
  PROBES('p'),
  REPORTS('r'),
  VENDOR('v');

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
