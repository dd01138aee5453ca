package com.crmanalytics.contract;

import static com.crmanalytics.contract.Rules.DATE;
import static com.crmanalytics.contract.Rules.DOUBLE;
import static com.crmanalytics.contract.Rules.LONG;
import static com.crmanalytics.contract.Rules.MONEY;
import static com.crmanalytics.contract.Rules.STRING;

/**
 * Report table {@code report_campaigns}: campaign response, cost and return per campaign and per
 * segment or tier, by {@code as_of_date}. A run for D replaces the rows of D; the queries that fill
 * it are in {@code report/ReportQueries}. The incremental columns (level campaign only) compare the
 * touched customers with a comparison group over report.attribution-days after the send: the
 * holdout recorded in the extract, or else customers not touched, matched on segment and tier.
 */
public final class ReportCampaigns {
  public static final String AS_OF_DATE = "as_of_date";
  public static final String LEVEL = "level";
  public static final String CAMPAIGN_ID = "campaign_id";
  public static final String CAMPAIGN_NAME = "campaign_name";
  public static final String SEGMENT = "segment";
  public static final String TIER = "tier";
  public static final String TOUCHES = "touches";
  public static final String CUSTOMERS = "customers";
  public static final String OPENS = "opens";
  public static final String CLICKS = "clicks";
  public static final String CONVERSIONS = "conversions";
  public static final String OPEN_RATE = "open_rate";
  public static final String CLICK_RATE = "click_rate";
  public static final String CONVERSION_RATE = "conversion_rate";
  public static final String COST = "cost";
  public static final String COST_PER_RESPONSE = "cost_per_response";
  public static final String ATTRIBUTED_REVENUE = "attributed_revenue";
  public static final String ROI = "roi";
  public static final String COMPARISON = "comparison";
  public static final String TREATED_CUSTOMERS = "treated_customers";
  public static final String COMPARISON_CUSTOMERS = "comparison_customers";
  public static final String PURCHASE_RATE = "purchase_rate";
  public static final String COMPARISON_PURCHASE_RATE = "comparison_purchase_rate";
  public static final String REVENUE_PER_CUSTOMER = "revenue_per_customer";
  public static final String COMPARISON_REVENUE_PER_CUSTOMER = "comparison_revenue_per_customer";
  public static final String PURCHASE_LIFT = "purchase_lift";
  public static final String PURCHASE_LIFT_LOW = "purchase_lift_low";
  public static final String PURCHASE_LIFT_HIGH = "purchase_lift_high";
  public static final String INCREMENTAL_PURCHASES = "incremental_purchases";
  public static final String INCREMENTAL_PURCHASES_LOW = "incremental_purchases_low";
  public static final String INCREMENTAL_PURCHASES_HIGH = "incremental_purchases_high";
  public static final String INCREMENTAL_REVENUE = "incremental_revenue";
  public static final String INCREMENTAL_REVENUE_LOW = "incremental_revenue_low";
  public static final String INCREMENTAL_REVENUE_HIGH = "incremental_revenue_high";
  public static final String INCREMENTAL_ROI = "incremental_roi";
  public static final String INCREMENTAL_ROI_LOW = "incremental_roi_low";
  public static final String INCREMENTAL_ROI_HIGH = "incremental_roi_high";

  /** {@link #COMPARISON}: the holdout recorded in the extract (control = true). */
  public static final String BY_HOLDOUT = "holdout";

  /** {@link #COMPARISON}: customers not touched, matched on segment and tier at the send date. */
  public static final String BY_MATCHING = "matched";

  public static final TableContract CONTRACT =
      TableContract.builder(
              "report_campaigns",
              "Campaign response, cost and return per campaign, and per campaign and segment or tier, by date")
          .required(AS_OF_DATE, DATE, "Business date D of the report")
          .required(
              LEVEL, STRING, "Grouping of the row: campaign, campaign_segment or campaign_tier")
          .required(CAMPAIGN_ID, STRING, "Campaign identifier")
          .optional(CAMPAIGN_NAME, STRING, "Campaign name")
          .optional(
              SEGMENT, STRING, "RFM segment of the touched customers on D (level campaign_segment)")
          .optional(
              TIER, STRING, "Pyramid tier of the touched customers on D (level campaign_tier)")
          .required(TOUCHES, LONG, "Touches sent in the window")
          .required(CUSTOMERS, LONG, "Distinct customers touched")
          .required(OPENS, LONG, "Touches opened on or before D")
          .required(CLICKS, LONG, "Touches clicked on or before D")
          .required(CONVERSIONS, LONG, "Touches converted on or before D (a response)")
          .required(OPEN_RATE, DOUBLE, "opens / touches")
          .required(CLICK_RATE, DOUBLE, "clicks / touches")
          .required(CONVERSION_RATE, DOUBLE, "conversions / touches")
          .required(COST, MONEY, "Cost of the touches")
          .optional(COST_PER_RESPONSE, DOUBLE, "cost / conversions (null without conversions)")
          .required(
              ATTRIBUTED_REVENUE,
              MONEY,
              "Net revenue of converted customers from the touch's day to report.attribution-days after it (up to D)")
          .optional(
              ROI,
              DOUBLE,
              "Attributed ROI: (attributed_revenue - cost) / cost (null when cost is 0); credits"
                  + " the campaign with revenue that may have come anyway")
          .optional(
              COMPARISON,
              STRING,
              "Comparison group of the incremental columns: holdout (recorded in the extract),"
                  + " matched (not touched, same segment and tier at the send date) or null (none)")
          .optional(TREATED_CUSTOMERS, LONG, "Touched customers in the incremental estimate")
          .optional(COMPARISON_CUSTOMERS, LONG, "Customers of the comparison group")
          .optional(
              PURCHASE_RATE,
              DOUBLE,
              "Purchases per touched customer from the send to report.attribution-days after it")
          .optional(
              COMPARISON_PURCHASE_RATE,
              DOUBLE,
              "The same for the comparison group (weighted to the touched customers' segment and"
                  + " tier mix when matched)")
          .optional(REVENUE_PER_CUSTOMER, DOUBLE, "Net revenue per touched customer, same window")
          .optional(COMPARISON_REVENUE_PER_CUSTOMER, DOUBLE, "The same for the comparison group")
          .optional(PURCHASE_LIFT, DOUBLE, "purchase_rate / comparison_purchase_rate - 1")
          .optional(PURCHASE_LIFT_LOW, DOUBLE, "Lower end of the 90% interval of purchase_lift")
          .optional(PURCHASE_LIFT_HIGH, DOUBLE, "Upper end of the 90% interval of purchase_lift")
          .optional(
              INCREMENTAL_PURCHASES,
              DOUBLE,
              "(purchase_rate - comparison_purchase_rate) x customers: purchases the campaign"
                  + " caused")
          .optional(INCREMENTAL_PURCHASES_LOW, DOUBLE, "Lower end of its 90% interval")
          .optional(INCREMENTAL_PURCHASES_HIGH, DOUBLE, "Upper end of its 90% interval")
          .optional(
              INCREMENTAL_REVENUE,
              DOUBLE,
              "(revenue_per_customer - comparison_revenue_per_customer) x customers: revenue the"
                  + " campaign caused")
          .optional(INCREMENTAL_REVENUE_LOW, DOUBLE, "Lower end of its 90% interval")
          .optional(INCREMENTAL_REVENUE_HIGH, DOUBLE, "Upper end of its 90% interval")
          .optional(
              INCREMENTAL_ROI,
              DOUBLE,
              "(incremental_revenue - cost) / cost (null when cost is 0 or without a comparison)")
          .optional(INCREMENTAL_ROI_LOW, DOUBLE, "Lower end of its 90% interval")
          .optional(INCREMENTAL_ROI_HIGH, DOUBLE, "Upper end of its 90% interval")
          .key(AS_OF_DATE, LEVEL, CAMPAIGN_ID, SEGMENT, TIER)
          .partitionBy(AS_OF_DATE)
          .build();

  private ReportCampaigns() {}
}
