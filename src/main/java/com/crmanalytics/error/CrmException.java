package com.crmanalytics.error;

/**
 * The one exception type the pipeline throws on purpose: a one-line message for a person and the
 * exit code the CLI ends with. Build instances through {@link Errors}.
 */
public class CrmException extends RuntimeException {
  private final ExitCode exitCode;

  CrmException(ExitCode exitCode, String message, Throwable cause) {
    super(message, cause);
    this.exitCode = exitCode;
  }

  public ExitCode exitCode() {
    return exitCode;
  }
}
