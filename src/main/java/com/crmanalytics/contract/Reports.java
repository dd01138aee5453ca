package com.crmanalytics.contract;

import static com.crmanalytics.contract.Rules.DATE;
import static com.crmanalytics.contract.Rules.DOUBLE;
import static com.crmanalytics.contract.Rules.INT;
import static com.crmanalytics.contract.Rules.LONG;
import static com.crmanalytics.contract.Rules.MONEY;
import static com.crmanalytics.contract.Rules.STRING;

import java.util.List;

/**
 * The report tables written by {@code crm report --date D}: small summaries of the gold tables, one
 * set of rows per {@code as_of_date}; a run for D replaces the rows of D. "The window" is the
 * rfm.window-days days ending on D, D included. Money is in run.currency. The SQL that fills them
 * is in {@code report/ReportQueries}; the README explains each table.
 */
public final class Reports {
  public static final String AS_OF_DATE = "as_of_date";

  public static final TableContract KPIS =
      TableContract.builder(
              "report_kpis", "Headline numbers of the customer base, one row per date")
          .required(AS_OF_DATE, DATE, "Business date D of the report")
          .required("currency", STRING, "ISO 4217 code of the money columns (run.currency)")
          .required("customers_known", LONG, "Customers with at least one order on or before D")
          .required("customers_active", LONG, "Customers with a purchase in the window")
          .required(
              "customers_new",
              LONG,
              "Customers whose first order is in the last report.recent-days days")
          .required("orders", LONG, "Orders placed in the window")
          .required("revenue", MONEY, "Net revenue in the window (returns deducted)")
          .required("margin", MONEY, "Margin in the window, from order lines with a known cost")
          .required(
              "customer_equity",
              DOUBLE,
              "Sum of clv over all customers: the present value of the customer base")
          .optional(
              "customer_equity_baseline",
              DOUBLE,
              "Sum of clv_baseline (simple retention model, Gupta & Lehmann); null when it cannot be computed")
          .optional(
              "customer_equity_low",
              DOUBLE,
              "5% quantile of customer equity over parameter draws of the fitted models (90% interval; null without one)")
          .optional(
              "customer_equity_high", DOUBLE, "95% quantile of customer equity over the same draws")
          .optional(
              "customer_equity_lifetime",
              DOUBLE,
              "Sum of clv_lifetime: present value of the whole expected future")
          .required("mean_clv", DOUBLE, "Mean clv per customer")
          .required(
              "expected_churners",
              DOUBLE,
              "Customers expected to have left (stopped buying for good): sum of 1 - p_alive")
          .required(
              "churn_rate",
              DOUBLE,
              "expected_churners / customers_known: share of customers expected to have left")
          .optional(
              "expected_quiet",
              DOUBLE,
              "Customers expected to make no purchase in the next churn.horizon-days days: sum of churn_probability")
          .optional("quiet_share", DOUBLE, "expected_quiet / customers_known")
          .optional(
              "churn_horizon_days",
              INT,
              "churn.horizon-days: the horizon of expected_quiet and churn_probability")
          .required(
              "high_risk_customers",
              LONG,
              "Customers in risk band high (churn_probability from churn.risk-bands.high-from)")
          .required(
              "clv_at_risk",
              DOUBLE,
              "Sum of clv_at_risk: value at risk, what the customers who have probably "
                  + "left would have brought in the next clv.horizon-months months had they stayed")
          .optional(
              "value_if_all_active",
              DOUBLE,
              "customer_equity + clv_at_risk: the value of the next clv.horizon-months months if every customer were still active")
          .required(
              "mean_p_alive", DOUBLE, "Mean P(alive): probability that a customer has not left")
          .required(
              "top_20_share",
              DOUBLE,
              "Share of the pyramid measure (revenue by default) brought by the top 20% of customers")
          .required(
              "gini",
              DOUBLE,
              "Gini coefficient of the pyramid measure (0 = all equal, 1 = one customer has all)")
          .key(AS_OF_DATE)
          .partitionBy(AS_OF_DATE)
          .build();

  public static final TableContract PYRAMID =
      TableContract.builder(
              "report_pyramid", "Customer pyramid: customers, revenue and value per tier, by date")
          .required(AS_OF_DATE, DATE, "Business date D of the report")
          .required(
              "tier", STRING, "Pyramid tier (pyramid.tiers), e.g. vip, major, ordinary, small")
          .required("tier_order", INT, "Position of the tier, 1 = top")
          .required("customers", LONG, "Customers in the tier")
          .required("customer_share", DOUBLE, "customers / all customers")
          .required("revenue", MONEY, "Net revenue of the tier's customers in the window")
          .required(
              "revenue_share", DOUBLE, "revenue / revenue of all customers (0 when that is 0)")
          .required(
              "cumulative_revenue_share",
              DOUBLE,
              "Share of revenue of this tier and the tiers above it")
          .required("margin", MONEY, "Margin of the tier's customers in the window")
          .required("clv_total", DOUBLE, "Sum of clv of the tier")
          .optional("clv_mean", DOUBLE, "Mean clv of the tier (null for a tier without customers)")
          .optional(
              "churn_probability_mean",
              DOUBLE,
              "Mean churn_probability (no purchase in the churn horizon) of the tier (null when empty)")
          .key(AS_OF_DATE, "tier")
          .partitionBy(AS_OF_DATE)
          .build();

  public static final TableContract CONCENTRATION =
      TableContract.builder(
              "report_concentration",
              "Concentration of the pyramid measure: Lorenz curve and top shares at each percentile, by date")
          .required(AS_OF_DATE, DATE, "Business date D of the report")
          .required("percentile", INT, "p, 1 to 100")
          .required("top_customers", LONG, "Customers in the top p%: ceil(p% of all customers)")
          .required("top_share", DOUBLE, "Share of the measure brought by the top p% of customers")
          .required(
              "lorenz_share",
              DOUBLE,
              "Lorenz curve: share of the measure of the bottom p% (floor(p% of all))")
          .required(
              "gini", DOUBLE, "Gini coefficient of the date (the same on every row of a date)")
          .key(AS_OF_DATE, "percentile")
          .partitionBy(AS_OF_DATE)
          .build();

  public static final TableContract SEGMENTS =
      TableContract.builder(
              "report_segments",
              "Value and churn risk per RFM segment, per tier and per both, by date")
          .required(AS_OF_DATE, DATE, "Business date D of the report")
          .required("level", STRING, "Grouping of the row: segment, tier or segment_tier")
          .optional("segment", STRING, "RFM segment (null on rows of level tier)")
          .optional("tier", STRING, "Pyramid tier (null on rows of level segment)")
          .required("customers", LONG, "Customers in the group")
          .required("customer_share", DOUBLE, "customers / all customers")
          .required("revenue", MONEY, "Net revenue of the group in the window")
          .required("clv_total", DOUBLE, "Sum of clv")
          .required("clv_mean", DOUBLE, "Mean clv")
          .required("clv_at_risk", DOUBLE, "Sum of clv_at_risk (value at risk)")
          .required(
              "churn_probability_mean",
              DOUBLE,
              "Mean churn_probability: chance of no purchase in the churn horizon")
          .required("p_alive_mean", DOUBLE, "Mean P(alive): probability of not having left")
          .optional(
              "expected_lost",
              DOUBLE,
              "Customers of the group expected to have left: sum of 1 - p_alive")
          .required("risk_low", LONG, "Customers in risk band low")
          .required("risk_medium", LONG, "Customers in risk band medium")
          .required("risk_high", LONG, "Customers in risk band high")
          .key(AS_OF_DATE, "level", "segment", "tier")
          .partitionBy(AS_OF_DATE)
          .build();

  public static final TableContract MIGRATION =
      TableContract.builder(
              "report_migration",
              "Customers moving between segments and tiers since the previous date in customer_segments")
          .required(AS_OF_DATE, DATE, "Business date D of the report")
          .required("previous_as_of_date", DATE, "The latest date before D in customer_segments")
          .required("dimension", STRING, "segment or tier")
          .optional(
              "from_value",
              STRING,
              "Segment or tier on the previous date (null: not a customer then)")
          .optional("to_value", STRING, "Segment or tier on D (null: no longer a customer)")
          .required("customers", LONG, "Customers who moved from from_value to to_value")
          .required("revenue", MONEY, "Their net revenue in the window ending D")
          .key(AS_OF_DATE, "dimension", "from_value", "to_value")
          .partitionBy(AS_OF_DATE)
          .build();

  /** report_campaigns: declared with its column constants in {@link ReportCampaigns}. */
  public static final TableContract CAMPAIGNS = ReportCampaigns.CONTRACT;

  public static final TableContract SERVICE =
      TableContract.builder(
              "report_service", "Service quality and cost per tier, channel and category, by date")
          .required(AS_OF_DATE, DATE, "Business date D of the report")
          .required("level", STRING, "Grouping of the row: tier, channel or category")
          .optional(
              "tier",
              STRING,
              "Pyramid tier of the contacting customer (level tier; null: not a buying customer)")
          .optional("channel", STRING, "Contact channel (level channel)")
          .optional("category", STRING, "Contact category (level category)")
          .required("contacts", LONG, "Contacts opened in the window")
          .required("customers", LONG, "Distinct customers who made them")
          .required(
              "contacts_per_customer",
              DOUBLE,
              "contacts / customers; on level tier, per customer of the tier (contacting or not)")
          .optional("mean_wait_seconds", DOUBLE, "Mean wait before an answer, seconds")
          .required("abandonment_rate", DOUBLE, "Share of contacts abandoned before an answer")
          .optional(
              "first_contact_resolution",
              DOUBLE,
              "Share of answered contacts resolved with no new contact of the same customer and category within 7 days "
                  + "(null when none was answered)")
          .optional(
              "mean_satisfaction",
              DOUBLE,
              "Mean satisfaction, 1-5, of the contacts that have a score")
          .required("complaint_rate", DOUBLE, "Share of contacts of category complaint")
          .required("cost_to_serve", MONEY, "Cost of the contacts")
          .key(AS_OF_DATE, "level", "tier", "channel", "category")
          .partitionBy(AS_OF_DATE)
          .build();

  public static final TableContract SALES =
      TableContract.builder(
              "report_sales",
              "Revenue, margin, orders and customers by category, channel and region")
          .required(AS_OF_DATE, DATE, "Business date D of the report")
          .required("dimension", STRING, "category, channel or region")
          .optional(
              "value", STRING, "The category, channel or region (null: not given on the order)")
          .required("revenue", MONEY, "Net revenue in the window (returns deducted)")
          .required("revenue_share", DOUBLE, "revenue / revenue of the window (0 when that is 0)")
          .required("margin", MONEY, "Margin of the order lines with a known cost")
          .required("orders", LONG, "Distinct orders")
          .required("customers", LONG, "Distinct customers")
          .required("lines", LONG, "Order lines")
          .required(
              "returned_amount",
              MONEY,
              "Amount of returned lines (negative quantities), as a positive number")
          .key(AS_OF_DATE, "dimension", "value")
          .partitionBy(AS_OF_DATE)
          .build();

  public static final TableContract MODEL =
      TableContract.builder(
              "report_model",
              "The models of the date and their credibility, one row per number (from model_runs)")
          .required(AS_OF_DATE, DATE, "Business date D of the report")
          .required("model", STRING, "bg-nbd, mbg-nbd or pareto-nbd, gamma-gamma, churn or rfm")
          .required(
              "kind",
              STRING,
              "param (fitted or set), fit (log_likelihood, n_customers, iterations, converged), "
                  + "metric (holdout, AUC, ...) or threshold")
          .required("name", STRING, "Name of the number, as in model_runs")
          .required("value", DOUBLE, "The number")
          .key(AS_OF_DATE, "model", "kind", "name")
          .partitionBy(AS_OF_DATE)
          .build();

  public static final TableContract COHORTS =
      TableContract.builder(
              "report_cohorts",
              "Cohorts: customers by month of first order x months since, still buying and revenue, by date")
          .required(
              AS_OF_DATE, DATE, "Business date D of the report (the month of D counts up to D)")
          .required(
              "cohort_month",
              DATE,
              "First day of the month of the customers' first order (the last 24 months)")
          .required(
              "months_since",
              INT,
              "Months after the cohort month: 0 = the month of the first order")
          .required("cohort_customers", LONG, "Customers whose first order is in cohort_month")
          .required(
              "active_customers", LONG, "Customers of the cohort with a purchase in that month")
          .required(
              "active_share", DOUBLE, "active_customers / cohort_customers: share still buying")
          .required(
              "revenue",
              MONEY,
              "Net revenue of the cohort's customers in that month (returns deducted)")
          .key(AS_OF_DATE, "cohort_month", "months_since")
          .partitionBy(AS_OF_DATE)
          .build();

  /** In the order {@code crm report} writes them. */
  public static final List<TableContract> ALL =
      List.of(
          KPIS,
          PYRAMID,
          CONCENTRATION,
          SEGMENTS,
          MIGRATION,
          CAMPAIGNS,
          SERVICE,
          SALES,
          MODEL,
          COHORTS);

  private Reports() {}
}
