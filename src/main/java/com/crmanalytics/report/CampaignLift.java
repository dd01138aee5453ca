package com.crmanalytics.report;

import com.crmanalytics.contract.CustomerSegments;
import com.crmanalytics.contract.Field;
import com.crmanalytics.contract.ReportCampaigns;
import com.crmanalytics.contract.Reports;
import com.crmanalytics.contract.TableContract;
import com.crmanalytics.model.IncrementalEffect;
import com.crmanalytics.model.IncrementalEffect.Cell;
import com.crmanalytics.model.IncrementalEffect.Estimate;
import com.crmanalytics.model.IncrementalEffect.Moments;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.expressions.GenericRowWithSchema;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;

/**
 * The incremental columns of report_campaigns: per campaign of the window, the purchases and net
 * revenue per customer of the touched customers from the send to report.attribution-days after it
 * (up to D), against a comparison group: the holdout recorded in the extract (control = true) where
 * the campaign has one; otherwise, for a campaign sent on one day, the customers it did not touch,
 * matched on segment and tier in customer_segments of the latest as_of_date on or before the send
 * day (post-stratified, {@link IncrementalEffect}); otherwise none. Only the per-campaign group
 * sums reach the driver.
 */
final class CampaignLift {
  /**
   * Per campaign and customer (view rpt_lift_touches): the first send, and whether the customer was
   * only in the holdout. {@link #MOMENTS} reads it three times, so it is computed and cached once.
   */
  static final String TOUCHES =
      """
      SELECT campaign_id, customer_id, min(sent_ts) AS sent_ts,
             NOT bool_or(NOT coalesce(control, false)) AS control
      FROM rpt_touches GROUP BY campaign_id, customer_id
      """;

  /**
   * Per campaign, group and cell: count, sum and sum of squares of purchases and revenue. The order
   * lines are summed per order and timestamp before the join (about four lines to an order in the
   * generated data), which leaves each customer's purchases and revenue as they were.
   */
  static final String MOMENTS =
      """
      WITH touch AS (SELECT * FROM rpt_lift_touches),
      campaign AS (
        SELECT campaign_id, count_if(control) AS holdout, min(sent_ts) AS first_ts,
               min(to_date(sent_ts)) AS first_day, max(to_date(sent_ts)) AS last_day
        FROM touch GROUP BY campaign_id),
      snapshot AS (
        SELECT c.campaign_id, c.first_ts, max(s.as_of_date) AS as_of
        FROM campaign c JOIN (SELECT DISTINCT as_of_date FROM rpt_segment_history) s
          ON s.as_of_date <= c.first_day
        WHERE c.holdout = 0 AND c.first_day = c.last_day
        GROUP BY c.campaign_id, c.first_ts),
      units AS (
        SELECT t.campaign_id, t.customer_id, t.sent_ts AS start_ts, 'holdout' AS design,
               NOT t.control AS treated, '' AS cell
        FROM touch t JOIN campaign c ON c.campaign_id = t.campaign_id WHERE c.holdout > 0
        UNION ALL
        SELECT sn.campaign_id, s.customer_id, sn.first_ts AS start_ts, 'matched' AS design,
               t.customer_id IS NOT NULL AS treated,
               concat(coalesce(s.segment, ''), '|', coalesce(s.tier, '')) AS cell
        FROM snapshot sn JOIN rpt_segment_history s ON s.as_of_date = sn.as_of
        LEFT JOIN touch t ON t.campaign_id = sn.campaign_id AND t.customer_id = s.customer_id),
      orders AS (
        SELECT customer_id, order_id, order_ts, bool_or(amount > 0) AS bought, sum(amount) AS amount
        FROM rpt_orders WHERE customer_id IS NOT NULL AND day <= :d
        GROUP BY customer_id, order_id, order_ts),
      outcome AS (
        SELECT u.campaign_id, u.design, u.treated, u.cell,
               CAST(count(DISTINCT CASE WHEN o.bought THEN o.order_id END) AS DOUBLE) AS p,
               CAST(coalesce(sum(o.amount), 0) AS DOUBLE) AS r
        FROM units u LEFT JOIN orders o
          ON o.customer_id = u.customer_id AND o.order_ts >= u.start_ts
         AND o.order_ts < u.start_ts + make_dt_interval(:attribution)
        GROUP BY u.campaign_id, u.customer_id, u.design, u.treated, u.cell)
      SELECT campaign_id, design, treated, cell, count(*) AS n, sum(p) AS p, sum(p * p) AS p2,
             sum(r) AS r, sum(r * r) AS r2
      FROM outcome GROUP BY campaign_id, design, treated, cell
      """;

  /**
   * Fewest customers on each side for an estimate: purchases in a month are rare and skewed (most
   * customers buy nothing, a few several times), and below a few dozen customers the normal
   * approximation of the interval is not to be trusted; such a campaign is reported as not
   * measured.
   */
  static final int MIN_CUSTOMERS = 20;

  private CampaignLift() {}

  /** Both estimates of one campaign, and how the comparison group was formed. */
  record Lift(String design, Estimate purchases, Estimate revenue) {}

  /**
   * The estimates per campaign id (campaigns without a comparison group are absent), over the views
   * rpt_touches and rpt_orders and the segment history (customer_segments, every as_of_date);
   * {@code args}: :d and :attribution. A campaign needs {@code minCustomers} touched and comparison
   * customers in the estimate.
   */
  static Map<String, Lift> estimate(
      SparkSession spark, Dataset<Row> segmentHistory, Map<String, Object> args, int minCustomers) {
    segmentHistory
        .select(
            CustomerSegments.AS_OF_DATE,
            CustomerSegments.CUSTOMER_ID,
            CustomerSegments.SEGMENT,
            CustomerSegments.TIER)
        .createOrReplaceTempView("rpt_segment_history");
    Map<String, Map<String, Cell[]>> cells = new LinkedHashMap<>();
    Map<String, String> designs = new LinkedHashMap<>();
    Dataset<Row> touches = spark.sql(TOUCHES).persist(StorageLevel.MEMORY_AND_DISK());
    List<Row> moments;
    try {
      touches.createOrReplaceTempView("rpt_lift_touches");
      moments = spark.sql(ReportTables.bind(MOMENTS, args)).collectAsList();
    } finally {
      touches.unpersist();
    }
    for (Row r : moments) {
      String id = r.getString(0);
      designs.put(id, r.getString(1));
      boolean treated = r.getBoolean(2);
      long n = r.getLong(4);
      Cell[] pair =
          cells
              .computeIfAbsent(id, k -> new LinkedHashMap<>())
              .computeIfAbsent(r.getString(3), k -> new Cell[2]);
      Moments p = new Moments(n, r.getDouble(5), r.getDouble(6));
      Moments v = new Moments(n, r.getDouble(7), r.getDouble(8));
      // pair[0]: purchases, pair[1]: revenue; each Cell is filled one group at a time
      pair[0] = merge(pair[0], p, treated);
      pair[1] = merge(pair[1], v, treated);
    }
    Map<String, Lift> out = new LinkedHashMap<>();
    for (Map.Entry<String, Map<String, Cell[]>> e : cells.entrySet()) {
      List<Cell> purchases = new ArrayList<>();
      List<Cell> revenue = new ArrayList<>();
      for (Cell[] pair : e.getValue().values()) {
        purchases.add(pair[0]);
        revenue.add(pair[1]);
      }
      Optional<Estimate> p = IncrementalEffect.stratified(purchases);
      Optional<Estimate> v = IncrementalEffect.stratified(revenue);
      if (p.isPresent()
          && v.isPresent()
          && p.get().treated() >= minCustomers
          && p.get().comparison() >= minCustomers) {
        out.put(e.getKey(), new Lift(designs.get(e.getKey()), p.get(), v.get()));
      }
    }
    return out;
  }

  private static final Moments NONE = new Moments(0, 0, 0);

  private static Cell merge(Cell cell, Moments m, boolean treated) {
    Cell c = cell == null ? new Cell(NONE, NONE) : cell;
    return treated ? new Cell(m, c.comparison()) : new Cell(c.treated(), m);
  }

  /**
   * The rows of report_campaigns: {@link ReportQueries#CAMPAIGNS} (response, cost, attributed
   * return), with the incremental columns of each campaign's row filled in.
   */
  static List<Row> table(
      SparkSession spark, Dataset<Row> segmentHistory, Map<String, Object> args) {
    TableContract contract = Reports.CAMPAIGNS;
    Dataset<Row> rows = spark.sql(ReportTables.bind(ReportQueries.CAMPAIGNS, args));
    List<String> present = List.of(rows.columns());
    for (Field f : contract.fields()) {
      if (!present.contains(f.name())) {
        rows = rows.withColumn(f.name(), functions.lit(null).cast(f.type()));
      }
    }
    return addTo(
        contract.conform(rows).collectAsList(),
        estimate(spark, segmentHistory, args, MIN_CUSTOMERS),
        contract.schema());
  }

  /** The rows with the incremental columns filled in at level campaign. */
  static List<Row> addTo(List<Row> rows, Map<String, Lift> lifts, StructType schema) {
    List<Row> out = new ArrayList<>(rows.size());
    for (Row r : rows) {
      Lift lift = lifts.get(r.<String>getAs(ReportCampaigns.CAMPAIGN_ID));
      if (lift == null || !"campaign".equals(r.getAs(ReportCampaigns.LEVEL))) {
        out.add(r);
        continue;
      }
      Object[] v = new Object[schema.size()];
      for (int i = 0; i < v.length; i++) {
        v[i] = r.get(i);
      }
      long customers = r.<Long>getAs(ReportCampaigns.CUSTOMERS);
      BigDecimal costValue = r.getAs(ReportCampaigns.COST);
      double cost = costValue == null ? 0 : costValue.doubleValue();
      Estimate p = lift.purchases();
      Estimate m = lift.revenue();
      put(v, schema, ReportCampaigns.COMPARISON, lift.design());
      put(v, schema, ReportCampaigns.TREATED_CUSTOMERS, p.treated());
      put(v, schema, ReportCampaigns.COMPARISON_CUSTOMERS, p.comparison());
      put(v, schema, ReportCampaigns.PURCHASE_RATE, p.treatedMean());
      put(v, schema, ReportCampaigns.COMPARISON_PURCHASE_RATE, p.comparisonMean());
      put(v, schema, ReportCampaigns.REVENUE_PER_CUSTOMER, m.treatedMean());
      put(v, schema, ReportCampaigns.COMPARISON_REVENUE_PER_CUSTOMER, m.comparisonMean());
      put(v, schema, ReportCampaigns.PURCHASE_LIFT, p.lift().orElse(null));
      double[] liftInterval = p.liftInterval().orElse(null);
      put(
          v,
          schema,
          ReportCampaigns.PURCHASE_LIFT_LOW,
          liftInterval == null ? null : liftInterval[0]);
      put(
          v,
          schema,
          ReportCampaigns.PURCHASE_LIFT_HIGH,
          liftInterval == null ? null : liftInterval[1]);
      // Per touched customer, scaled to every customer the campaign touched (with matching, those
      // without a segment at the send date are assumed to respond like the matched ones).
      put(v, schema, ReportCampaigns.INCREMENTAL_PURCHASES, p.difference() * customers);
      put(v, schema, ReportCampaigns.INCREMENTAL_PURCHASES_LOW, p.low() * customers);
      put(v, schema, ReportCampaigns.INCREMENTAL_PURCHASES_HIGH, p.high() * customers);
      put(v, schema, ReportCampaigns.INCREMENTAL_REVENUE, m.difference() * customers);
      put(v, schema, ReportCampaigns.INCREMENTAL_REVENUE_LOW, m.low() * customers);
      put(v, schema, ReportCampaigns.INCREMENTAL_REVENUE_HIGH, m.high() * customers);
      if (cost > 0) {
        put(v, schema, ReportCampaigns.INCREMENTAL_ROI, roi(m.difference(), customers, cost));
        put(v, schema, ReportCampaigns.INCREMENTAL_ROI_LOW, roi(m.low(), customers, cost));
        put(v, schema, ReportCampaigns.INCREMENTAL_ROI_HIGH, roi(m.high(), customers, cost));
      }
      out.add(new GenericRowWithSchema(v, schema));
    }
    return out;
  }

  /** (incremental revenue − cost) / cost, from the incremental revenue per touched customer. */
  static double roi(double perCustomer, long customers, double cost) {
    return (perCustomer * customers - cost) / cost;
  }

  private static void put(Object[] values, StructType schema, String column, Object value) {
    values[schema.fieldIndex(column)] = value;
  }
}
