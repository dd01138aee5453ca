package com.crmanalytics.report;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.date_sub;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.to_date;

import com.crmanalytics.config.PyramidSettings;
import com.crmanalytics.contract.CampaignTouches;
import com.crmanalytics.contract.CustomerFeatures;
import com.crmanalytics.contract.CustomerSegments;
import com.crmanalytics.contract.CustomerValue;
import com.crmanalytics.contract.ModelRuns;
import com.crmanalytics.contract.Orders;
import com.crmanalytics.contract.ReportPyramid;
import com.crmanalytics.contract.ServiceContacts;
import com.crmanalytics.contract.Source;
import com.crmanalytics.contract.TableContract;
import com.crmanalytics.error.Errors;
import com.crmanalytics.io.Warehouse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;

/**
 * The views the report queries read for one date D (listed in {@link ReportQueries}), registered
 * from the warehouse; closing it releases what they cached.
 */
final class ReportInputs implements AutoCloseable {
  /** Customers known at D (rows of rpt_customers). */
  final long customers;

  /** The latest date before D in customer_segments, if any (rpt_previous is its segments). */
  final Optional<LocalDate> previous;

  /** Sources that never sent an extract: their sections say so. */
  final Set<Source> absent;

  private final List<Dataset<Row>> cached;

  private ReportInputs(
      long customers, Optional<LocalDate> previous, Set<Source> absent, List<Dataset<Row>> cached) {
    this.customers = customers;
    this.previous = previous;
    this.absent = absent;
    this.cached = cached;
  }

  /**
   * Registers the rpt_* views for D; stops (exit 4) when the gold tables of D are missing or empty.
   */
  static ReportInputs register(Warehouse wh, LocalDate d, ReportStage.Settings config) {
    SparkSession spark = wh.spark();
    List<Dataset<Row>> cached = new ArrayList<>();
    try {
      Dataset<Row> customers =
          customers(wh, d, config.pyramid()).persist(StorageLevel.MEMORY_AND_DISK());
      cached.add(customers);
      long n = customers.count();
      if (n == 0) {
        // Which input is missing is looked up only now: three more scans on every report otherwise.
        requireOnDate(
            wh, CustomerFeatures.CONTRACT, CustomerFeatures.AS_OF_DATE, d, "crm features");
        requireOnDate(wh, CustomerSegments.CONTRACT, CustomerSegments.AS_OF_DATE, d, "crm segment");
        requireOnDate(wh, CustomerValue.CONTRACT, CustomerValue.AS_OF_DATE, d, "crm value");
        throw Errors.missingInput(
            "customer_features, customer_segments and customer_value for "
                + d
                + " (run: crm run --date "
                + d
                + ")",
            wh.path(CustomerValue.CONTRACT));
      }
      customers.createOrReplaceTempView("rpt_customers");
      Optional<LocalDate> previous = previousDate(wh, d);
      previousSegments(wh, previous).createOrReplaceTempView("rpt_previous");
      int w = config.windowDays();
      Dataset<Row> orders =
          window(wh.read(Orders.CONTRACT), Orders.ORDER_TS, "day", d, w)
              .persist(StorageLevel.MEMORY_AND_DISK());
      cached.add(orders);
      orders.createOrReplaceTempView("rpt_orders");
      // A company that sends no campaign or service extract still gets its report: those sections
      // say so.
      Set<Source> absent = EnumSet.noneOf(Source.class);
      window(readOrEmpty(wh, Source.CAMPAIGNS, absent), CampaignTouches.SENT_TS, "sent_day", d, w)
          .createOrReplaceTempView("rpt_touches");
      readOrEmpty(wh, Source.SERVICE, absent)
          .withColumn("day", to_date(col(ServiceContacts.OPENED_TS)))
          .filter(col("day").leq(lit(d)))
          .createOrReplaceTempView("rpt_contacts");
      wh.read(Orders.CONTRACT)
          .withColumn("day", to_date(col(Orders.ORDER_TS)))
          .filter(col("day").leq(lit(d)).and(col(Orders.CUSTOMER_ID).isNotNull()))
          .createOrReplaceTempView("rpt_history");
      tiers(spark, config.pyramid()).createOrReplaceTempView("rpt_tiers");
      wh.read(ModelRuns.CONTRACT)
          .filter(col(ModelRuns.AS_OF_DATE).equalTo(lit(d)))
          .createOrReplaceTempView("rpt_model_runs");
      return new ReportInputs(n, previous, absent, cached);
    } catch (RuntimeException e) {
      cached.forEach(Dataset::unpersist);
      throw e;
    }
  }

  /**
   * The share of the window's sales (positive lines of customers, by amount) whose line has a cost;
   * 1 when the window has no sales.
   */
  static double costedShare(SparkSession spark) {
    Row r = spark.sql(ReportQueries.COSTED_SHARE).first();
    return r.isNullAt(0) ? 1 : ((Number) r.get(0)).doubleValue();
  }

  @Override
  public void close() {
    cached.forEach(Dataset::unpersist);
  }

  /** Customers of D: features joined with their segment and value (none when one is missing). */
  private static Dataset<Row> customers(Warehouse wh, LocalDate d, PyramidSettings pyramid) {
    Dataset<Row> features = onDate(wh, CustomerFeatures.CONTRACT, CustomerFeatures.AS_OF_DATE, d);
    Dataset<Row> segments = onDate(wh, CustomerSegments.CONTRACT, CustomerSegments.AS_OF_DATE, d);
    Dataset<Row> value = onDate(wh, CustomerValue.CONTRACT, CustomerValue.AS_OF_DATE, d);
    String measure =
        pyramid.measure() == PyramidSettings.Measure.MARGIN
            ? CustomerFeatures.MONETARY_MARGIN
            : CustomerFeatures.MONETARY;
    return features
        .select(
            col(CustomerFeatures.CUSTOMER_ID),
            col(CustomerFeatures.FIRST_ORDER_DATE),
            col(CustomerFeatures.FREQUENCY),
            col(CustomerFeatures.MONETARY),
            col(CustomerFeatures.MONETARY_MARGIN),
            col(measure).as("measure"))
        .join(
            segments.select(
                CustomerSegments.CUSTOMER_ID,
                CustomerSegments.SEGMENT,
                CustomerSegments.TIER,
                CustomerSegments.TIER_RANK),
            CustomerFeatures.CUSTOMER_ID)
        .join(
            value.select(
                CustomerValue.CUSTOMER_ID,
                CustomerValue.CLV,
                CustomerValue.CLV_BASELINE,
                CustomerValue.CLV_LIFETIME,
                CustomerValue.CHURN_PROBABILITY,
                CustomerValue.RISK_BAND,
                CustomerValue.P_ALIVE,
                CustomerValue.CLV_AT_RISK),
            CustomerFeatures.CUSTOMER_ID);
  }

  private static Dataset<Row> onDate(
      Warehouse wh, TableContract table, String dateColumn, LocalDate d) {
    return wh.read(table).filter(col(dateColumn).equalTo(lit(d)));
  }

  /** Stops (exit 4) naming the table and the command to run when it has no rows of D. */
  private static void requireOnDate(
      Warehouse wh, TableContract table, String dateColumn, LocalDate d, String stage) {
    if (onDate(wh, table, dateColumn, d).isEmpty()) {
      throw Errors.missingInput(
          table.name() + " for " + d + " (run: " + stage + " --date " + d + ")", wh.path(table));
    }
  }

  /**
   * A source's silver table, or no rows (and the source noted as absent) when no extract ever came.
   */
  private static Dataset<Row> readOrEmpty(Warehouse wh, Source source, Set<Source> absent) {
    if (wh.exists(source.table())) {
      return wh.read(source.table());
    }
    absent.add(source);
    return wh.spark().createDataFrame(List.of(), source.table().schema());
  }

  /** The latest date before D in customer_segments, if any. */
  private static Optional<LocalDate> previousDate(Warehouse wh, LocalDate d) {
    Row r =
        wh.read(CustomerSegments.CONTRACT)
            .filter(col(CustomerSegments.AS_OF_DATE).lt(lit(d)))
            .agg(max(CustomerSegments.AS_OF_DATE))
            .first();
    return r.isNullAt(0) ? Optional.empty() : Optional.of(r.getDate(0).toLocalDate());
  }

  private static Dataset<Row> previousSegments(Warehouse wh, Optional<LocalDate> previous) {
    Dataset<Row> segments = wh.read(CustomerSegments.CONTRACT);
    return (previous.isPresent()
            ? segments.filter(col(CustomerSegments.AS_OF_DATE).equalTo(lit(previous.get())))
            : segments.limit(0))
        .select(CustomerSegments.CUSTOMER_ID, CustomerSegments.SEGMENT, CustomerSegments.TIER);
  }

  /**
   * Rows whose event day (timestamp column in run.timezone) lies in the window-days days ending on
   * D.
   */
  private static Dataset<Row> window(
      Dataset<Row> rows, String timestamp, String day, LocalDate d, int w) {
    return rows.withColumn(day, to_date(col(timestamp)))
        .filter(col(day).gt(date_sub(lit(d), w)).and(col(day).leq(lit(d))));
  }

  private static Dataset<Row> tiers(SparkSession spark, PyramidSettings pyramid) {
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < pyramid.tiers().size(); i++) {
      rows.add(RowFactory.create(pyramid.tiers().get(i).name(), i + 1));
    }
    StructType schema =
        new StructType()
            .add(ReportPyramid.TIER, DataTypes.StringType)
            .add(ReportPyramid.TIER_ORDER, DataTypes.IntegerType);
    return spark.createDataFrame(rows, schema);
  }
}
