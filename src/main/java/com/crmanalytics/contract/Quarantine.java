package com.crmanalytics.contract;

import static com.crmanalytics.contract.Rules.DATE;
import static com.crmanalytics.contract.Rules.LONG;
import static com.crmanalytics.contract.Rules.STRING;

/** Operational table {@code quarantine}: every input row that was refused, with the reason. */
public final class Quarantine {
  public static final String RUN_ID = "run_id";
  public static final String BUSINESS_DATE = "business_date";
  public static final String SOURCE = "source";
  public static final String SOURCE_FILE = "source_file";
  public static final String LINE_NUMBER = "line_number";
  public static final String RAW_RECORD = "raw_record";
  public static final String REASON_CODE = "reason_code";
  public static final String REASON = "reason";

  public static final TableContract CONTRACT =
      TableContract.builder(
              "quarantine", "Input rows refused by ingest, with file, line and reason")
          .required(RUN_ID, STRING, "Run that refused the row")
          .required(BUSINESS_DATE, DATE, "Business date of the extract")
          .required(SOURCE, STRING, "Source: orders, service, campaigns or customers")
          .required(SOURCE_FILE, STRING, "File the row was read from")
          .required(LINE_NUMBER, LONG, "Line in the file (row number for Parquet), starting at 1")
          .optional(RAW_RECORD, STRING, "The row as it was read")
          .required(REASON_CODE, STRING, "Why: one of the documented reason codes")
          .required(REASON, STRING, "Why, naming the column and the value")
          .build();

  private Quarantine() {}
}
