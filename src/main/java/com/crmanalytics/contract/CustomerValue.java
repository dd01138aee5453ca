package com.crmanalytics.contract;

import static com.crmanalytics.contract.Rules.DATE;
import static com.crmanalytics.contract.Rules.DOUBLE;
import static com.crmanalytics.contract.Rules.STRING;

/**
 * Gold table {@code customer_value}: one row per customer of {@code customer_features} at {@code
 * as_of_date}, with its lifetime value and churn risk. Partitioned by {@code as_of_date}; a run for
 * D replaces the partition D. Money is in run.currency; the horizon is clv.horizon-months.
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
  public static final String CLV_LIFETIME = "clv_lifetime";
  public static final String P_NO_PURCHASE_MODEL = "p_no_purchase_model";
  public static final String CHURN_PROBABILITY = "churn_probability";
  public static final String RISK_BAND = "risk_band";
  public static final String CLV_AT_RISK = "clv_at_risk";

  public static final TableContract CONTRACT =
      TableContract.builder(
              "customer_value",
              "Lifetime value (discounted) and churn risk of every customer, by date")
          .required(CUSTOMER_ID, STRING, "Customer identifier")
          .required(
              AS_OF_DATE,
              DATE,
              "Business date D the values are for (only purchases on or before D are used)")
          .required(
              MODEL,
              STRING,
              "Transaction model that values the customer: bg-nbd, mbg-nbd or pareto-nbd (clv.model; "
                  + "auto picks one, model_runs choice.*), with gamma-gamma for spend")
          .required(
              P_ALIVE,
              DOUBLE,
              "Probability (0-1) the customer has not silently left at D; 1 - p_alive is the "
                  + "probability it has left. From a model in which a one-time buyer can also have left: the chosen model, "
                  + "or MBG/NBD when that is BG/NBD (model_runs has_left.model)")
          .required(
              EXPECTED_PURCHASES,
              DOUBLE,
              "Expected purchase days in the next clv.horizon-months months after D")
          .required(
              EXPECTED_AVG_SPEND,
              DOUBLE,
              "Expected value of one future purchase (Gamma-Gamma), currency units")
          .required(
              CLV,
              DOUBLE,
              "Present value at D of the next clv.horizon-months months of margin "
                  + "(clv.annual-discount-rate, monthly, end of month), currency units")
          .optional(
              CLV_LIFETIME,
              DOUBLE,
              "Present value at D of the customer's whole expected future margin (no horizon; "
                  + "same discounting), currency units")
          .optional(
              CLV_BASELINE,
              DOUBLE,
              "Baseline CLV by the simple retention model (Gupta & Lehmann) m * r / (1 + d - r), "
                  + "currency units: m = net revenue in the rfm.window-days days up to D times the margin ratio clv uses, per "
                  + "year; r = share of the previous window's buyers who bought again in the last one, per year; "
                  + "d = clv.annual-discount-rate. Null for every customer when r cannot be measured (see model_runs baseline.*)")
          .optional(
              P_NO_PURCHASE_MODEL,
              DOUBLE,
              "Probability (0-1) of no purchase in the next churn.horizon-days days "
                  + "by the transaction model: L(x, t_x, T + h) / L(x, t_x, T)")
          .required(
              CHURN_PROBABILITY,
              DOUBLE,
              "Probability (0-1) of no purchase in the next churn.horizon-days days (quiet, "
                  + "not necessarily gone): the MLlib classifier's when it beat p_no_purchase_model out of time, else "
                  + "p_no_purchase_model (model_runs churn.classifier_used)")
          .required(
              RISK_BAND,
              STRING,
              "low, medium or high chance of no purchase in the churn horizon (churn_probability, "
                  + "churn.risk-bands)")
          .required(
              CLV_AT_RISK,
              DOUBLE,
              "Value at risk: what the next clv.horizon-months months would be worth if the "
                  + "customer is still active, times the probability it has left (1 - p_alive); clv + clv_at_risk = the value "
                  + "if still active. Currency units")
          .key(CUSTOMER_ID, AS_OF_DATE)
          .partitionBy(AS_OF_DATE)
          .build();

  private CustomerValue() {}
}
