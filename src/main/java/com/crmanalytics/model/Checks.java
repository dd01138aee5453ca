package com.crmanalytics.model;

import java.util.Locale;
import java.util.Map;

/**
 * Argument checks of the model package; every failure is a {@link ModelException} naming the value
 * at fault.
 */
final class Checks {

  private Checks() {}

  static void check(boolean ok, String format, Object... args) {
    if (!ok) {
      throw new ModelException(String.format(Locale.ROOT, format, args));
    }
  }

  /**
   * Returns {@code value} if it is finite, else throws with the formatted description and the
   * value.
   */
  static double finite(double value, String format, Object... args) {
    if (!Double.isFinite(value)) {
      throw new ModelException(String.format(Locale.ROOT, format, args) + " is " + value);
    }
    return value;
  }

  static void positive(String model, String name, double value) {
    check(
        Double.isFinite(value) && value > 0,
        "%s parameter %s must be finite and > 0, got %s",
        model,
        name,
        value);
  }

  static void horizon(double t) {
    check(Double.isFinite(t) && t >= 0, "Forecast horizon t must be finite and >= 0, got %s", t);
  }

  static double required(Map<String, Double> params, String key) {
    Double v = params.get(key);
    check(v != null, "Missing model parameter '%s' in %s", key, params);
    return v;
  }
}
