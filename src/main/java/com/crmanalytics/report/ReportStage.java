package com.crmanalytics.report;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.date_sub;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.to_date;

import com.crmanalytics.config.PipelineConfig;
import com.crmanalytics.config.PyramidSettings;
import com.crmanalytics.config.ReportSettings;
import com.crmanalytics.contract.CampaignTouches;
import com.crmanalytics.contract.CustomerFeatures;
import com.crmanalytics.contract.CustomerSegments;
import com.crmanalytics.contract.CustomerValue;
import com.crmanalytics.contract.ModelRuns;
import com.crmanalytics.contract.Orders;
import com.crmanalytics.contract.ProductAffinity;
import com.crmanalytics.contract.Reports;
import com.crmanalytics.contract.ServiceContacts;
import com.crmanalytics.contract.Source;
import com.crmanalytics.contract.TableContract;
import com.crmanalytics.error.Errors;
import com.crmanalytics.io.Warehouse;
import com.crmanalytics.pipeline.RunContext;
import com.crmanalytics.pipeline.RunLog.Counts;
import com.crmanalytics.pipeline.Stage;
import com.crmanalytics.pipeline.StageResult;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.expressions.GenericRowWithSchema;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Stage {@code report}: from the gold tables of D (customer_features, customer_segments,
 * customer_value, model_runs), the previous date of customer_segments and the silver rows of the
 * window, computes the report tables of {@link Reports} for D, replaces their rows of D, and writes
 * the HTML report {@code <paths.reports>/D/index.html}. Every report table is small (a row per
 * tier, percentile, segment, campaign, ...): each is computed by one query ({@link ReportQueries}),
 * collected, written and rendered from the same rows. Nothing per customer reaches the driver.
 */
public final class ReportStage implements Stage<ReportStage.Result> {
  public static final String STAGE = "report";

  /** The HTML report's file name inside {@code <paths.reports>/D/}. */
  public static final String PAGE = "index.html";

  /** What one run of the stage did. */
  public record Result(ReportData data, String page, long customers, String message)
      implements StageResult {
    @Override
    public Counts counts() {
      return new Counts(customers, customers, null, null);
    }

    @Override
    public List<String> notes() {
      return List.of("report written to " + page);
    }
  }

  /**
   * What the stage reads of the configuration.
   *
   * @param currency {@code run.currency}
   * @param reports {@code paths.reports}: the HTML report goes to {@code <reports>/D/}
   * @param windowDays {@code rfm.window-days}
   * @param churnHorizonDays {@code churn.horizon-days}
   */
  public record Settings(
      String currency,
      String reports,
      int windowDays,
      int churnHorizonDays,
      PyramidSettings pyramid,
      ReportSettings report) {
    public static Settings from(PipelineConfig config) {
      return new Settings(
          config.run().currency(),
          config.paths().reports(),
          config.rfm().windowDays(),
          config.churn().horizonDays(),
          config.pyramid(),
          config.report());
    }
  }

  private final Settings settings;

  public ReportStage(Settings settings) {
    this.settings = settings;
  }

  /** The stage with its settings from {@code config}. */
  public static ReportStage from(PipelineConfig config) {
    return new ReportStage(Settings.from(config));
  }

  @Override
  public String name() {
    return STAGE;
  }

  @Override
  public Result run(RunContext ctx) {
    LocalDate d = ctx.businessDate();
    SparkSession spark = ctx.spark();
    Warehouse wh = ctx.warehouse();
    Dataset<Row> customers = ctx.persist(customers(wh, d, settings.pyramid()));
    long n = customers.count();
    if (n == 0) {
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
    int w = settings.windowDays();
    Dataset<Row> orders =
        ctx.persist(window(wh.read(Orders.CONTRACT), Orders.ORDER_TS, "day", d, w));
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
    tiers(spark, settings.pyramid()).createOrReplaceTempView("rpt_tiers");
    wh.read(ModelRuns.CONTRACT)
        .filter(col(ModelRuns.AS_OF_DATE).equalTo(lit(d)))
        .createOrReplaceTempView("rpt_model_runs");

    Map<String, Object> args = new LinkedHashMap<>();
    args.put("d", Date.valueOf(d));
    args.put("w", w);
    args.put("n", n);
    Map<TableContract, List<Row>> tables = new LinkedHashMap<>();
    List<Row> concentration = concentration(spark, args, d, n);
    Map<String, Object> kpiArgs = new LinkedHashMap<>(args);
    kpiArgs.put("currency", settings.currency());
    kpiArgs.put("recent", settings.report().recentDays());
    kpiArgs.put("h", settings.churnHorizonDays());
    kpiArgs.put("top20", concentration.get(19).getDouble(3));
    kpiArgs.put("gini", concentration.get(0).getDouble(5));
    tables.put(Reports.KPIS, query(spark, Reports.KPIS, ReportQueries.KPIS, kpiArgs));
    tables.put(Reports.PYRAMID, query(spark, Reports.PYRAMID, ReportQueries.PYRAMID, args));
    tables.put(Reports.CONCENTRATION, concentration);
    tables.put(Reports.SEGMENTS, query(spark, Reports.SEGMENTS, ReportQueries.SEGMENTS, args));
    if (previous.isPresent()) {
      Map<String, Object> migrationArgs = new LinkedHashMap<>(args);
      migrationArgs.put("p", Date.valueOf(previous.get()));
      tables.put(
          Reports.MIGRATION,
          query(spark, Reports.MIGRATION, ReportQueries.MIGRATION, migrationArgs));
    } else {
      tables.put(Reports.MIGRATION, List.of());
    }
    Map<String, Object> campaignArgs = new LinkedHashMap<>(args);
    campaignArgs.put("attribution", settings.report().attributionDays());
    tables.put(
        Reports.CAMPAIGNS, query(spark, Reports.CAMPAIGNS, ReportQueries.CAMPAIGNS, campaignArgs));
    tables.put(Reports.SERVICE, query(spark, Reports.SERVICE, ReportQueries.SERVICE, args));
    tables.put(Reports.SALES, query(spark, Reports.SALES, ReportQueries.SALES, args));
    tables.put(Reports.MODEL, query(spark, Reports.MODEL, ReportQueries.MODEL, args));
    Map<String, Object> cohortArgs = new LinkedHashMap<>(args);
    cohortArgs.put("cohorts", CohortSection.MAX_COHORTS);
    tables.put(Reports.COHORTS, query(spark, Reports.COHORTS, ReportQueries.COHORTS, cohortArgs));
    tables.put(ProductAffinity.CONTRACT, strongestPairs(wh, d));

    Optional<Row> previousKpis = previousKpis(wh, d);
    String onD = Reports.AS_OF_DATE + " = DATE'" + d + "'";
    for (Map.Entry<TableContract, List<Row>> t : tables.entrySet()) {
      if (!Reports.ALL.contains(t.getKey())) {
        continue; // read for the page (product_affinity), not written here
      }
      wh.replace(t.getKey(), spark.createDataFrame(t.getValue(), t.getKey().schema()), onD);
    }
    ReportData data =
        new ReportData(
            d,
            settings.currency(),
            settings.report(),
            w,
            tables,
            previousKpis.map(r -> r.<Date>getAs(Reports.AS_OF_DATE).toLocalDate()),
            previousKpis,
            absent);
    String page = writePage(spark, settings.reports(), d, ReportPage.render(data));
    String message =
        String.format(
            "%d customers reported as of %s%s; %s",
            n,
            d,
            previous
                .map(p -> " (migration since " + p + ")")
                .orElse(" (first report: no migration)"),
            page);
    return new Result(data, page, n, message);
  }

  /**
   * Customers of D: features joined with their segment and value; stops (exit 4) when one of them
   * is missing for D.
   */
  private static Dataset<Row> customers(Warehouse wh, LocalDate d, PyramidSettings pyramid) {
    Dataset<Row> features = onDate(wh, CustomerFeatures.CONTRACT, d, "crm features");
    Dataset<Row> segments = onDate(wh, CustomerSegments.CONTRACT, d, "crm segment");
    Dataset<Row> value = onDate(wh, CustomerValue.CONTRACT, d, "crm value");
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

  private static Dataset<Row> onDate(Warehouse wh, TableContract table, LocalDate d, String stage) {
    Dataset<Row> rows = wh.read(table).filter(col("as_of_date").equalTo(lit(d)));
    if (rows.isEmpty()) {
      throw Errors.missingInput(
          table.name() + " for " + d + " (run: " + stage + " --date " + d + ")", wh.path(table));
    }
    return rows;
  }

  /**
   * The strongest rules of product_affinity for D starting from one product (rule_rank order), for
   * the page; none when the product stage has not run for D.
   */
  private static List<Row> strongestPairs(Warehouse wh, LocalDate d) {
    if (!wh.exists(ProductAffinity.CONTRACT)) {
      return List.of();
    }
    return ProductAffinity.CONTRACT
        .conform(
            wh.read(ProductAffinity.CONTRACT)
                .filter(
                    col(ProductAffinity.AS_OF_DATE)
                        .equalTo(lit(d))
                        .and(col(ProductAffinity.ANTECEDENT_SIZE).equalTo(1))))
        .orderBy(ProductAffinity.RULE_RANK)
        .limit(ProductSection.MAX_PAIRS)
        .collectAsList();
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

  /** The latest report_kpis row before D, if the table exists and has one. */
  private static Optional<Row> previousKpis(Warehouse wh, LocalDate d) {
    if (!wh.exists(Reports.KPIS)) {
      return Optional.empty();
    }
    List<Row> rows =
        Reports.KPIS
            .conform(wh.read(Reports.KPIS).filter(col(Reports.AS_OF_DATE).lt(lit(d))))
            .orderBy(col(Reports.AS_OF_DATE).desc())
            .limit(1)
            .collectAsList();
    return rows.stream().findFirst();
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
        new StructType().add("tier", DataTypes.StringType).add("tier_order", DataTypes.IntegerType);
    return spark.createDataFrame(rows, schema);
  }

  /** Runs one report query and returns its rows in the contract's columns and types. */
  private static List<Row> query(
      SparkSession spark, TableContract table, String sql, Map<String, Object> args) {
    return table.conform(spark.sql(bind(sql, args))).collectAsList();
  }

  private static final Pattern PARAMETER = Pattern.compile(":([a-z][a-z0-9]*)");

  /**
   * Replaces each {@code :name} of the SQL with its value as a SQL literal. Spark's own named
   * parameters ({@code spark.sql(text, args)}) are left unbound when Delta's SQL extension is
   * installed (Spark 4.2, Delta 4.4: UNBOUND_SQL_PARAMETER), so they are bound here; values are
   * dates, numbers and the validated currency code; strings are quoted with backslash escapes.
   */
  static String bind(String sql, Map<String, Object> args) {
    Matcher m = PARAMETER.matcher(sql);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      if (!args.containsKey(m.group(1))) {
        throw new IllegalArgumentException("No value for :" + m.group(1) + " in a report query");
      }
      Object v = args.get(m.group(1));
      String literal =
          v instanceof Date date
              ? "DATE'" + date + "'"
              : v instanceof Number number
                  ? (v instanceof Double ? "CAST('" + number + "' AS DOUBLE)" : number.toString())
                  : "'" + String.valueOf(v).replace("\\", "\\\\").replace("'", "\\'") + "'";
      m.appendReplacement(out, Matcher.quoteReplacement(literal));
    }
    m.appendTail(out);
    return out.toString();
  }

  /**
   * The 100 rows of report_concentration (with the contract's schema, so they are read by column
   * name like the queried tables) from one aggregation into percentile buckets.
   */
  private static List<Row> concentration(
      SparkSession spark, Map<String, Object> args, LocalDate d, long n) {
    double[] buckets = new double[101];
    double total = 0;
    double weighted = 0;
    for (Row r : spark.sql(bind(ReportQueries.CONCENTRATION_BUCKETS, args)).collectAsList()) {
      buckets[r.getInt(0)] = r.getDouble(1);
      total += r.getDouble(1);
      weighted += r.getDouble(2);
    }
    double[] top = Concentration.topShares(buckets, total);
    double[] lorenz = Concentration.lorenz(top, total);
    double gini = Concentration.gini(n, total, weighted);
    StructType schema = Reports.CONCENTRATION.schema();
    List<Row> rows = new ArrayList<>();
    for (int p = 1; p <= 100; p++) {
      rows.add(
          new GenericRowWithSchema(
              new Object[] {
                Date.valueOf(d), p, Concentration.topCustomers(p, n), top[p], lorenz[p], gini
              },
              schema));
    }
    return rows;
  }

  /**
   * Writes the page to {@code <reports>/D/index.html} (any Hadoop file system) and returns its
   * path.
   */
  private static String writePage(SparkSession spark, String reports, LocalDate d, String html) {
    Path page = new Path(new Path(reports, d.toString()), PAGE);
    try {
      FileSystem fs = page.getFileSystem(spark.sparkContext().hadoopConfiguration());
      Path qualified = fs.makeQualified(page);
      try (OutputStream out = fs.create(qualified, true)) {
        out.write(html.getBytes(StandardCharsets.UTF_8));
      }
      return qualified.toString();
    } catch (IOException e) {
      throw Errors.unreadableFile(page.toString(), "cannot write the report: " + e.getMessage(), e);
    }
  }
}
