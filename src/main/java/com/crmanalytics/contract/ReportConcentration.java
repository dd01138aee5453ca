package com.crmanalytics.contract;

import static com.crmanalytics.contract.Rules.DATE;
import static com.crmanalytics.contract.Rules.DOUBLE;
import static com.crmanalytics.contract.Rules.INT;
import static com.crmanalytics.contract.Rules.LONG;

/**
 * Report table {@code report_concentration}: the Lorenz curve and top shares of the pyramid measure
 * at each percentile, by {@code as_of_date}. A run for D replaces the rows of D; the queries that
 * fill it are in {@code report/ReportQueries}.
 */
public final class ReportConcentration {
  public static final String AS_OF_DATE = "as_of_date";
  public static final String PERCENTILE = "percentile";
  public static final String TOP_CUSTOMERS = "top_customers";
  public static final String TOP_SHARE = "top_share";
  public static final String LORENZ_SHARE = "lorenz_share";
  public static final String GINI = "gini";

  public static final TableContract CONTRACT =
      TableContract.builder(
              "report_concentration",
              "Concentration of the pyramid measure: Lorenz curve and top shares at each percentile, by date")
          .required(AS_OF_DATE, DATE, "Business date D of the report")
          .required(PERCENTILE, INT, "p, 1 to 100")
          .required(TOP_CUSTOMERS, LONG, "Customers in the top p%: ceil(p% of all customers)")
          .required(TOP_SHARE, DOUBLE, "Share of the measure brought by the top p% of customers")
          .required(
              LORENZ_SHARE,
              DOUBLE,
              "Lorenz curve: share of the measure of the bottom p% (floor(p% of all))")
          .required(GINI, DOUBLE, "Gini coefficient of the date (the same on every row of a date)")
          .key(AS_OF_DATE, PERCENTILE)
          .partitionBy(AS_OF_DATE)
          .build();

  private ReportConcentration() {}
}
