package com.crmanalytics.report;

import com.crmanalytics.config.ReportSettings;
import com.crmanalytics.contract.Source;
import com.crmanalytics.contract.TableContract;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.spark.sql.Row;

/**
 * Everything the HTML report shows, collected on the driver: the rows of D of every report table
 * (each report table is small: one row per tier, percentile, segment, campaign, ...), and the
 * headline numbers of the previous report date for "what changed".
 *
 * @param date the business date D of the report
 * @param currency ISO 4217 code of the money columns (run.currency)
 * @param settings report.language and the report's windows
 * @param windowDays rfm.window-days: "the window" of the revenue columns ends on D
 * @param tables rows of D by table ({@code Reports.KPIS}, ...), each row with the contract's schema
 *     (read columns by their contract constants: {@code row.getAs(ReportKpis.REVENUE)}; money is
 *     BigDecimal, counts Long, shares Double)
 * @param previousDate the latest earlier date with a report_kpis row, if any
 * @param previousKpis that date's report_kpis row, if any
 * @param absentSources sources whose silver table does not exist: their sections say so in one line
 * @param kpiHistory report_kpis rows of earlier run dates, oldest first (at most 29), for the
 *     tiles' trends
 * @param margins how much of the window's sales had a known cost, and the margin rate lifetime
 *     value assumes for the rest: what "margin" means on this page
 */
public record ReportData(
    LocalDate date,
    String currency,
    ReportSettings settings,
    int windowDays,
    Map<TableContract, List<Row>> tables,
    Optional<LocalDate> previousDate,
    Optional<Row> previousKpis,
    Set<Source> absentSources,
    List<Row> kpiHistory,
    MarginBasis margins) {

  public ReportData {
    kpiHistory = List.copyOf(kpiHistory);
  }

  /**
   * What the margins of the report stand on.
   *
   * @param costedShare the share of the window's sales (positive order lines of customers) whose
   *     line has a cost: report_kpis.margin counts those lines only; 1 without sales
   * @param marginRate clv.margin-rate: margin / revenue that lifetime value assumes for a customer
   *     without a known cost
   */
  public record MarginBasis(double costedShare, double marginRate) {
    /** Every line has a cost. */
    public static final MarginBasis ALL_COSTED = new MarginBasis(1, 1);

    /** No line of the window has a cost: the margin columns are 0, not the business's margin. */
    public boolean noCosts() {
      return costedShare == 0;
    }

    /** Some lines have a cost, some not (less than 99.95 % of sales). */
    public boolean someCosts() {
      return costedShare > 0 && costedShare < 0.9995;
    }
  }

  /**
   * True when the warehouse has never received this source's extract (an orders-only company has no
   * campaigns).
   */
  public boolean absent(Source source) {
    return absentSources.contains(source);
  }

  /**
   * The rows of one report table (empty when it has none for D, e.g. migration on the first run).
   */
  public List<Row> rows(TableContract table) {
    return tables.getOrDefault(table, List.of());
  }
}
