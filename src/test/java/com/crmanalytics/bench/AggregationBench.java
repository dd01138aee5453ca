package com.crmanalytics.bench;

import com.crmanalytics.config.ConfigLoader;
import com.crmanalytics.config.ModelTimeUnit;
import com.crmanalytics.config.PipelineConfig;
import com.crmanalytics.contract.CampaignTouches;
import com.crmanalytics.contract.Orders;
import com.crmanalytics.contract.ServiceContacts;
import com.crmanalytics.contract.TableContract;
import com.crmanalytics.features.FeaturesStage;
import com.crmanalytics.io.SparkSessions;
import com.crmanalytics.io.Warehouse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Benchmark (run by bench/run.sh, not by mvn test): the per-customer aggregation behind
 * customer_features / RFM, ours (FeaturesStage.transform on Spark) against the same aggregation in
 * DuckDB, both over one fresh Parquet export of the silver tables (never Delta's files directly:
 * they include files MERGE already replaced).
 *
 * <p>Arguments: WAREHOUSE DATE EXPORT_DIR. Prints "aggregation ours_s duckdb_s ratio customers".
 */
public final class AggregationBench {
  private AggregationBench() {}

  public static void main(String[] args) throws Exception {
    String warehouseRoot = args[0];
    LocalDate date = LocalDate.parse(args[1]);
    Path export = Path.of(args[2]).toAbsolutePath();
    PipelineConfig config =
        ConfigLoader.load(null, false, Map.of("paths.warehouse", warehouseRoot));
    SparkSession spark = SparkSessions.create(config);
    Warehouse warehouse = new Warehouse(spark, config.paths().warehouse());

    for (TableContract t :
        new TableContract[] {Orders.CONTRACT, ServiceContacts.CONTRACT, CampaignTouches.CONTRACT}) {
      warehouse.read(t).write().mode("overwrite").parquet(export.resolve(t.name()).toString());
    }
    Dataset<Row> orders = spark.read().parquet(export.resolve("orders").toString());
    Dataset<Row> service = spark.read().parquet(export.resolve("service_contacts").toString());
    Dataset<Row> campaigns = spark.read().parquet(export.resolve("campaign_touches").toString());

    long t0 = System.nanoTime();
    Dataset<Row> ours =
        FeaturesStage.transform(orders, service, campaigns, date, 365, ModelTimeUnit.WEEK);
    ours.write().format("noop").mode("overwrite").save();
    double oursSeconds = (System.nanoTime() - t0) / 1e9;
    long customers = ours.count();

    double duckSeconds;
    long duckCustomers;
    try (Connection db = DriverManager.getConnection("jdbc:duckdb:");
        Statement st = db.createStatement()) {
      long t1 = System.nanoTime();
      st.execute(duckdbSql(export, date));
      duckSeconds = (System.nanoTime() - t1) / 1e9;
      try (ResultSet rs = st.executeQuery("select count(*) from features")) {
        rs.next();
        duckCustomers = rs.getLong(1);
      }
    }
    if (duckCustomers != customers) {
      throw new IllegalStateException(
          "customers differ: ours " + customers + ", DuckDB " + duckCustomers);
    }
    System.out.printf(
        "aggregation %.2f %.2f %.2f %d%n",
        oursSeconds, duckSeconds, oursSeconds / duckSeconds, customers);
  }

  /** The same aggregation as FeaturesStage.transform, written for DuckDB. */
  static String duckdbSql(Path export, LocalDate d) {
    String day = "DATE '" + d + "'";
    return """
        create table features as
        with lines as (
          select customer_id, order_id, cast(order_ts as date) as day, amount, cost
          from read_parquet('%1$s/orders/*.parquet') where cast(order_ts as date) <= %2$s),
        per_order as (
          select customer_id, order_id, min(day) as day,
                 max(case when amount < 0 then 0 else 1 end) as purchase, sum(amount) as net,
                 coalesce(sum(case when cost is not null then amount - cost end), 0) as costed_margin,
                 coalesce(sum(case when cost is not null then amount end), 0) as costed_revenue,
                 coalesce(sum(case when amount < 0 then -amount end), 0) as returned,
                 count(case when amount < 0 then 1 end) as return_lines
          from lines group by customer_id, order_id),
        days as (
          select customer_id, day, max(purchase) as purchase, sum(purchase) as orders, sum(net) as net,
                 sum(costed_margin) as costed_margin, sum(costed_revenue) as costed_revenue,
                 sum(returned) as returned, sum(return_lines) as return_lines
          from per_order group by customer_id, day),
        customers as (
          select customer_id, min(day) as first_day,
                 max(case when purchase > 0 then day end) as last_order_date,
                 min(case when purchase > 0 then day end) as first_purchase_day,
                 arg_min(case when purchase > 0 then net end, case when purchase > 0 then day end) as first_purchase_net,
                 count(case when purchase > 0 then 1 end) as purchase_days,
                 sum(case when purchase > 0 then net end) as purchase_net,
                 count(case when purchase > 0 and day > %2$s - 365 then 1 end) as frequency,
                 coalesce(sum(case when day > %2$s - 365 then net end), 0) as monetary,
                 coalesce(sum(case when day > %2$s - 365 then costed_margin end), 0) as monetary_margin,
                 sum(orders) as lifetime_orders, sum(net) as lifetime_revenue, sum(returned) as returned_amount,
                 sum(return_lines) as return_lines, sum(costed_margin) as margin, sum(costed_revenue) as costed_revenue
          from days group by customer_id),
        service as (
          select customer_id, count(*) as service_contacts,
                 count(case when lower(category) = 'complaint' then 1 end) as complaints,
                 avg(wait_seconds) as avg_wait_seconds, count(case when abandoned then 1 end) as abandoned_contacts,
                 avg(satisfaction) as avg_satisfaction, coalesce(sum(cost), 0) as cost_to_serve
          from read_parquet('%1$s/service_contacts/*.parquet')
          where cast(opened_ts as date) <= %2$s group by customer_id),
        campaigns as (
          select customer_id, count(*) as campaign_touches,
                 count(case when cast(converted_ts as date) <= %2$s then 1 end) as campaign_responses,
                 coalesce(sum(cost), 0) as campaign_cost
          from read_parquet('%1$s/campaign_touches/*.parquet')
          where cast(sent_ts as date) <= %2$s group by customer_id)
        select c.customer_id, %2$s as as_of_date, c.first_day as first_order_date, c.last_order_date,
               date_diff('day', coalesce(c.last_order_date, c.first_day), %2$s) as recency_days,
               date_diff('day', c.first_day, %2$s) as tenure_days,
               c.frequency, c.monetary, c.monetary_margin, c.lifetime_orders, c.lifetime_revenue,
               c.returned_amount, c.return_lines, c.margin,
               case when c.costed_revenue <> 0 then c.margin / c.costed_revenue end as margin_rate,
               greatest(c.purchase_days - 1, 0) as x,
               coalesce(date_diff('day', c.first_purchase_day, c.last_order_date), 0) / 7.0 as t_x,
               date_diff('day', coalesce(c.first_purchase_day, c.first_day), %2$s) / 7.0 as T,
               case when c.purchase_days > 1 then (c.purchase_net - c.first_purchase_net) / (c.purchase_days - 1) end as m_x,
               coalesce(s.service_contacts, 0) as service_contacts, coalesce(s.complaints, 0) as complaints,
               s.avg_wait_seconds, coalesce(s.abandoned_contacts, 0) as abandoned_contacts, s.avg_satisfaction,
               coalesce(s.cost_to_serve, 0) as cost_to_serve,
               coalesce(k.campaign_touches, 0) as campaign_touches, coalesce(k.campaign_responses, 0) as campaign_responses,
               case when k.campaign_touches > 0 then k.campaign_responses / k.campaign_touches end as response_rate,
               coalesce(k.campaign_cost, 0) as campaign_cost,
               c.margin - coalesce(s.cost_to_serve, 0) - coalesce(k.campaign_cost, 0) as net_profitability
        from customers c
        left join service s using (customer_id)
        left join campaigns k using (customer_id)
        """
        .formatted(export, day);
  }
}
