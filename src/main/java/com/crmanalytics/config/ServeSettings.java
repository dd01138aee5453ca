package com.crmanalytics.config;

import com.crmanalytics.error.Errors;
import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;

/**
 * Section {@code serve}: where {@code crm serve} listens and how many rows one query may return.
 */
public record ServeSettings(String host, int port, int maxRows) {
  public static final String HOST_KEY = "serve.host";
  public static final String PORT_KEY = "serve.port";
  public static final String MAX_ROWS_KEY = "serve.max-rows";

  /** Reads and validates the section (exit 2 naming key, value and what is allowed). */
  public static ServeSettings from(Config config) {
    String host;
    try {
      host = config.getString(HOST_KEY);
    } catch (ConfigException e) {
      throw Errors.config(e.getMessage(), e);
    }
    if (host.isBlank()) {
      throw Errors.badConfig(HOST_KEY, host, "a host name or IP address, e.g. 127.0.0.1");
    }
    int port = whole(config, PORT_KEY, 0, 65535, "a port number from 0 (any free port) to 65535");
    int maxRows =
        whole(config, MAX_ROWS_KEY, 1, Integer.MAX_VALUE, "a whole number of rows, 1 or more");
    return new ServeSettings(host, port, maxRows);
  }

  private static int whole(Config config, String key, int min, int max, String allowed) {
    Number n;
    try {
      n = config.getNumber(key);
    } catch (ConfigException.Missing e) {
      throw Errors.config("missing key " + key, e);
    } catch (ConfigException e) {
      throw Errors.badConfig(key, config.getValue(key).unwrapped(), allowed);
    }
    double v = n.doubleValue();
    if (v != Math.rint(v) || v < min || v > max) {
      throw Errors.badConfig(key, config.getValue(key).unwrapped(), allowed);
    }
    return (int) v;
  }
}
