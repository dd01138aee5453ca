package com.crmanalytics.value;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.count_distinct;
import static org.apache.spark.sql.functions.date_add;
import static org.apache.spark.sql.functions.date_sub;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.least;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.log;
import static org.apache.spark.sql.functions.log1p;
import static org.apache.spark.sql.functions.lower;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.to_date;
import static org.apache.spark.sql.functions.when;

import com.crmanalytics.contract.CampaignTouches;
import com.crmanalytics.contract.CustomerFeatures;
import com.crmanalytics.contract.Orders;
import com.crmanalytics.contract.ServiceContacts;
import com.crmanalytics.io.Warehouse;
import java.time.LocalDate;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The churn classifier's features as of a cutoff c, built so that they mean the same at every
 * cutoff: nothing grows with the length of the history (no tenure, T, lifetime orders or revenue),
 * so a classifier trained at D − 2h is not asked to extrapolate when it scores at D. With h =
 * churn.horizon-days: recency capped at 2h, in horizons; purchase days and net revenue in the last
 * horizon (c − h, c] and the one before; the repeat rate x / max(T, h), capped; whether the first
 * purchase is in the last horizon; service contacts, complaints, campaign messages and responses in
 * the last horizon; and the transaction model's own logit P(no purchase in h), fitted as of c. The
 * label: 1 when the customer made no purchase in (c, c + h]. A purchase is an order line with a
 * non-negative amount (returns are not).
 */
final class ChurnFeatures {
  /** 1.0 = no purchase in (c, c + h]. */
  static final String LABEL = "_quiet";

  /**
   * The transaction model's P(no purchase in h) as of c: the baseline, and a feature as its logit.
   */
  static final String P_QUIET_MODEL = "_p_quiet_model";

  static final String RECENCY = "_recency_horizons";
  static final String PURCHASES_LAST = "_purchase_days_last";
  static final String PURCHASES_BEFORE = "_purchase_days_before";
  static final String REVENUE_LAST = "_log_revenue_last";
  static final String REVENUE_BEFORE = "_log_revenue_before";
  static final String RATE = "_repeat_rate";
  static final String NEW = "_new";
  static final String CONTACTS = "_contacts_last";
  static final String COMPLAINTS = "_complaints_last";
  static final String TOUCHES = "_touches_last";
  static final String RESPONSES = "_responses_last";
  static final String LOGIT_P_QUIET = "_logit_p_quiet_model";

  static final List<String> FEATURES =
      List.of(
          RECENCY,
          PURCHASES_LAST,
          PURCHASES_BEFORE,
          REVENUE_LAST,
          REVENUE_BEFORE,
          RATE,
          NEW,
          CONTACTS,
          COMPLAINTS,
          TOUCHES,
          RESPONSES,
          LOGIT_P_QUIET);

  /** The repeat rate's cap, purchase days per day: above one a day it says nothing more. */
  private static final double MAX_RATE_PER_DAY = 1.0;

  private static final double CLAMP = 1e-6;

  private ChurnFeatures() {}

  /**
   * The features of every customer of {@code features} (customer_features as of c), with {@link
   * #P_QUIET_MODEL} from {@code scorer} (the transaction model fitted as of c) and, when {@code
   * labelled}, the {@link #LABEL} from the orders of (c, c + h].
   */
  static Dataset<Row> build(
      Warehouse wh,
      Dataset<Row> features,
      LocalDate c,
      int h,
      double unitDays,
      Scorer scorer,
      boolean labelled) {
    double hUnits = h / unitDays;
    Column pQuiet =
        scorer
            .pNoPurchaseUdf()
            .apply(
                col(CustomerFeatures.X),
                col(CustomerFeatures.T_X),
                col(CustomerFeatures.T),
                lit(hUnits));
    Column clamped = least(greatest(col(P_QUIET_MODEL), lit(CLAMP)), lit(1 - CLAMP));
    Dataset<Row> base =
        features
            .select(
                col(CustomerFeatures.CUSTOMER_ID),
                col(CustomerFeatures.RECENCY_DAYS),
                col(CustomerFeatures.TENURE_DAYS),
                col(CustomerFeatures.X),
                col(CustomerFeatures.T_X),
                col(CustomerFeatures.T))
            .withColumn(P_QUIET_MODEL, pQuiet)
            .withColumn(
                RECENCY,
                least(
                        coalesce(
                            col(CustomerFeatures.RECENCY_DAYS), col(CustomerFeatures.TENURE_DAYS)),
                        lit(2 * h))
                    .divide(h))
            .withColumn(
                RATE,
                least(
                    col(CustomerFeatures.X).divide(greatest(col(CustomerFeatures.T), lit(hUnits))),
                    lit(MAX_RATE_PER_DAY * unitDays)))
            .withColumn(NEW, when(col(CustomerFeatures.TENURE_DAYS).lt(h), 1.0).otherwise(0.0))
            .withColumn(LOGIT_P_QUIET, log(clamped.divide(lit(1).minus(clamped))));
    Dataset<Row> out =
        base.join(orderWindows(wh, c, h, labelled), CustomerFeatures.CUSTOMER_ID, "left")
            .join(serviceWindow(wh, c, h), CustomerFeatures.CUSTOMER_ID, "left")
            .join(campaignWindow(wh, c, h), CustomerFeatures.CUSTOMER_ID, "left");
    for (String f : FEATURES) {
      out = out.withColumn(f, coalesce(col(f).cast("double"), lit(0.0)));
    }
    if (labelled) {
      out =
          out.withColumn(
              LABEL, when(coalesce(col("_bought_after"), lit(0)).gt(0), 0.0).otherwise(1.0));
    }
    return out;
  }

  /**
   * Purchase days and net revenue in the last horizon and the one before, and purchases in (c, c +
   * h].
   */
  private static Dataset<Row> orderWindows(Warehouse wh, LocalDate c, int h, boolean labelled) {
    Column day = col("_day");
    Column d = lit(c);
    Column purchase = col(Orders.AMOUNT).geq(0);
    Column last = day.gt(date_sub(d, h)).and(day.leq(d));
    Column before = day.gt(date_sub(d, 2 * h)).and(day.leq(date_sub(d, h)));
    Column after = day.gt(d).and(day.leq(date_add(d, h)));
    Column amount = col(Orders.AMOUNT).cast("double");
    return wh.read(Orders.CONTRACT)
        .withColumn("_day", to_date(col(Orders.ORDER_TS)))
        .filter(day.gt(date_sub(d, 2 * h)).and(day.leq(labelled ? date_add(d, h) : d)))
        .groupBy(Orders.CUSTOMER_ID)
        .agg(
            count_distinct(when(purchase.and(last), day)).as(PURCHASES_LAST),
            count_distinct(when(purchase.and(before), day)).as(PURCHASES_BEFORE),
            log1p(greatest(coalesce(sum(when(last, amount)), lit(0.0)), lit(0.0))).as(REVENUE_LAST),
            log1p(greatest(coalesce(sum(when(before, amount)), lit(0.0)), lit(0.0)))
                .as(REVENUE_BEFORE),
            count(when(purchase.and(after), true)).as("_bought_after"));
  }

  private static Dataset<Row> serviceWindow(Warehouse wh, LocalDate c, int h) {
    Column day = to_date(col(ServiceContacts.OPENED_TS));
    Dataset<Row> contacts =
        wh.exists(ServiceContacts.CONTRACT)
            ? wh.read(ServiceContacts.CONTRACT)
            : wh.spark().createDataFrame(List.of(), ServiceContacts.CONTRACT.schema());
    return contacts
        .filter(day.gt(date_sub(lit(c), h)).and(day.leq(lit(c))))
        .groupBy(ServiceContacts.CUSTOMER_ID)
        .agg(
            count(lit(1)).as(CONTACTS),
            count(when(lower(col(ServiceContacts.CATEGORY)).equalTo("complaint"), true))
                .as(COMPLAINTS));
  }

  private static Dataset<Row> campaignWindow(Warehouse wh, LocalDate c, int h) {
    Column sent = to_date(col(CampaignTouches.SENT_TS));
    Column converted = to_date(col(CampaignTouches.CONVERTED_TS));
    Dataset<Row> touches =
        wh.exists(CampaignTouches.CONTRACT)
            ? wh.read(CampaignTouches.CONTRACT)
            : wh.spark().createDataFrame(List.of(), CampaignTouches.CONTRACT.schema());
    return touches
        .filter(sent.gt(date_sub(lit(c), h)).and(sent.leq(lit(c))))
        // a holdout row records a message that was not sent
        .filter(not(coalesce(col(CampaignTouches.CONTROL), lit(false))))
        .groupBy(CampaignTouches.CUSTOMER_ID)
        .agg(count(lit(1)).as(TOUCHES), count(when(converted.leq(lit(c)), true)).as(RESPONSES));
  }
}
