package com.crmanalytics.features;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.date_sub;
import static org.apache.spark.sql.functions.datediff;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.to_date;
import static org.apache.spark.sql.functions.when;

import com.crmanalytics.config.ModelTimeUnit;
import com.crmanalytics.config.PipelineConfig;
import com.crmanalytics.contract.CampaignTouches;
import com.crmanalytics.contract.CustomerFeatures;
import com.crmanalytics.contract.Orders;
import com.crmanalytics.contract.ServiceContacts;
import com.crmanalytics.contract.TableContract;
import com.crmanalytics.io.Warehouse;
import com.crmanalytics.pipeline.RunContext;
import com.crmanalytics.pipeline.RunLog.Counts;
import com.crmanalytics.pipeline.Stage;
import com.crmanalytics.pipeline.StageResult;
import java.time.LocalDate;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Stage {@code features}: from the silver tables orders, service_contacts and campaign_touches,
 * writes {@code customer_features} for {@code as_of_date = D} (replacing that partition only), one
 * row per customer with at least one order line on or before D. "As of D" means only rows whose
 * event day (order_ts, opened_ts, sent_ts, converted_ts in run.timezone) is on or before D are
 * used, so later rows already in silver change nothing. When an earlier date's features can be
 * continued ({@link PreviousFeatures}) only the customers whose rows changed are recomputed ({@link
 * IncrementalFeatures}); the result is the full recompute's.
 */
public final class FeaturesStage implements Stage<FeaturesStage.Result> {
  public static final String STAGE = "features";

  /** What one run of the stage did. */
  public record Result(long customers, String message) implements StageResult {
    @Override
    public Counts counts() {
      return new Counts(null, customers, null, null);
    }
  }

  // Intermediate columns of the transformation.
  private static final String DAY = "_day";
  private static final String PURCHASE = "_purchase";
  private static final String NET = "_net";
  private static final String ORDERS = "_orders";
  private static final String COSTED_MARGIN = "_margin";
  private static final String COSTED_REVENUE = "_costed_revenue";
  private static final String RETURNED = "_returned";
  private static final String RETURN_LINES = "_return_lines";
  private static final String FIRST_DAY = "_first_day";
  private static final String FIRST_PURCHASE = "_first_purchase";
  private static final String PURCHASE_DAYS = "_purchase_days";
  private static final String PURCHASE_NET = "_purchase_net";

  private final int windowDays;
  private final ModelTimeUnit unit;
  private final String configHash;
  private final int fromCustomers;

  /**
   * @param windowDays the RFM window ({@code rfm.window-days})
   * @param unit the time unit of the BTYD summary ({@code clv.time-unit})
   * @param configHash the whole configuration's hash: features computed under another are not
   *     continued ({@link PreviousFeatures})
   * @param fromCustomers {@code run.incremental-from-customers}
   */
  public FeaturesStage(int windowDays, ModelTimeUnit unit, String configHash, int fromCustomers) {
    this.windowDays = windowDays;
    this.unit = unit;
    this.configHash = configHash;
    this.fromCustomers = fromCustomers;
  }

  /** The stage with its settings from {@code config}. */
  public static FeaturesStage from(PipelineConfig config) {
    return new FeaturesStage(
        config.rfm().windowDays(),
        config.clv().timeUnit(),
        config.hash(),
        config.run().incrementalFromCustomers());
  }

  @Override
  public String name() {
    return STAGE;
  }

  @Override
  public Result run(RunContext ctx) {
    LocalDate d = ctx.businessDate();
    Warehouse wh = ctx.warehouse();
    PreviousFeatures prev =
        ctx.isFull()
            ? PreviousFeatures.none("--full")
            : PreviousFeatures.find(wh, d, configHash, ctx.codeVersion(), fromCustomers);
    IncrementalFeatures.Rows made = IncrementalFeatures.asOf(ctx, prev, d, windowDays, unit);
    Dataset<Row> features = made.rows();
    wh.replaceDate(CustomerFeatures.CONTRACT, CustomerFeatures.AS_OF_DATE, d, features);
    long customers =
        wh.read(CustomerFeatures.CONTRACT)
            .filter(col(CustomerFeatures.AS_OF_DATE).equalTo(lit(d)))
            .count();
    return new Result(
        customers, String.format("%d customers as of %s (%s)", customers, d, made.how()));
  }

  /**
   * The features as of {@code d} from the silver tables, lazily and without writing them: what
   * {@link #run} writes for D, and what the value stage uses for other dates (the churn cutoff, a
   * holdout's calibration end), so the BTYD summary has one implementation.
   */
  public static Dataset<Row> asOf(Warehouse wh, LocalDate d, int windowDays, ModelTimeUnit unit) {
    return transform(
        wh.read(Orders.CONTRACT),
        readOrEmpty(wh, ServiceContacts.CONTRACT),
        readOrEmpty(wh, CampaignTouches.CONTRACT),
        d,
        windowDays,
        unit);
  }

  /** Optional silver tables: a warehouse without service contacts yet has no contacts. */
  static Dataset<Row> readOrEmpty(Warehouse wh, TableContract table) {
    return wh.exists(table)
        ? wh.read(table)
        : wh.spark().createDataFrame(List.of(), table.schema());
  }

  /**
   * The features of every customer with an order line on or before {@code asOf}, in the columns of
   * {@link CustomerFeatures}.
   *
   * @param windowDays the RFM window: the windowDays days ending on asOf, asOf included
   * @param unit time unit of t_x and T
   */
  public static Dataset<Row> transform(
      Dataset<Row> orders,
      Dataset<Row> service,
      Dataset<Row> campaigns,
      LocalDate asOf,
      int windowDays,
      ModelTimeUnit unit) {
    Column d = lit(asOf);
    // Anonymous rows (no customer: guest buyers, unidentified callers) count in sales totals only.
    Dataset<Row> days = orderDays(orders.filter(col(Orders.CUSTOMER_ID).isNotNull()), d);
    service = service.filter(col(ServiceContacts.CUSTOMER_ID).isNotNull());
    Column inWindow = col(DAY).gt(date_sub(d, windowDays));
    Column purchaseDay = col(PURCHASE).gt(0);
    Column repeatNet = col(PURCHASE_NET).minus(col(FIRST_PURCHASE).getField(NET));
    Column lastPurchase = col(CustomerFeatures.LAST_ORDER_DATE);
    // A customer whose every line is a return bought before the history starts: its clock starts at
    // its first line, which bounds its recency from below.
    Column firstTransaction = coalesce(col(FIRST_PURCHASE).getField(DAY), col(FIRST_DAY));
    Column x = when(col(PURCHASE_DAYS).gt(0), col(PURCHASE_DAYS).minus(1)).otherwise(0);
    double unitDays = unit.days();

    Dataset<Row> customers =
        days.groupBy(Orders.CUSTOMER_ID)
            .agg(
                min(DAY).as(FIRST_DAY),
                max(when(purchaseDay, col(DAY))).as(CustomerFeatures.LAST_ORDER_DATE),
                min(when(purchaseDay, struct(col(DAY), col(NET)))).as(FIRST_PURCHASE),
                count(when(purchaseDay, true)).as(PURCHASE_DAYS),
                sum(when(purchaseDay, col(NET))).as(PURCHASE_NET),
                count(when(purchaseDay.and(inWindow), true)).as(CustomerFeatures.FREQUENCY),
                coalesce(sum(when(inWindow, col(NET))), lit(0)).as(CustomerFeatures.MONETARY),
                coalesce(sum(when(inWindow, col(COSTED_MARGIN))), lit(0))
                    .as(CustomerFeatures.MONETARY_MARGIN),
                sum(ORDERS).as(CustomerFeatures.LIFETIME_ORDERS),
                sum(NET).as(CustomerFeatures.LIFETIME_REVENUE),
                sum(RETURNED).as(CustomerFeatures.RETURNED_AMOUNT),
                sum(RETURN_LINES).as(CustomerFeatures.RETURN_LINES),
                sum(COSTED_MARGIN).as(CustomerFeatures.MARGIN),
                sum(COSTED_REVENUE).as(COSTED_REVENUE))
            .withColumn(CustomerFeatures.AS_OF_DATE, d)
            .withColumn(CustomerFeatures.FIRST_ORDER_DATE, col(FIRST_DAY))
            .withColumn(
                CustomerFeatures.RECENCY_DAYS, datediff(d, coalesce(lastPurchase, col(FIRST_DAY))))
            .withColumn(CustomerFeatures.TENURE_DAYS, datediff(d, col(FIRST_DAY)))
            .withColumn(
                CustomerFeatures.MARGIN_RATE,
                when(
                    col(COSTED_REVENUE).notEqual(0),
                    col(CustomerFeatures.MARGIN)
                        .cast("double")
                        .divide(col(COSTED_REVENUE).cast("double"))))
            .withColumn(CustomerFeatures.X, x)
            .withColumn(
                CustomerFeatures.T_X,
                coalesce(datediff(lastPurchase, col(FIRST_PURCHASE).getField(DAY)), lit(0))
                    .divide(unitDays))
            .withColumn(CustomerFeatures.T, datediff(d, firstTransaction).divide(unitDays))
            .withColumn(CustomerFeatures.M_X, when(x.gt(0), repeatNet.cast("double").divide(x)));

    Dataset<Row> joined =
        customers
            .join(ContactSummaries.service(service, d), Orders.CUSTOMER_ID, "left")
            .join(ContactSummaries.campaigns(campaigns, d), Orders.CUSTOMER_ID, "left");
    for (String zero :
        List.of(
            CustomerFeatures.SERVICE_CONTACTS,
            CustomerFeatures.COMPLAINTS,
            CustomerFeatures.ABANDONED_CONTACTS,
            CustomerFeatures.COST_TO_SERVE,
            CustomerFeatures.CAMPAIGN_TOUCHES,
            CustomerFeatures.CAMPAIGN_RESPONSES,
            CustomerFeatures.CAMPAIGN_COST)) {
      joined = joined.withColumn(zero, coalesce(col(zero), lit(0)));
    }
    joined =
        joined
            .withColumn(
                CustomerFeatures.RESPONSE_RATE,
                when(
                    col(CustomerFeatures.CAMPAIGN_TOUCHES).gt(0),
                    col(CustomerFeatures.CAMPAIGN_RESPONSES)
                        .divide(col(CustomerFeatures.CAMPAIGN_TOUCHES))))
            .withColumn(
                CustomerFeatures.NET_PROFITABILITY,
                col(CustomerFeatures.MARGIN)
                    .minus(col(CustomerFeatures.COST_TO_SERVE))
                    .minus(col(CustomerFeatures.CAMPAIGN_COST)));
    return CustomerFeatures.CONTRACT.conform(joined);
  }

  /**
   * Order lines on or before D, first summed per order (an order is one purchase; its day is the
   * day of its first line) and then per customer and day (purchases on one day are one
   * transaction).
   */
  private static Dataset<Row> orderDays(Dataset<Row> orders, Column d) {
    Column amount = col(Orders.AMOUNT);
    Column isReturn = amount.lt(0);
    Column costed = col(Orders.COST).isNotNull();
    Dataset<Row> perOrder =
        orders
            .withColumn(DAY, to_date(col(Orders.ORDER_TS)))
            .filter(col(DAY).leq(d))
            // One shuffle, by customer: the aggregations per order, per day and per customer and
            // the joins with the contact summaries then run without another. Before a shuffle by
            // order, Spark's partial aggregation barely reduced the lines (11M to 6M at 1M
            // customers) and cost more than the shuffle it saved (bench/README.md).
            .repartition(col(Orders.CUSTOMER_ID))
            .groupBy(Orders.CUSTOMER_ID, Orders.ORDER_ID)
            .agg(
                min(DAY).as(DAY),
                max(when(isReturn, 0).otherwise(1)).as(PURCHASE),
                sum(amount).as(NET),
                coalesce(sum(when(costed, amount.minus(col(Orders.COST)))), lit(0))
                    .as(COSTED_MARGIN),
                coalesce(sum(when(costed, amount)), lit(0)).as(COSTED_REVENUE),
                coalesce(sum(when(isReturn, amount.multiply(-1))), lit(0)).as(RETURNED),
                count(when(isReturn, true)).as(RETURN_LINES));
    return perOrder
        .groupBy(Orders.CUSTOMER_ID, DAY)
        .agg(
            max(PURCHASE).as(PURCHASE),
            sum(PURCHASE).as(ORDERS),
            sum(NET).as(NET),
            sum(COSTED_MARGIN).as(COSTED_MARGIN),
            sum(COSTED_REVENUE).as(COSTED_REVENUE),
            sum(RETURNED).as(RETURNED),
            sum(RETURN_LINES).as(RETURN_LINES));
  }
}
