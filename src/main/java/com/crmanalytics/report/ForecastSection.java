package com.crmanalytics.report;

import com.crmanalytics.contract.ReportForecast;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;

/**
 * The next twelve months: the purchases and revenue the customers of today are expected to bring
 * month by month (report_forecast), as columns with their 90% interval, and the exact numbers.
 */
final class ForecastSection {
  private final Context ctx;
  private final ReportText t;

  ForecastSection(Context ctx) {
    this.ctx = ctx;
    this.t = ctx.text;
  }

  String section() {
    List<Row> rows = new ArrayList<>(ctx.rows(ReportForecast.CONTRACT));
    if (rows.isEmpty()) {
      return ctx.section(
          "forecast",
          "wide",
          null,
          ctx.empty(t.text("forecast.empty", ctx.data.date().toString())),
          null);
    }
    rows.sort(
        (a, b) ->
            Long.compare(
                Cells.count(a, ReportForecast.MONTH), Cells.count(b, ReportForecast.MONTH)));
    int n = rows.size();
    double purchases = 0;
    double revenue = 0;
    double low = 0;
    double high = 0;
    boolean interval = true;
    List<String> labels = new ArrayList<>();
    double[] values = new double[n];
    double[] lows = new double[n];
    double[] highs = new double[n];
    String[] texts = new String[n];
    String[] titles = new String[n];
    List<List<String>> table = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      Row r = rows.get(i);
      double p = Cells.num0(r, ReportForecast.PURCHASES);
      double v = Cells.num0(r, ReportForecast.REVENUE);
      Double vl = Cells.num(r, ReportForecast.REVENUE_LOW);
      Double vh = Cells.num(r, ReportForecast.REVENUE_HIGH);
      purchases += p;
      revenue += v;
      interval &= vl != null && vh != null;
      low += vl == null ? 0 : vl;
      high += vh == null ? 0 : vh;
      String month = t.integer(Cells.count(r, ReportForecast.MONTH));
      String period =
          t.text(
              "forecast.period",
              t.shortDate(Cells.date(r, ReportForecast.PERIOD_START)),
              t.shortDate(Cells.date(r, ReportForecast.PERIOD_END)));
      labels.add(month);
      values[i] = v;
      lows[i] = vl == null ? Double.NaN : vl;
      highs[i] = vh == null ? Double.NaN : vh;
      texts[i] = t.moneyShort(v);
      titles[i] =
          t.text("forecast.cell", month, period, t.money(v, 0), t.integer(p), range(vl, vh, true));
      table.add(
          List.of(
              month,
              period,
              t.integer(p),
              range(
                  Cells.num(r, ReportForecast.PURCHASES_LOW),
                  Cells.num(r, ReportForecast.PURCHASES_HIGH),
                  false),
              t.money(v, 0),
              range(vl, vh, true)));
    }
    // The sum of the months' 5% quantiles is a conservative low for the year (quantiles do not
    // add), so the lead quotes it only as the range of the months' own intervals.
    String lead =
        t.text(
            interval ? "forecast.lead.interval" : "forecast.lead",
            t.integer(purchases),
            t.moneyShort(revenue),
            t.moneyShort(low),
            t.moneyShort(high),
            t.moneyShort(values[0]),
            t.moneyShort(values[n - 1]),
            t.integer(n));
    String title = t.text("forecast.chart", t.currencyCode());
    String chart =
        TimeCharts.columnsWithRange(title, labels, values, lows, highs, texts, titles, 860);
    String numbers =
        ctx.numbers(
            List.of(
                t.text("col.month"),
                t.text("col.period"),
                t.text("col.purchases"),
                t.text("col.interval"),
                t.text("col.revenue"),
                t.text("col.interval")),
            table);
    String model = Cells.str(rows.get(0), ReportForecast.MODEL);
    return ctx.section(
        "forecast",
        "wide",
        lead,
        Html.figure(title, chart) + numbers,
        t.text("forecast.caption", t.term("model", model)));
  }

  private String range(Double low, Double high, boolean money) {
    if (low == null || high == null) {
      return t.dash();
    }
    return money
        ? t.text("range", t.money(low, 0), t.money(high, 0))
        : t.text("range", t.integer(low), t.integer(high));
  }
}
