package com.crmanalytics.error;

/** The process exit codes of the {@code crm} command, as documented in the README. */
public enum ExitCode {
  SUCCESS(0, "success"),
  FAILURE(1, "unexpected failure"),
  USAGE(2, "usage or configuration error"),
  DATA_QUALITY(3, "data-quality gate failed"),
  MISSING_INPUT(4, "a required input is missing"),
  /**
   * Another process holds the warehouse's lock ({@code <warehouse>/_crm_lock}); nothing was
   * written.
   */
  WAREHOUSE_BUSY(5, "warehouse busy: another run holds its lock");

  private final int code;
  private final String meaning;

  ExitCode(int code, String meaning) {
    this.code = code;
    this.meaning = meaning;
  }

  public int code() {
    return code;
  }

  public String meaning() {
    return meaning;
  }
}
