package com.crmanalytics.config;

import com.crmanalytics.error.Errors;
import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/**
 * Typed reads of one key, each stopping with exit 2 and a message naming the key, the value and
 * what is allowed — what every section's {@code from(Config)} builds its validation on.
 */
final class ConfigValues {
  private ConfigValues() {}

  static String string(Config c, String key) {
    try {
      return c.getString(key);
    } catch (ConfigException.Missing e) {
      throw Errors.config("missing key " + key, e);
    } catch (ConfigException e) {
      throw Errors.badConfig(key, c.getValue(key).unwrapped(), "a string");
    }
  }

  static double number(Config c, String key) {
    try {
      return c.getDouble(key);
    } catch (ConfigException.WrongType e) {
      throw Errors.badConfig(key, c.getValue(key).unwrapped(), "a number");
    }
  }

  static int integer(Config c, String key) {
    try {
      return c.getInt(key);
    } catch (ConfigException.WrongType e) {
      throw Errors.badConfig(key, c.getValue(key).unwrapped(), "a whole number");
    }
  }

  static long wholeLong(Config c, String key) {
    try {
      return c.getLong(key);
    } catch (ConfigException.WrongType e) {
      throw Errors.badConfig(key, c.getValue(key).unwrapped(), "a whole number");
    }
  }

  static boolean bool(Config c, String key) {
    try {
      return c.getBoolean(key);
    } catch (ConfigException.WrongType e) {
      throw Errors.badConfig(key, c.getValue(key).unwrapped(), "true or false");
    }
  }

  static List<String> strings(Config c, String key) {
    try {
      return new ArrayList<>(c.getStringList(key));
    } catch (ConfigException.WrongType e) {
      throw Errors.badConfig(key, c.getValue(key).unwrapped(), "a list of strings");
    }
  }

  /** The value of {@code values} whose id is the key's string. */
  static <E> E oneOf(Config c, String key, E[] values, Function<E, String> id) {
    String text = string(c, key);
    return Arrays.stream(values)
        .filter(v -> id.apply(v).equals(text))
        .findFirst()
        .orElseThrow(
            () ->
                Errors.badConfig(
                    key, text, String.join(", ", Arrays.stream(values).map(id).toList())));
  }
}
