package com.crmanalytics.report;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import com.crmanalytics.config.ReportAction;
import com.crmanalytics.contract.CustomerFeatures;
import com.crmanalytics.contract.CustomerSegments;
import com.crmanalytics.contract.CustomerValue;
import com.crmanalytics.contract.ReportActions;
import com.crmanalytics.contract.ReportForecast;
import com.crmanalytics.contract.ReportTracking;
import com.crmanalytics.contract.Reports;
import com.crmanalytics.contract.TableContract;
import com.crmanalytics.error.Errors;
import com.crmanalytics.io.Warehouse;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * The report's look ahead and its "what to do next", for D: report_actions (computed here from
 * customer_segments, customer_value and two columns of customer_features of D, one aggregation for
 * all groups of report.actions, and written), report_forecast and report_tracking (written by the
 * value stage; read), and the report_kpis rows of the dates before D for the tiles' trends.
 */
final class OutlookTables {
  /** The tiles' trends show at most this many run dates, D included. */
  static final int TREND_DATES = 30;

  /** The view the conditions of report.actions run against. */
  static final String VIEW = "rpt_action_customers";

  /**
   * The columns of customer_features a condition may use besides those of customer_segments and
   * customer_value: in the view and in the printed target-list query alike.
   */
  static final List<String> FEATURE_COLUMNS =
      List.of(CustomerFeatures.LIFETIME_ORDERS, CustomerFeatures.TENURE_DAYS);

  private OutlookTables() {}

  /** Adds the rows of D of the three tables to {@code tables}, writing report_actions. */
  static void add(
      Warehouse wh,
      LocalDate d,
      List<ReportAction> actions,
      long customers,
      Map<TableContract, List<Row>> tables) {
    List<Row> rows = actions(wh, d, actions, customers);
    wh.replaceDate(
        ReportActions.CONTRACT,
        ReportActions.AS_OF_DATE,
        d,
        wh.spark().createDataFrame(rows, ReportActions.CONTRACT.schema()));
    tables.put(ReportActions.CONTRACT, rows);
    tables.put(
        ReportForecast.CONTRACT,
        onD(wh, ReportForecast.CONTRACT, ReportForecast.AS_OF_DATE, d, ReportForecast.MONTH));
    tables.put(
        ReportTracking.CONTRACT,
        onD(wh, ReportTracking.CONTRACT, ReportTracking.AS_OF_DATE, d, ReportTracking.POINT_DATE));
  }

  /** The report_kpis rows of up to 29 run dates before D, oldest first (none on a first run). */
  static List<Row> kpiHistory(Warehouse wh, LocalDate d) {
    if (!wh.exists(Reports.KPIS)) {
      return List.of();
    }
    List<Row> rows =
        new ArrayList<>(
            Reports.KPIS
                .conform(wh.read(Reports.KPIS).filter(col(Reports.AS_OF_DATE).lt(lit(d))))
                .orderBy(col(Reports.AS_OF_DATE).desc())
                .limit(TREND_DATES - 1)
                .collectAsList());
    java.util.Collections.reverse(rows);
    return rows;
  }

  /**
   * The SELECT of {@code crm export target-list} for a group: its customers on the export date
   * ({@code as_of}), most valuable first.
   */
  static String targetListQuery(String condition) {
    return "SELECT "
        + CustomerSegments.CUSTOMER_ID
        + " FROM "
        + CustomerSegments.CONTRACT.name()
        + " JOIN "
        + CustomerValue.CONTRACT.name()
        + " USING ("
        + CustomerSegments.CUSTOMER_ID
        + ", "
        + CustomerSegments.AS_OF_DATE
        + ") JOIN (SELECT "
        + CustomerFeatures.CUSTOMER_ID
        + ", "
        + CustomerFeatures.AS_OF_DATE
        + ", "
        + String.join(", ", FEATURE_COLUMNS)
        + " FROM "
        + CustomerFeatures.CONTRACT.name()
        + ") USING ("
        + CustomerSegments.CUSTOMER_ID
        + ", "
        + CustomerSegments.AS_OF_DATE
        + ") WHERE "
        + CustomerSegments.AS_OF_DATE
        + " = as_of AND ("
        + condition
        + ") ORDER BY "
        + CustomerValue.CLV
        + " DESC";
  }

  /**
   * One row per action: each condition is first analysed alone (a bad one stops the run with exit 2
   * naming it), then one pass over the customers sums every group.
   */
  private static List<Row> actions(
      Warehouse wh, LocalDate d, List<ReportAction> actions, long customers) {
    if (actions.isEmpty()) {
      return List.of();
    }
    SparkSession spark = wh.spark();
    Dataset<Row> segments =
        wh.read(CustomerSegments.CONTRACT).filter(col(CustomerSegments.AS_OF_DATE).equalTo(lit(d)));
    Dataset<Row> value =
        wh.read(CustomerValue.CONTRACT)
            .filter(col(CustomerValue.AS_OF_DATE).equalTo(lit(d)))
            .drop(CustomerValue.AS_OF_DATE);
    Dataset<Row> lifetime =
        wh.read(CustomerFeatures.CONTRACT)
            .filter(col(CustomerFeatures.AS_OF_DATE).equalTo(lit(d)))
            .select(CustomerFeatures.CUSTOMER_ID, FEATURE_COLUMNS.toArray(String[]::new));
    segments
        .join(value, CustomerSegments.CUSTOMER_ID)
        .join(lifetime, CustomerSegments.CUSTOMER_ID)
        .createOrReplaceTempView(VIEW);
    StringBuilder select = new StringBuilder("SELECT ");
    for (int i = 0; i < actions.size(); i++) {
      String condition = actions.get(i).condition();
      try {
        spark.sql("SELECT 1 FROM " + VIEW + " WHERE (" + condition + ")").schema();
      } catch (Exception e) {
        throw Errors.badConfig(
            ReportAction.KEY + "[" + i + "].condition",
            condition,
            "a boolean SQL expression over the columns of customer_segments and customer_value"
                + " and "
                + String.join(", ", FEATURE_COLUMNS)
                + " of customer_features ("
                + firstLine(e.getMessage())
                + ")");
      }
      String w = "CASE WHEN (" + condition + ") THEN ";
      select
          .append(i == 0 ? "" : ", ")
          .append("count_if(coalesce((" + condition + "), false)), ")
          .append("coalesce(sum(" + w + CustomerValue.CLV + " END), 0), ")
          .append("coalesce(sum(" + w + CustomerValue.CLV_AT_RISK + " END), 0), ")
          .append(
              "coalesce(sum("
                  + w
                  + "CAST("
                  + CustomerSegments.MONETARY
                  + " AS DECIMAL(38, 2)) END), 0), ")
          .append("coalesce(sum(" + w + CustomerValue.EXPECTED_PURCHASES + " END), 0)");
    }
    Row sums = spark.sql(select + " FROM " + VIEW).first();
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < actions.size(); i++) {
      ReportAction a = actions.get(i);
      long n = sums.getLong(5 * i);
      rows.add(
          new org.apache.spark.sql.catalyst.expressions.GenericRowWithSchema(
              new Object[] {
                Date.valueOf(d),
                i + 1,
                a.name(),
                a.condition(),
                n,
                customers == 0 ? 0.0 : (double) n / customers,
                sums.getDouble(5 * i + 1),
                sums.getDouble(5 * i + 2),
                sums.getDecimal(5 * i + 3).setScale(2, java.math.RoundingMode.HALF_UP),
                sums.getDouble(5 * i + 4),
                a.notebook(),
                targetListQuery(a.condition())
              },
              ReportActions.CONTRACT.schema()));
    }
    return rows;
  }

  /** Rows of D of a table the value stage writes; none when it has not run with this version. */
  private static List<Row> onD(
      Warehouse wh, TableContract table, String dateColumn, LocalDate d, String order) {
    if (!wh.exists(table)) {
      return List.of();
    }
    return table
        .conform(wh.read(table).filter(col(dateColumn).equalTo(lit(d))))
        .orderBy(order)
        .collectAsList();
  }

  private static String firstLine(String s) {
    if (s == null) {
      return "";
    }
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }
}
