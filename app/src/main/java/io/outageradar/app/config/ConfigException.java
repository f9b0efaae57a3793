package io.outageradar.app.config;

/** A setting with a value it cannot take; the message is one line naming the setting. */
public class ConfigException extends RuntimeException {
  public ConfigException(String key, String value, String problem) {
    super("invalid setting " + key + "=" + value + ": " + problem);
  }

  public ConfigException(String message) {
    super(message);
  }
}
