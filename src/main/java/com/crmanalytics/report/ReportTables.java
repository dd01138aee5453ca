package com.crmanalytics.report;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import com.crmanalytics.contract.CustomerSegments;
import com.crmanalytics.contract.ModelRuns;
import com.crmanalytics.contract.ProductAffinity;
import com.crmanalytics.contract.ReportConcentration;
import com.crmanalytics.contract.ReportKpis;
import com.crmanalytics.contract.Reports;
import com.crmanalytics.contract.TableContract;
import com.crmanalytics.io.Warehouse;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.expressions.GenericRowWithSchema;
import org.apache.spark.sql.types.StructType;

/**
 * Computes the rows of D of every report table from the views of {@link ReportInputs}: one query of
 * {@link ReportQueries} per table (report_concentration from one aggregation into percentile
 * buckets), each collected in its contract's columns and types. Every report table is small (a row
 * per tier, percentile, segment, campaign, ...): nothing per customer reaches the driver.
 */
final class ReportTables {
  private static final Pattern PARAMETER = Pattern.compile(":([a-z][a-z0-9]*)");

  private ReportTables() {}

  /**
   * The report tables of D in {@link Reports#ALL} order, followed by the strongest rules of
   * product_affinity for the page (read, not written by the report).
   */
  static Map<TableContract, List<Row>> compute(
      Warehouse wh, LocalDate d, ReportStage.Settings config, ReportInputs in) {
    SparkSession spark = wh.spark();
    long n = in.customers;
    Map<String, Object> args = new LinkedHashMap<>();
    args.put("d", Date.valueOf(d));
    args.put("w", config.windowDays());
    args.put("n", n);
    Map<TableContract, List<Row>> tables = new LinkedHashMap<>();
    List<Row> concentration = concentration(spark, args, d, n);
    Map<String, Object> kpiArgs = new LinkedHashMap<>(args);
    kpiArgs.put("currency", config.currency());
    kpiArgs.put("recent", config.report().recentDays());
    kpiArgs.put("h", config.churnHorizonDays());
    kpiArgs.put("top20", concentration.get(19).<Double>getAs(ReportConcentration.TOP_SHARE));
    kpiArgs.put("gini", concentration.get(0).<Double>getAs(ReportConcentration.GINI));
    kpiArgs.put("chosen", ModelRuns.CHOSEN);
    kpiArgs.put("equitylow", ModelRuns.SUM_CLV + ModelRuns.P05);
    kpiArgs.put("equityhigh", ModelRuns.SUM_CLV + ModelRuns.P95);
    tables.put(Reports.KPIS, query(spark, Reports.KPIS, ReportQueries.KPIS, kpiArgs));
    tables.put(Reports.PYRAMID, query(spark, Reports.PYRAMID, ReportQueries.PYRAMID, args));
    tables.put(Reports.CONCENTRATION, concentration);
    tables.put(Reports.SEGMENTS, query(spark, Reports.SEGMENTS, ReportQueries.SEGMENTS, args));
    if (in.previous.isPresent()) {
      Map<String, Object> migrationArgs = new LinkedHashMap<>(args);
      migrationArgs.put("p", Date.valueOf(in.previous.get()));
      tables.put(
          Reports.MIGRATION,
          query(spark, Reports.MIGRATION, ReportQueries.MIGRATION, migrationArgs));
    } else {
      tables.put(Reports.MIGRATION, List.of());
    }
    Map<String, Object> campaignArgs = new LinkedHashMap<>(args);
    campaignArgs.put("attribution", config.report().attributionDays());
    tables.put(
        Reports.CAMPAIGNS,
        CampaignLift.table(spark, wh.read(CustomerSegments.CONTRACT), campaignArgs));
    tables.put(Reports.SERVICE, query(spark, Reports.SERVICE, ReportQueries.SERVICE, args));
    tables.put(Reports.SALES, query(spark, Reports.SALES, ReportQueries.SALES, args));
    tables.put(Reports.MODEL, query(spark, Reports.MODEL, ReportQueries.MODEL, args));
    Map<String, Object> cohortArgs = new LinkedHashMap<>(args);
    cohortArgs.put("cohorts", CohortSection.MAX_COHORTS);
    tables.put(Reports.COHORTS, query(spark, Reports.COHORTS, ReportQueries.COHORTS, cohortArgs));
    tables.put(ProductAffinity.CONTRACT, strongestPairs(wh, d));
    return tables;
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

  /** The latest report_kpis row before D, if the table exists and has one. */
  static Optional<Row> previousKpis(Warehouse wh, LocalDate d) {
    if (!wh.exists(Reports.KPIS)) {
      return Optional.empty();
    }
    List<Row> rows =
        Reports.KPIS
            .conform(wh.read(Reports.KPIS).filter(col(ReportKpis.AS_OF_DATE).lt(lit(d))))
            .orderBy(col(ReportKpis.AS_OF_DATE).desc())
            .limit(1)
            .collectAsList();
    return rows.stream().findFirst();
  }

  /** Runs one report query and returns its rows in the contract's columns and types. */
  private static List<Row> query(
      SparkSession spark, TableContract table, String sql, Map<String, Object> args) {
    return table.conform(spark.sql(bind(sql, args))).collectAsList();
  }

  /**
   * Replaces each {@code :name} of the SQL with its value as a SQL literal. Spark's own named
   * parameters ({@code spark.sql(text, args)}) are left unbound when Delta's SQL extension is
   * installed (Spark 4.2, Delta 4.4: UNBOUND_SQL_PARAMETER), so they are bound here; values are
   * dates, numbers, the validated currency code and model_runs keys; strings are quoted with
   * backslash escapes.
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
              ? Warehouse.dateLiteral(date.toLocalDate())
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
}
