package com.crmanalytics.contract;

/** Why an input row was sent to quarantine; the codes are part of the documented contract. */
public enum ReasonCode {
  MALFORMED_LINE(
      "malformed_line",
      "the line cannot be split into the expected fields (field count, quotes, JSON, text encoding)"),
  MISSING_REQUIRED("missing_required", "a required column is empty or absent"),
  UNPARSEABLE_NUMBER("unparseable_number", "a numeric column holds something that is not a number"),
  UNPARSEABLE_DATE(
      "unparseable_date", "a date or timestamp column does not match the configured formats"),
  INVALID_VALUE(
      "invalid_value",
      "a value outside its allowed set or range (boolean flags, satisfaction 1-5, negative durations)"),
  NEGATIVE_PRICE(
      "negative_price",
      "a unit price below zero, or a cost below zero on a line that is not a return"),
  DATE_AFTER_BUSINESS_DATE(
      "date_after_business_date", "the event happened after the business date being ingested"),
  CONFLICTING_DUPLICATE_KEY(
      "conflicting_duplicate_key",
      "the same key appears more than once in one extract with different values"),
  DATE_BEFORE_FLOOR(
      "date_before_floor",
      "an event date before the configured earliest plausible date (extracts.<source>.min-date)"),
  CONTROL_CHARACTER(
      "control_character",
      "a text value holds a control character (NUL, ESC, ...) other than tab and line breaks"),
  FIELD_TOO_LONG(
      "field_too_long",
      "a text value is longer than extracts.<source>.max-field-length characters"),
  HEADER_REPEATED("header_repeated", "the line repeats the file's header line"),
  EXPRESSION_FAILED(
      "expression_failed",
      "the expression of a required column gave no value although the columns it reads have values");

  private final String code;
  private final String description;

  ReasonCode(String code, String description) {
    this.code = code;
    this.description = description;
  }

  /** The value stored in {@code quarantine.reason_code}. */
  public String code() {
    return code;
  }

  public String description() {
    return description;
  }
}
