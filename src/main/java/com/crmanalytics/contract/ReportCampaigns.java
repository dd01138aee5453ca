package com.crmanalytics.contract;

import static com.crmanalytics.contract.Rules.DATE;
import static com.crmanalytics.contract.Rules.DOUBLE;
import static com.crmanalytics.contract.Rules.LONG;
import static com.crmanalytics.contract.Rules.MONEY;
import static com.crmanalytics.contract.Rules.STRING;

/**
 * Report table {@code report_campaigns}: campaign response, cost and return per campaign and per
 * segment or tier, by {@code as_of_date}. A run for D replaces the rows of D; the queries that fill
 * it are in {@code report/ReportQueries}.
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

  /** Values of {@link #LEVEL}: what a row groups by. */
  public static final String LEVEL_CAMPAIGN = "campaign";

  public static final String LEVEL_CAMPAIGN_SEGMENT = "campaign_segment";
  public static final String LEVEL_CAMPAIGN_TIER = "campaign_tier";

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
          .optional(ROI, DOUBLE, "(attributed_revenue - cost) / cost (null when cost is 0)")
          .key(AS_OF_DATE, LEVEL, CAMPAIGN_ID, SEGMENT, TIER)
          .partitionBy(AS_OF_DATE)
          .build();

  private ReportCampaigns() {}
}
