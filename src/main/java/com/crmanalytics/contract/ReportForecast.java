package com.crmanalytics.contract;

import static com.crmanalytics.contract.Rules.DATE;
import static com.crmanalytics.contract.Rules.DOUBLE;
import static com.crmanalytics.contract.Rules.INT;
import static com.crmanalytics.contract.Rules.STRING;

/**
 * Report table {@code report_forecast}, written by the value stage for D: the purchases and revenue
 * the customers known on D are expected to bring month by month over the next twelve months, from
 * the chosen transaction model's conditional expectation and Gamma-Gamma's expected spend, with the
 * 90% interval from the parameter uncertainty (the draws of customer equity's interval). A month is
 * 30.4375 days, counted from D + 1. Partitioned by {@code as_of_date}; a run for D replaces the
 * rows of D.
 */
public final class ReportForecast {
  public static final String AS_OF_DATE = "as_of_date";
  public static final String MODEL = "model";
  public static final String MONTH = "month";
  public static final String PERIOD_START = "period_start";
  public static final String PERIOD_END = "period_end";
  public static final String PURCHASES = "purchases";
  public static final String PURCHASES_LOW = "purchases_low";
  public static final String PURCHASES_HIGH = "purchases_high";
  public static final String REVENUE = "revenue";
  public static final String REVENUE_LOW = "revenue_low";
  public static final String REVENUE_HIGH = "revenue_high";

  /** Months forecast. */
  public static final int MONTHS = 12;

  public static final TableContract CONTRACT =
      TableContract.builder(
              "report_forecast",
              "Expected purchases and revenue of the existing customers, month by month for 12 months, by date")
          .required(AS_OF_DATE, DATE, "Business date D: the customers and their history up to D")
          .required(MODEL, STRING, "The transaction model: bg-nbd, mbg-nbd or pareto-nbd")
          .required(MONTH, INT, "1 = the first month after D, up to 12")
          .required(
              PERIOD_START, DATE, "First day of the month (months of 30.4375 days from D + 1)")
          .required(PERIOD_END, DATE, "Last day of the month")
          .required(
              PURCHASES,
              DOUBLE,
              "Expected purchases (purchase days, as x counts them) of the customers known on D")
          .optional(
              PURCHASES_LOW,
              DOUBLE,
              "5% quantile over parameter draws of the fitted models (90% interval; null without one)")
          .optional(PURCHASES_HIGH, DOUBLE, "95% quantile over the same draws")
          .required(
              REVENUE,
              DOUBLE,
              "Expected revenue: each customer's expected purchases times their expected spend, undiscounted")
          .optional(REVENUE_LOW, DOUBLE, "5% quantile of revenue over the same draws")
          .optional(REVENUE_HIGH, DOUBLE, "95% quantile of revenue over the same draws")
          .key(AS_OF_DATE, MONTH)
          .partitionBy(AS_OF_DATE)
          .build();

  private ReportForecast() {}
}
