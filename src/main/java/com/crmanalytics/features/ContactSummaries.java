package com.crmanalytics.features;

import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.lower;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.to_date;
import static org.apache.spark.sql.functions.when;

import com.crmanalytics.contract.CampaignTouches;
import com.crmanalytics.contract.CustomerFeatures;
import com.crmanalytics.contract.ServiceContacts;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** The service and campaign columns of customer_features: per customer, as of D. */
final class ContactSummaries {
  private ContactSummaries() {}

  /** Service contacts opened on or before D, per customer. */
  static Dataset<Row> service(Dataset<Row> service, Column d) {
    return service
        .filter(to_date(col(ServiceContacts.OPENED_TS)).leq(d))
        .groupBy(ServiceContacts.CUSTOMER_ID)
        .agg(
            count(lit(1)).as(CustomerFeatures.SERVICE_CONTACTS),
            count(when(lower(col(ServiceContacts.CATEGORY)).equalTo("complaint"), true))
                .as(CustomerFeatures.COMPLAINTS),
            avg(ServiceContacts.WAIT_SECONDS).as(CustomerFeatures.AVG_WAIT_SECONDS),
            count(when(col(ServiceContacts.ABANDONED), true))
                .as(CustomerFeatures.ABANDONED_CONTACTS),
            avg(ServiceContacts.SATISFACTION).as(CustomerFeatures.AVG_SATISFACTION),
            coalesce(sum(ServiceContacts.COST), lit(0)).as(CustomerFeatures.COST_TO_SERVE));
  }

  /**
   * Campaign messages sent on or before D, per customer; a response is a conversion on or before D.
   * Holdout rows (control = true) record a message not sent, so they are not touches.
   */
  static Dataset<Row> campaigns(Dataset<Row> campaigns, Column d) {
    return campaigns
        .filter(to_date(col(CampaignTouches.SENT_TS)).leq(d))
        .filter(not(coalesce(col(CampaignTouches.CONTROL), lit(false))))
        // shuffled as they are: a customer has few touches in a task, so a partial aggregation
        // before the shuffle would cost more than it saves (as for the order lines)
        .repartition(col(CampaignTouches.CUSTOMER_ID))
        .groupBy(CampaignTouches.CUSTOMER_ID)
        .agg(
            count(lit(1)).as(CustomerFeatures.CAMPAIGN_TOUCHES),
            count(when(to_date(col(CampaignTouches.CONVERTED_TS)).leq(d), true))
                .as(CustomerFeatures.CAMPAIGN_RESPONSES),
            coalesce(sum(CampaignTouches.COST), lit(0)).as(CustomerFeatures.CAMPAIGN_COST));
  }
}
