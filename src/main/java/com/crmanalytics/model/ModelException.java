package com.crmanalytics.model;

import java.util.Locale;

/**
 * Raised when a model function cannot return a finite, meaningful value; the message names the
 * arguments at fault.
 */
public class ModelException extends RuntimeException {

  public ModelException(String message) {
    super(message);
  }

  public ModelException(String message, Throwable cause) {
    super(message, cause);
  }

  /**
   * "&lt;what&gt; cannot be computed: &lt;cause&gt;", with {@code what} formatted from {@code
   * format} and {@code args}; for a value whose inner function failed.
   */
  static ModelException cannotCompute(ModelException cause, String format, Object... args) {
    return new ModelException(
        String.format(Locale.ROOT, format, args) + " cannot be computed: " + cause.getMessage(),
        cause);
  }
}
