package io.outageradar.model;

/** Limits on the text of a user report, the same for every way a report comes in. */
public final class ReportText {
  /**
   * Characters a report's text may have; the intake rejects longer ones, the feed reader cuts them.
   */
  public static final int MAX_LENGTH = 2000;

  private ReportText() {}
}
