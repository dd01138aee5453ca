package com.crmanalytics.report;

import com.crmanalytics.config.PipelineConfig;
import com.crmanalytics.contract.PipelineRuns;
import com.crmanalytics.contract.ReportKpis;
import com.crmanalytics.contract.Reports;
import com.crmanalytics.contract.TableContract;
import com.crmanalytics.io.Warehouse;
import com.crmanalytics.pipeline.RunContext;
import com.crmanalytics.pipeline.RunLog.Counts;
import java.sql.Date;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stage {@code report}: from the gold tables of D (customer_features, customer_segments,
 * customer_value, model_runs), the previous date of customer_segments and the silver rows of the
 * window, computes the report tables of {@link Reports} for D, replaces their rows of D, and writes
 * the HTML report {@code <paths.reports>/D/index.html}. The inputs are registered by {@link
 * ReportInputs}, the tables computed by {@link ReportTables}, rendered by {@link ReportPage} and
 * written by {@link ReportOutput}, all from the same collected rows.
 */
public final class ReportStage {
  private static final Logger LOG = LoggerFactory.getLogger(ReportStage.class);
  public static final String STAGE = "report";

  /** The HTML report's file name inside {@code <paths.reports>/D/}. */
  public static final String PAGE = "index.html";

  /** What one run of the stage did. */
  public record Result(ReportData data, String page, String message) {}

  private ReportStage() {}

  public static Result run(RunContext ctx) {
    Instant started = Instant.now();
    LocalDate d = ctx.businessDate();
    SparkSession spark = ctx.spark();
    spark.sparkContext().setJobGroup(STAGE, STAGE + " " + d, false);
    Warehouse wh = ctx.warehouse();
    PipelineConfig config = ctx.config();
    try (ReportInputs in = ReportInputs.register(wh, d, config)) {
      Map<TableContract, List<Row>> tables = ReportTables.compute(wh, d, config, in);
      OutlookTables.add(wh, d, config.report().actions(), in.customers, tables);
      Optional<Row> previousKpis = ReportTables.previousKpis(wh, d);
      ReportOutput.writeTables(wh, d, tables);
      ReportData data =
          new ReportData(
              d,
              config.currency(),
              config.report(),
              config.rfm().windowDays(),
              tables,
              previousKpis.map(r -> r.<Date>getAs(ReportKpis.AS_OF_DATE).toLocalDate()),
              previousKpis,
              in.absent,
              OutlookTables.kpiHistory(wh, d));
      String page =
          ReportOutput.writePage(spark, config.reports(), d, PAGE, ReportPage.render(data));
      long n = in.customers;
      String message =
          String.format(
              "%d customers reported as of %s%s; %s",
              n,
              d,
              in.previous
                  .map(p -> " (migration since " + p + ")")
                  .orElse(" (first report: no migration)"),
              page);
      LOG.info("report: {}", message);
      ctx.log()
          .record(STAGE, PipelineRuns.SUCCEEDED, started, new Counts(n, n, null, null), message);
      return new Result(data, page, message);
    } catch (RuntimeException e) {
      ctx.log().record(STAGE, PipelineRuns.FAILED, started, Counts.NONE, e.getMessage());
      throw e;
    } finally {
      spark.sparkContext().clearJobGroup();
    }
  }
}
