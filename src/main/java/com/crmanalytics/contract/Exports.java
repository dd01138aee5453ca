package com.crmanalytics.contract;

import static com.crmanalytics.contract.Rules.DATE;
import static com.crmanalytics.contract.Rules.LONG;
import static com.crmanalytics.contract.Rules.STRING;
import static com.crmanalytics.contract.Rules.TIMESTAMP;

/**
 * Audit table {@code exports}: one row per contact list written by {@code crm export target-list}.
 */
public final class Exports {
  public static final String EXPORT_ID = "export_id";
  public static final String EXPORTED_AT = "exported_at";
  public static final String OS_USER = "os_user";
  public static final String BUSINESS_DATE = "business_date";
  public static final String QUERY = "query";
  public static final String OUTPUT_PATH = "output_path";
  public static final String ROWS_WRITTEN = "rows_written";
  public static final String ROWS_WITHOUT_CONSENT = "rows_without_consent";
  public static final String ROWS_UNKNOWN = "rows_unknown";

  public static final TableContract CONTRACT =
      TableContract.builder(
              "exports",
              "Audit log of contact-list exports: who exported which customers, when, where to")
          .required(EXPORT_ID, STRING, "Export identifier (random)")
          .required(EXPORTED_AT, TIMESTAMP, "When the list was written")
          .required(OS_USER, STRING, "Operating-system user who ran crm export")
          .required(BUSINESS_DATE, DATE, "The --date of the export (bound to :date in the query)")
          .required(QUERY, STRING, "The SQL that chose the customers, as run")
          .required(OUTPUT_PATH, STRING, "Absolute path of the CSV file written")
          .required(
              ROWS_WRITTEN, LONG, "Customers written with their contact details (all with consent)")
          .required(
              ROWS_WITHOUT_CONSENT,
              LONG,
              "Customers the query chose but left out: no marketing consent")
          .required(
              ROWS_UNKNOWN,
              LONG,
              "Customer ids the query chose that silver customers does not hold")
          .build();

  private Exports() {}
}
