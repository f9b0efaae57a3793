package io.outageradar.service.config;

/** A setting with a value it cannot take; the message is one line naming the setting. */
public class ConfigException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public ConfigException(String key, String value, String problem) {
    super("invalid setting " + key + "=" + value + ": " + problem);
  }

  public ConfigException(String message) {
    super(message);
  }
}
