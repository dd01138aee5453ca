package com.crmanalytics.contract;

import static com.crmanalytics.contract.Rules.BOOLEAN;
import static com.crmanalytics.contract.Rules.MONEY;
import static com.crmanalytics.contract.Rules.STRING;
import static com.crmanalytics.contract.Rules.TIMESTAMP;

/**
 * Silver table {@code campaign_touches}: one row per campaign message sent to a customer, keyed by
 * (campaign_id, customer_id, sent_ts). A row with {@code control = true} records a customer of the
 * campaign's audience who was deliberately held out (not contacted): the comparison group against
 * which the campaign's incremental effect is measured.
 */
public final class CampaignTouches {
  public static final String CAMPAIGN_ID = "campaign_id";
  public static final String CUSTOMER_ID = "customer_id";
  public static final String SENT_TS = "sent_ts";
  public static final String CAMPAIGN_NAME = "campaign_name";
  public static final String CHANNEL = "channel";
  public static final String OPENED_TS = "opened_ts";
  public static final String CLICKED_TS = "clicked_ts";
  public static final String CONVERTED_TS = "converted_ts";
  public static final String COST = "cost";
  public static final String CONTROL = "control";

  public static final TableContract CONTRACT =
      TableContract.builder(
              "campaign_touches",
              "Marketing-campaign messages and the responses to them, full history (silver)")
          .required(CAMPAIGN_ID, STRING, "Campaign identifier")
          .required(CUSTOMER_ID, STRING, "Customer who was sent the message")
          .required(SENT_TS, TIMESTAMP, "When the message was sent")
          .optional(CAMPAIGN_NAME, STRING, "Campaign name")
          .optional(CHANNEL, STRING, "email, sms, phone, mail or app")
          .optional(OPENED_TS, TIMESTAMP, "When the customer opened the message, if they did")
          .optional(CLICKED_TS, TIMESTAMP, "When the customer clicked through, if they did")
          .optional(CONVERTED_TS, TIMESTAMP, "When the customer bought in response, if they did")
          .optional(COST, MONEY, "Cost of this touch")
          .optional(
              CONTROL,
              BOOLEAN,
              "true: the customer was held out of the campaign as its control group and not"
                  + " contacted (sent_ts = when they would have been); empty, false or an absent"
                  + " column: contacted")
          .fields(Lineage.FIELDS)
          .key(CAMPAIGN_ID, CUSTOMER_ID, SENT_TS)
          .eventColumn(SENT_TS)
          .check(Rules.belowZero(ReasonCode.NEGATIVE_PRICE, COST))
          .build();

  private CampaignTouches() {}
}
