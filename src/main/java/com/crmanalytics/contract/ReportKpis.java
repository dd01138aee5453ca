package com.crmanalytics.contract;

import static com.crmanalytics.contract.Rules.DATE;
import static com.crmanalytics.contract.Rules.DOUBLE;
import static com.crmanalytics.contract.Rules.INT;
import static com.crmanalytics.contract.Rules.LONG;
import static com.crmanalytics.contract.Rules.MONEY;
import static com.crmanalytics.contract.Rules.STRING;

/**
 * Report table {@code report_kpis}: the headline numbers of the customer base, one row per {@code
 * as_of_date}. A run for D replaces the rows of D; the queries that fill it are in {@code
 * report/ReportQueries}.
 */
public final class ReportKpis {
  public static final String AS_OF_DATE = "as_of_date";
  public static final String CURRENCY = "currency";
  public static final String CUSTOMERS_KNOWN = "customers_known";
  public static final String CUSTOMERS_ACTIVE = "customers_active";
  public static final String CUSTOMERS_NEW = "customers_new";
  public static final String ORDERS = "orders";
  public static final String REVENUE = "revenue";
  public static final String MARGIN = "margin";
  public static final String CUSTOMER_EQUITY = "customer_equity";
  public static final String CUSTOMER_EQUITY_BASELINE = "customer_equity_baseline";
  public static final String CUSTOMER_EQUITY_LOW = "customer_equity_low";
  public static final String CUSTOMER_EQUITY_HIGH = "customer_equity_high";
  public static final String CUSTOMER_EQUITY_LIFETIME = "customer_equity_lifetime";
  public static final String MEAN_CLV = "mean_clv";
  public static final String EXPECTED_CHURNERS = "expected_churners";
  public static final String CHURN_RATE = "churn_rate";
  public static final String EXPECTED_QUIET = "expected_quiet";
  public static final String QUIET_SHARE = "quiet_share";
  public static final String CHURN_HORIZON_DAYS = "churn_horizon_days";
  public static final String HIGH_RISK_CUSTOMERS = "high_risk_customers";
  public static final String CLV_AT_RISK = "clv_at_risk";
  public static final String VALUE_IF_ALL_ACTIVE = "value_if_all_active";
  public static final String MEAN_P_ALIVE = "mean_p_alive";
  public static final String TOP_20_SHARE = "top_20_share";
  public static final String GINI = "gini";

  public static final TableContract CONTRACT =
      TableContract.builder(
              "report_kpis", "Headline numbers of the customer base, one row per date")
          .required(AS_OF_DATE, DATE, "Business date D of the report")
          .required(CURRENCY, STRING, "ISO 4217 code of the money columns (run.currency)")
          .required(CUSTOMERS_KNOWN, LONG, "Customers with at least one order on or before D")
          .required(CUSTOMERS_ACTIVE, LONG, "Customers with a purchase in the window")
          .required(
              CUSTOMERS_NEW,
              LONG,
              "Customers whose first order is in the last report.recent-days days")
          .required(ORDERS, LONG, "Orders placed in the window")
          .required(REVENUE, MONEY, "Net revenue in the window (returns deducted)")
          .required(MARGIN, MONEY, "Margin in the window, from order lines with a known cost")
          .required(
              CUSTOMER_EQUITY,
              DOUBLE,
              "Sum of clv over all customers: the present value of the customer base")
          .optional(
              CUSTOMER_EQUITY_BASELINE,
              DOUBLE,
              "Sum of clv_baseline (simple retention model, Gupta & Lehmann); null when it cannot be computed")
          .optional(
              CUSTOMER_EQUITY_LOW,
              DOUBLE,
              "5% quantile of customer equity over parameter draws of the fitted models (90% interval; null without one)")
          .optional(
              CUSTOMER_EQUITY_HIGH, DOUBLE, "95% quantile of customer equity over the same draws")
          .optional(
              CUSTOMER_EQUITY_LIFETIME,
              DOUBLE,
              "Sum of clv_lifetime: present value of the whole expected future")
          .required(MEAN_CLV, DOUBLE, "Mean clv per customer")
          .required(
              EXPECTED_CHURNERS,
              DOUBLE,
              "Customers expected to have left (stopped buying for good): sum of 1 - p_alive")
          .required(
              CHURN_RATE,
              DOUBLE,
              "expected_churners / customers_known: share of customers expected to have left")
          .optional(
              EXPECTED_QUIET,
              DOUBLE,
              "Customers expected to make no purchase in the next churn.horizon-days days: sum of churn_probability")
          .optional(QUIET_SHARE, DOUBLE, "expected_quiet / customers_known")
          .optional(
              CHURN_HORIZON_DAYS,
              INT,
              "churn.horizon-days: the horizon of expected_quiet and churn_probability")
          .required(
              HIGH_RISK_CUSTOMERS,
              LONG,
              "Customers in risk band high (churn_probability from churn.risk-bands.high-from)")
          .required(
              CLV_AT_RISK,
              DOUBLE,
              "Sum of clv_at_risk: value at risk, what the customers who have probably "
                  + "left would have brought in the next clv.horizon-months months had they stayed")
          .optional(
              VALUE_IF_ALL_ACTIVE,
              DOUBLE,
              "customer_equity + clv_at_risk: the value of the next clv.horizon-months months if every customer were still active")
          .required(MEAN_P_ALIVE, DOUBLE, "Mean P(alive): probability that a customer has not left")
          .required(
              TOP_20_SHARE,
              DOUBLE,
              "Share of the pyramid measure (revenue by default) brought by the top 20% of customers")
          .required(
              GINI,
              DOUBLE,
              "Gini coefficient of the pyramid measure (0 = all equal, 1 = one customer has all)")
          .key(AS_OF_DATE)
          .partitionBy(AS_OF_DATE)
          .build();

  private ReportKpis() {}
}
