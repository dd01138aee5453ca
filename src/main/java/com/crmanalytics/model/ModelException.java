package com.crmanalytics.model;

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
}
