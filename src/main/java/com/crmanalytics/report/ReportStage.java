package com.crmanalytics.report;

import com.crmanalytics.config.PipelineConfig;
import com.crmanalytics.config.PyramidSettings;
import com.crmanalytics.config.ReportSettings;
import com.crmanalytics.contract.ReportKpis;
import com.crmanalytics.contract.Reports;
import com.crmanalytics.contract.TableContract;
import com.crmanalytics.io.Warehouse;
import com.crmanalytics.pipeline.RunContext;
import com.crmanalytics.pipeline.RunLog.Counts;
import com.crmanalytics.pipeline.Stage;
import com.crmanalytics.pipeline.StageResult;
import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Stage {@code report}: from the gold tables of D (customer_features, customer_segments,
 * customer_value, model_runs), the previous date of customer_segments and the silver rows of the
 * window, computes the report tables of {@link Reports} for D, replaces their rows of D, and writes
 * the HTML report {@code <paths.reports>/D/index.html}. The inputs are registered by {@link
 * ReportInputs}, the tables computed by {@link ReportTables}, rendered by {@link ReportPage} and
 * written by {@link ReportOutput}, all from the same collected rows.
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
   * @param marginRate {@code clv.margin-rate}: what "margin" means where a line has no cost
   */
  public record Settings(
      String currency,
      String reports,
      int windowDays,
      int churnHorizonDays,
      double marginRate,
      PyramidSettings pyramid,
      ReportSettings report) {
    public static Settings from(PipelineConfig config) {
      return new Settings(
          config.run().currency(),
          config.paths().reports(),
          config.rfm().windowDays(),
          config.churn().horizonDays(),
          config.clv().marginRate(),
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
    try (ReportInputs in = ReportInputs.register(wh, d, settings)) {
      Map<TableContract, List<Row>> tables = ReportTables.compute(wh, d, settings, in);
      OutlookTables.add(wh, d, settings.report().actions(), in.customers, tables);
      Optional<Row> previousKpis = ReportTables.previousKpis(wh, d);
      ReportOutput.writeTables(wh, d, tables);
      ReportData data =
          new ReportData(
              d,
              settings.currency(),
              settings.report(),
              settings.windowDays(),
              tables,
              previousKpis.map(r -> r.<Date>getAs(ReportKpis.AS_OF_DATE).toLocalDate()),
              previousKpis,
              in.absent,
              OutlookTables.kpiHistory(wh, d),
              new ReportData.MarginBasis(ReportInputs.costedShare(spark), settings.marginRate()));
      String page =
          ReportOutput.writePage(spark, settings.reports(), d, PAGE, ReportPage.render(data));
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
      return new Result(data, page, n, message);
    }
  }
}
