package com.crmanalytics.contract;

import static com.crmanalytics.contract.Rules.DATE;
import static com.crmanalytics.contract.Rules.DOUBLE;
import static com.crmanalytics.contract.Rules.LONG;
import static com.crmanalytics.contract.Rules.MONEY;
import static com.crmanalytics.contract.Rules.STRING;

/**
 * Report table {@code report_segments}: value and churn risk per RFM segment, per tier and per
 * both, by {@code as_of_date}. A run for D replaces the rows of D; the queries that fill it are in
 * {@code report/ReportQueries}.
 */
public final class ReportSegments {
  public static final String AS_OF_DATE = "as_of_date";
  public static final String LEVEL = "level";
  public static final String SEGMENT = "segment";
  public static final String TIER = "tier";
  public static final String CUSTOMERS = "customers";
  public static final String CUSTOMER_SHARE = "customer_share";
  public static final String REVENUE = "revenue";
  public static final String CLV_TOTAL = "clv_total";
  public static final String CLV_MEAN = "clv_mean";
  public static final String CLV_AT_RISK = "clv_at_risk";
  public static final String CHURN_PROBABILITY_MEAN = "churn_probability_mean";
  public static final String P_ALIVE_MEAN = "p_alive_mean";
  public static final String EXPECTED_LOST = "expected_lost";
  public static final String RISK_LOW = "risk_low";
  public static final String RISK_MEDIUM = "risk_medium";
  public static final String RISK_HIGH = "risk_high";

  /** Values of {@link #LEVEL}: what a row groups by. */
  public static final String LEVEL_SEGMENT = "segment";

  public static final String LEVEL_TIER = "tier";
  public static final String LEVEL_SEGMENT_TIER = "segment_tier";

  public static final TableContract CONTRACT =
      TableContract.builder(
              "report_segments",
              "Value and churn risk per RFM segment, per tier and per both, by date")
          .required(AS_OF_DATE, DATE, "Business date D of the report")
          .required(LEVEL, STRING, "Grouping of the row: segment, tier or segment_tier")
          .optional(SEGMENT, STRING, "RFM segment (null on rows of level tier)")
          .optional(TIER, STRING, "Pyramid tier (null on rows of level segment)")
          .required(CUSTOMERS, LONG, "Customers in the group")
          .required(CUSTOMER_SHARE, DOUBLE, "customers / all customers")
          .required(REVENUE, MONEY, "Net revenue of the group in the window")
          .required(CLV_TOTAL, DOUBLE, "Sum of clv")
          .required(CLV_MEAN, DOUBLE, "Mean clv")
          .required(CLV_AT_RISK, DOUBLE, "Sum of clv_at_risk (value at risk)")
          .required(
              CHURN_PROBABILITY_MEAN,
              DOUBLE,
              "Mean churn_probability: chance of no purchase in the churn horizon")
          .required(P_ALIVE_MEAN, DOUBLE, "Mean P(alive): probability of not having left")
          .optional(
              EXPECTED_LOST,
              DOUBLE,
              "Customers of the group expected to have left: sum of 1 - p_alive")
          .required(RISK_LOW, LONG, "Customers in risk band low")
          .required(RISK_MEDIUM, LONG, "Customers in risk band medium")
          .required(RISK_HIGH, LONG, "Customers in risk band high")
          .key(AS_OF_DATE, LEVEL, SEGMENT, TIER)
          .partitionBy(AS_OF_DATE)
          .build();

  private ReportSegments() {}
}
