package io.outageradar.serde;

/**
 * The first byte of a value was not the wire format's magic byte 0 (a record from another
 * producer).
 */
public class UnknownMagicByteException extends WireFormatException {
  private static final long serialVersionUID = 1L;

  public UnknownMagicByteException(String topic, byte magic) {
    super(
        "record on " + topic + " starts with byte " + magic + ", not the wire-format magic byte 0");
  }
}
