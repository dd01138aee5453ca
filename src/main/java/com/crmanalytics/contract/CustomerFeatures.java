package com.crmanalytics.contract;

import static com.crmanalytics.contract.Rules.DATE;
import static com.crmanalytics.contract.Rules.DOUBLE;
import static com.crmanalytics.contract.Rules.INT;
import static com.crmanalytics.contract.Rules.MONEY;
import static com.crmanalytics.contract.Rules.STRING;

/**
 * Gold table {@code customer_features}: one row per customer with at least one order line on or
 * before {@code as_of_date}, computed only from events on or before that date. Partitioned by
 * {@code as_of_date}; a run for D replaces the partition D.
 *
 * <p>A <em>purchase line</em> is an order line with amount ≥ 0; a <em>return line</em> has amount
 * &lt; 0. A <em>purchase day</em> is a calendar day (run.timezone) with at least one purchase line:
 * purchases on the same day are one transaction. The RFM window is the {@code rfm.window-days} days
 * ending on D, D included.
 */
public final class CustomerFeatures {
  public static final String CUSTOMER_ID = "customer_id";
  public static final String AS_OF_DATE = "as_of_date";
  public static final String FIRST_ORDER_DATE = "first_order_date";
  public static final String LAST_ORDER_DATE = "last_order_date";
  public static final String RECENCY_DAYS = "recency_days";
  public static final String TENURE_DAYS = "tenure_days";
  public static final String FREQUENCY = "frequency";
  public static final String MONETARY = "monetary";
  public static final String MONETARY_MARGIN = "monetary_margin";
  public static final String LIFETIME_ORDERS = "lifetime_orders";
  public static final String LIFETIME_REVENUE = "lifetime_revenue";
  public static final String RETURNED_AMOUNT = "returned_amount";
  public static final String RETURN_LINES = "return_lines";
  public static final String MARGIN = "margin";
  public static final String MARGIN_RATE = "margin_rate";
  public static final String X = "x";
  public static final String T_X = "t_x";
  public static final String T = "T";
  public static final String M_X = "m_x";
  public static final String SERVICE_CONTACTS = "service_contacts";
  public static final String COMPLAINTS = "complaints";
  public static final String AVG_WAIT_SECONDS = "avg_wait_seconds";
  public static final String ABANDONED_CONTACTS = "abandoned_contacts";
  public static final String AVG_SATISFACTION = "avg_satisfaction";
  public static final String COST_TO_SERVE = "cost_to_serve";
  public static final String CAMPAIGN_TOUCHES = "campaign_touches";
  public static final String CAMPAIGN_RESPONSES = "campaign_responses";
  public static final String RESPONSE_RATE = "response_rate";
  public static final String CAMPAIGN_COST = "campaign_cost";
  public static final String NET_PROFITABILITY = "net_profitability";

  public static final TableContract CONTRACT =
      TableContract.builder(
              "customer_features",
              "Per-customer facts as of each date (orders, returns, margin, BTYD summary, service, campaigns)")
          .required(CUSTOMER_ID, STRING, "Customer identifier")
          .required(
              AS_OF_DATE,
              DATE,
              "Business date D the row describes; only events on or before D are used")
          .required(FIRST_ORDER_DATE, DATE, "Day of the customer's first order line")
          .optional(
              LAST_ORDER_DATE,
              DATE,
              "Day of the customer's last purchase (null if every line is a return)")
          .optional(RECENCY_DAYS, INT, "Days from the last purchase to D (0 = bought on D)")
          .required(TENURE_DAYS, INT, "Days from the first order line to D")
          .required(
              FREQUENCY,
              INT,
              "Purchase days (days with at least one purchase line) in the RFM window ending on D")
          .required(MONETARY, MONEY, "Net revenue in the RFM window: purchases minus returns")
          .required(
              MONETARY_MARGIN,
              MONEY,
              "Margin in the RFM window: amount minus cost, over lines with a known cost")
          .required(LIFETIME_ORDERS, INT, "Orders with at least one purchase line, up to D")
          .required(LIFETIME_REVENUE, MONEY, "Net revenue up to D: purchases minus returns")
          .required(RETURNED_AMOUNT, MONEY, "Value returned up to D (positive number)")
          .required(RETURN_LINES, INT, "Return lines (negative amount) up to D")
          .required(
              MARGIN,
              MONEY,
              "Margin up to D: amount minus cost, over lines with a known cost (returns reduce it)")
          .optional(
              MARGIN_RATE,
              DOUBLE,
              "Margin / revenue over lines with a known cost (null when no line has a cost)")
          .required(X, INT, "BTYD: repeat transactions (purchase days after the first)")
          .required(
              T_X,
              DOUBLE,
              "BTYD: time from the first to the last purchase day, in clv.time-unit (weeks by default)")
          .required(
              T,
              DOUBLE,
              "BTYD: time from the first purchase day to D, in clv.time-unit (weeks by default)")
          .optional(
              M_X, DOUBLE, "BTYD: mean net value of the repeat purchase days (null when x = 0)")
          .required(SERVICE_CONTACTS, INT, "Service contacts opened up to D")
          .required(COMPLAINTS, INT, "Service contacts of category complaint up to D")
          .optional(
              AVG_WAIT_SECONDS,
              DOUBLE,
              "Mean wait before an agent answered, seconds (null without contacts)")
          .required(ABANDONED_CONTACTS, INT, "Contacts the customer gave up on before being served")
          .optional(AVG_SATISFACTION, DOUBLE, "Mean satisfaction score 1-5 (null when never rated)")
          .required(COST_TO_SERVE, MONEY, "Cost of the service contacts up to D")
          .required(CAMPAIGN_TOUCHES, INT, "Campaign messages sent up to D")
          .required(
              CAMPAIGN_RESPONSES,
              INT,
              "Campaign messages the customer converted on (bought) up to D")
          .optional(
              RESPONSE_RATE, DOUBLE, "campaign_responses / campaign_touches (null without touches)")
          .required(CAMPAIGN_COST, MONEY, "Cost of the campaign messages up to D")
          .required(NET_PROFITABILITY, MONEY, "margin - cost_to_serve - campaign_cost")
          .key(CUSTOMER_ID, AS_OF_DATE)
          .partitionBy(AS_OF_DATE)
          .build();

  private CustomerFeatures() {}
}
