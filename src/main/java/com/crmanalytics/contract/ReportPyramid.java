package com.crmanalytics.contract;

import static com.crmanalytics.contract.Rules.DATE;
import static com.crmanalytics.contract.Rules.DOUBLE;
import static com.crmanalytics.contract.Rules.INT;
import static com.crmanalytics.contract.Rules.LONG;
import static com.crmanalytics.contract.Rules.MONEY;
import static com.crmanalytics.contract.Rules.STRING;

/**
 * Report table {@code report_pyramid}: customers, revenue and value per pyramid tier, by {@code
 * as_of_date}. A run for D replaces the rows of D; the queries that fill it are in {@code
 * report/ReportQueries}.
 */
public final class ReportPyramid {
  public static final String AS_OF_DATE = "as_of_date";
  public static final String TIER = "tier";
  public static final String TIER_ORDER = "tier_order";
  public static final String CUSTOMERS = "customers";
  public static final String CUSTOMER_SHARE = "customer_share";
  public static final String REVENUE = "revenue";
  public static final String REVENUE_SHARE = "revenue_share";
  public static final String CUMULATIVE_REVENUE_SHARE = "cumulative_revenue_share";
  public static final String MARGIN = "margin";
  public static final String CLV_TOTAL = "clv_total";
  public static final String CLV_MEAN = "clv_mean";
  public static final String CHURN_PROBABILITY_MEAN = "churn_probability_mean";

  public static final TableContract CONTRACT =
      TableContract.builder(
              "report_pyramid", "Customer pyramid: customers, revenue and value per tier, by date")
          .required(AS_OF_DATE, DATE, "Business date D of the report")
          .required(TIER, STRING, "Pyramid tier (pyramid.tiers), e.g. vip, major, ordinary, small")
          .required(TIER_ORDER, INT, "Position of the tier, 1 = top")
          .required(CUSTOMERS, LONG, "Customers in the tier")
          .required(CUSTOMER_SHARE, DOUBLE, "customers / all customers")
          .required(REVENUE, MONEY, "Net revenue of the tier's customers in the window")
          .required(REVENUE_SHARE, DOUBLE, "revenue / revenue of all customers (0 when that is 0)")
          .required(
              CUMULATIVE_REVENUE_SHARE,
              DOUBLE,
              "Share of revenue of this tier and the tiers above it")
          .required(MARGIN, MONEY, "Margin of the tier's customers in the window")
          .required(CLV_TOTAL, DOUBLE, "Sum of clv of the tier")
          .optional(CLV_MEAN, DOUBLE, "Mean clv of the tier (null for a tier without customers)")
          .optional(
              CHURN_PROBABILITY_MEAN,
              DOUBLE,
              "Mean churn_probability (no purchase in the churn horizon) of the tier (null when empty)")
          .key(AS_OF_DATE, TIER)
          .partitionBy(AS_OF_DATE)
          .build();

  private ReportPyramid() {}
}
