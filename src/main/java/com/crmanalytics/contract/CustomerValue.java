package com.crmanalytics.contract;

import static com.crmanalytics.contract.Rules.DATE;
import static com.crmanalytics.contract.Rules.DOUBLE;
import static com.crmanalytics.contract.Rules.STRING;

/**
 * Gold table {@code customer_value}: one row per customer of {@code customer_features} at
 * {@code as_of_date}, with its lifetime value and churn risk. Partitioned by {@code as_of_date}; a run
 * for D replaces the partition D. Money is in run.currency; the horizon is clv.horizon-months.
 */
public final class CustomerValue {
  public static final String CUSTOMER_ID = "customer_id";
  public static final String AS_OF_DATE = "as_of_date";
  public static final String MODEL = "model";
  public static final String P_ALIVE = "p_alive";
  public static final String EXPECTED_PURCHASES = "expected_purchases";
  public static final String EXPECTED_AVG_SPEND = "expected_avg_spend";
  public static final String CLV = "clv";
  public static final String CLV_BASELINE = "clv_baseline";
  public static final String CHURN_PROBABILITY = "churn_probability";
  public static final String RISK_BAND = "risk_band";
  public static final String CLV_AT_RISK = "clv_at_risk";

  public static final TableContract CONTRACT =
      TableContract.builder(
              "customer_value", "Lifetime value (discounted) and churn risk of every customer, by date")
          .required(CUSTOMER_ID, STRING, "Customer identifier")
          .required(AS_OF_DATE, DATE, "Business date D the values are for (only purchases on or before D are used)")
          .required(MODEL, STRING, "Transaction model used: bg-nbd or pareto-nbd (clv.model), with gamma-gamma for spend")
          .required(P_ALIVE, DOUBLE, "Probability (0-1) the customer is still buying, i.e. has not silently left, at D")
          .required(EXPECTED_PURCHASES, DOUBLE, "Expected purchase days in the next clv.horizon-months months after D")
          .required(EXPECTED_AVG_SPEND, DOUBLE, "Expected value of one future purchase (Gamma-Gamma), currency units")
          .required(CLV, DOUBLE, "Present value at D of the next clv.horizon-months months of margin "
              + "(clv.annual-discount-rate, monthly, end of month), currency units")
          .optional(CLV_BASELINE, DOUBLE, "Baseline CLV by the simple retention model (Gupta & Lehmann) m * r / (1 + d - r), "
              + "currency units: m = net revenue in the rfm.window-days days up to D times the margin ratio clv uses, per "
              + "year; r = share of the previous window's buyers who bought again in the last one, per year; "
              + "d = clv.annual-discount-rate. Null for every customer when r cannot be measured (see model_runs baseline.*)")
          .required(CHURN_PROBABILITY, DOUBLE, "Probability (0-1) of no purchase in the next churn.horizon-days days (MLlib classifier)")
          .required(RISK_BAND, STRING, "low, medium or high churn risk (churn.risk-bands)")
          .required(CLV_AT_RISK, DOUBLE, "churn_probability * clv, currency units")
          .key(CUSTOMER_ID, AS_OF_DATE)
          .partitionBy(AS_OF_DATE)
          .build();

  private CustomerValue() {}
}
