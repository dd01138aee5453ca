package com.crmanalytics.contract;

import static com.crmanalytics.contract.Rules.DATE;
import static com.crmanalytics.contract.Rules.DOUBLE;
import static com.crmanalytics.contract.Rules.INT;
import static com.crmanalytics.contract.Rules.LONG;
import static com.crmanalytics.contract.Rules.MONEY;
import static com.crmanalytics.contract.Rules.STRING;

/**
 * Report table {@code report_actions}, written by {@code crm report} for D: one row per group of
 * report.actions ("what to do next"), the customers of customer_segments and customer_value of D
 * (with customer_features' lifetime_orders and tenure_days) that the group's condition chooses,
 * what they are worth, and the target-list query that lists them. Partitioned by {@code
 * as_of_date}; a run for D replaces the rows of D.
 */
public final class ReportActions {
  public static final String AS_OF_DATE = "as_of_date";
  public static final String ACTION_ORDER = "action_order";
  public static final String ACTION = "action";
  public static final String CONDITION = "condition";
  public static final String CUSTOMERS = "customers";
  public static final String CUSTOMER_SHARE = "customer_share";
  public static final String CLV_TOTAL = "clv_total";
  public static final String CLV_AT_RISK = "clv_at_risk";
  public static final String REVENUE = "revenue";
  public static final String EXPECTED_PURCHASES = "expected_purchases";
  public static final String NOTEBOOK = "notebook";
  public static final String TARGET_LIST_QUERY = "target_list_query";

  public static final TableContract CONTRACT =
      TableContract.builder(
              "report_actions",
              "What to do next: customers, value and target-list query per group of report.actions, by date")
          .required(AS_OF_DATE, DATE, "Business date D of the report")
          .required(ACTION_ORDER, INT, "Position of the group in report.actions, 1 = first")
          .required(ACTION, STRING, "The group's name in report.actions")
          .required(
              CONDITION, STRING, "Its SQL condition over customer_segments and customer_value of D")
          .required(CUSTOMERS, LONG, "Customers the condition chooses")
          .required(CUSTOMER_SHARE, DOUBLE, "customers / customers of D")
          .required(CLV_TOTAL, DOUBLE, "Their customer equity: sum of clv")
          .required(CLV_AT_RISK, DOUBLE, "Their value at risk: sum of clv_at_risk")
          .required(REVENUE, MONEY, "Their net revenue in the window (monetary)")
          .required(
              EXPECTED_PURCHASES,
              DOUBLE,
              "Purchases they are expected to make over the CLV horizon: sum of expected_purchases")
          .optional(NOTEBOOK, STRING, "The notebook of notebooks-export/ for the group, if any")
          .required(
              TARGET_LIST_QUERY,
              STRING,
              "The SELECT that lists them, for crm export target-list --query (as_of = --date)")
          .key(AS_OF_DATE, ACTION)
          .partitionBy(AS_OF_DATE)
          .build();

  private ReportActions() {}
}
