package com.crmanalytics.report;

import com.crmanalytics.contract.ReportTracking;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;

/**
 * The tracking chart of the model section (Fader, Hardie &amp; Lee 2005, Figure 4): cumulative
 * repeat purchases of the customers known at the calibration end, as they happened and as the model
 * fitted on the calibration expects them, over calibration and holdout (report_tracking).
 */
final class TrackingChart {
  private final Context ctx;
  private final ReportText t;

  TrackingChart(Context ctx) {
    this.ctx = ctx;
    this.t = ctx.text;
  }

  /** The figure, adding its sentence to {@code leads}; empty when there is no tracking for D. */
  String figure(List<String> leads) {
    List<Row> rows = new ArrayList<>(ctx.rows(ReportTracking.CONTRACT));
    if (rows.size() < 2) {
      return "";
    }
    rows.sort((a, b) -> date(a).compareTo(date(b)));
    LocalDate first = date(rows.get(0));
    LocalDate end = Cells.date(rows.get(0), ReportTracking.CALIBRATION_END);
    Row last = rows.get(rows.size() - 1);
    boolean holdout = date(last).isAfter(end);
    int n = rows.size();
    double[] xs = new double[n];
    double[] actual = new double[n];
    double[] expected = new double[n];
    for (int i = 0; i < n; i++) {
      xs[i] = ChronoUnit.DAYS.between(first, date(rows.get(i)));
      actual[i] = Cells.num0(rows.get(i), ReportTracking.ACTUAL);
      expected[i] = Cells.num0(rows.get(i), ReportTracking.EXPECTED);
    }
    String model = t.term("model", Cells.str(last, ReportTracking.MODEL));
    double a = actual[n - 1];
    double e = expected[n - 1];
    String error = a == 0 ? t.dash() : t.signedPercent((e - a) / a);
    leads.add(
        t.text(
            holdout ? "tracking.lead.holdout" : "tracking.lead",
            t.date(date(last)),
            t.integer(Cells.count(last, ReportTracking.CUSTOMERS)),
            t.date(end),
            t.integer(a),
            t.integer(e),
            error,
            model));
    DateTimeFormatter month =
        DateTimeFormatter.ofPattern(t.text("cohorts.month"), ctx.data.settings().locale());
    List<TimeCharts.Tick> ticks = new ArrayList<>();
    int every = Math.max(1, (n - 1) / 5);
    for (int i = 0; i < n; i += every) {
      ticks.add(new TimeCharts.Tick(xs[i], month.format(date(rows.get(i)))));
    }
    String title = t.text("tracking.chart");
    String chart =
        TimeCharts.lines(
            title,
            xs,
            List.of(
                new TimeCharts.Series(t.text("tracking.actual"), "line-actual", actual),
                new TimeCharts.Series(t.text("tracking.model", model), "line-model", expected)),
            ticks,
            v -> t.integer(v),
            holdout ? ChronoUnit.DAYS.between(first, end) : Double.NaN,
            t.text("tracking.cutoff", t.shortDate(end)),
            t.text("tracking.axis"),
            860);
    return Html.figure(
        title,
        chart,
        Html.p(
            "note",
            t.text(holdout ? "tracking.note.holdout" : "tracking.note", t.date(end), model)));
  }

  private static LocalDate date(Row r) {
    return Cells.date(r, ReportTracking.POINT_DATE);
  }
}
