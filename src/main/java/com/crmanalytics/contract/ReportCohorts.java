package com.crmanalytics.contract;

import static com.crmanalytics.contract.Rules.DATE;
import static com.crmanalytics.contract.Rules.DOUBLE;
import static com.crmanalytics.contract.Rules.INT;
import static com.crmanalytics.contract.Rules.LONG;
import static com.crmanalytics.contract.Rules.MONEY;

/**
 * Report table {@code report_cohorts}: customers by month of first order and months since, still
 * buying and revenue, by {@code as_of_date}. A run for D replaces the rows of D; the queries that
 * fill it are in {@code report/ReportQueries}.
 */
public final class ReportCohorts {
  public static final String AS_OF_DATE = "as_of_date";
  public static final String COHORT_MONTH = "cohort_month";
  public static final String MONTHS_SINCE = "months_since";
  public static final String COHORT_CUSTOMERS = "cohort_customers";
  public static final String ACTIVE_CUSTOMERS = "active_customers";
  public static final String ACTIVE_SHARE = "active_share";
  public static final String REVENUE = "revenue";

  public static final TableContract CONTRACT =
      TableContract.builder(
              "report_cohorts",
              "Cohorts: customers by month of first order x months since, still buying and revenue, by date")
          .required(
              AS_OF_DATE, DATE, "Business date D of the report (the month of D counts up to D)")
          .required(
              COHORT_MONTH,
              DATE,
              "First day of the month of the customers' first order (the last 24 months)")
          .required(
              MONTHS_SINCE, INT, "Months after the cohort month: 0 = the month of the first order")
          .required(COHORT_CUSTOMERS, LONG, "Customers whose first order is in cohort_month")
          .required(ACTIVE_CUSTOMERS, LONG, "Customers of the cohort with a purchase in that month")
          .required(ACTIVE_SHARE, DOUBLE, "active_customers / cohort_customers: share still buying")
          .required(
              REVENUE,
              MONEY,
              "Net revenue of the cohort's customers in that month (returns deducted)")
          .key(AS_OF_DATE, COHORT_MONTH, MONTHS_SINCE)
          .partitionBy(AS_OF_DATE)
          .build();

  private ReportCohorts() {}
}
