package io.outageradar.producers.business;

/** A business profile refused, with the file and path of the field at fault, in one line. */
public final class BadProfileException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  BadProfileException(String message) {
    super(message);
  }
}
