package com.crmanalytics.contract;

import static com.crmanalytics.contract.Rules.DATE;
import static com.crmanalytics.contract.Rules.DOUBLE;
import static com.crmanalytics.contract.Rules.LONG;
import static com.crmanalytics.contract.Rules.STRING;

/**
 * Report table {@code report_tracking}, written by the value stage for D: the tracking chart of the
 * transaction model (Fader, Hardie &amp; Lee 2005, Figure 4). The customers whose first purchase is
 * on or before the calibration end; their cumulative repeat purchases (purchase days after the
 * first) at points every week or more up to D, as they happened and as the model fitted on the
 * calibration expects them. The calibration end is the holdout cutoff D − churn.horizon-days when
 * the value stage checked the models on a holdout, else D (no holdout part). Partitioned by {@code
 * as_of_date}; a run for D replaces the rows of D.
 */
public final class ReportTracking {
  public static final String AS_OF_DATE = "as_of_date";
  public static final String MODEL = "model";
  public static final String POINT_DATE = "point_date";
  public static final String PERIOD = "period";
  public static final String CALIBRATION_END = "calibration_end";
  public static final String CUSTOMERS = "customers";
  public static final String ACTUAL = "actual_cumulative";
  public static final String EXPECTED = "expected_cumulative";

  /** Values of {@link #PERIOD}. */
  public static final String CALIBRATION = "calibration";

  public static final String HOLDOUT = "holdout";

  public static final TableContract CONTRACT =
      TableContract.builder(
              "report_tracking",
              "Cumulative repeat purchases, actual against the model, over calibration and holdout, by date")
          .required(AS_OF_DATE, DATE, "Business date D")
          .required(
              MODEL, STRING, "The transaction model, fitted on the purchases up to calibration_end")
          .required(POINT_DATE, DATE, "The day the cumulative counts run up to, inclusive")
          .required(
              PERIOD,
              STRING,
              "calibration (point_date <= calibration_end: the model saw it) or holdout (after it)")
          .required(
              CALIBRATION_END,
              DATE,
              "End of the fit's history: D - churn.horizon-days with a holdout, else D")
          .required(
              CUSTOMERS, LONG, "Customers whose first purchase is on or before calibration_end")
          .required(
              ACTUAL,
              LONG,
              "Their repeat purchases (purchase days after the first) up to point_date")
          .required(
              EXPECTED,
              DOUBLE,
              "Repeat purchases the model expects of them by point_date, from each one's first purchase")
          .key(AS_OF_DATE, POINT_DATE)
          .partitionBy(AS_OF_DATE)
          .build();

  private ReportTracking() {}
}
