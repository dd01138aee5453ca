package com.crmanalytics.contract;

import static com.crmanalytics.contract.Rules.DATE;
import static com.crmanalytics.contract.Rules.LONG;
import static com.crmanalytics.contract.Rules.MONEY;
import static com.crmanalytics.contract.Rules.STRING;

/**
 * Report table {@code report_migration}: customers moving between segments and tiers since the
 * previous date, by {@code as_of_date}. A run for D replaces the rows of D; the queries that fill
 * it are in {@code report/ReportQueries}.
 */
public final class ReportMigration {
  public static final String AS_OF_DATE = "as_of_date";
  public static final String PREVIOUS_AS_OF_DATE = "previous_as_of_date";
  public static final String DIMENSION = "dimension";
  public static final String FROM_VALUE = "from_value";
  public static final String TO_VALUE = "to_value";
  public static final String CUSTOMERS = "customers";
  public static final String REVENUE = "revenue";

  /** Values of {@link #DIMENSION}. */
  public static final String DIMENSION_SEGMENT = "segment";

  public static final String DIMENSION_TIER = "tier";

  public static final TableContract CONTRACT =
      TableContract.builder(
              "report_migration",
              "Customers moving between segments and tiers since the previous date in customer_segments")
          .required(AS_OF_DATE, DATE, "Business date D of the report")
          .required(PREVIOUS_AS_OF_DATE, DATE, "The latest date before D in customer_segments")
          .required(DIMENSION, STRING, "segment or tier")
          .optional(
              FROM_VALUE,
              STRING,
              "Segment or tier on the previous date (null: not a customer then)")
          .optional(TO_VALUE, STRING, "Segment or tier on D (null: no longer a customer)")
          .required(CUSTOMERS, LONG, "Customers who moved from from_value to to_value")
          .required(REVENUE, MONEY, "Their net revenue in the window ending D")
          .key(AS_OF_DATE, DIMENSION, FROM_VALUE, TO_VALUE)
          .partitionBy(AS_OF_DATE)
          .build();

  private ReportMigration() {}
}
