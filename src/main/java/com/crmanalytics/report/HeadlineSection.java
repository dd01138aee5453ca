package com.crmanalytics.report;

import com.crmanalytics.contract.ModelRuns;
import com.crmanalytics.contract.ReportKpis;
import com.crmanalytics.contract.ReportModel;
import com.crmanalytics.contract.Reports;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;

/**
 * The headline tiles: each number with what it is in plain words, its change since the previous
 * report (a change in points with the change in customers beside it) and its trend over the last
 * run dates where report_kpis has them (a sparkline).
 */
final class HeadlineSection {
  private final Context ctx;
  private final ReportText t;
  private final String since;

  HeadlineSection(Context ctx) {
    this.ctx = ctx;
    this.t = ctx.text;
    this.since = ctx.data.previousDate().map(t::shortDate).orElse(null);
  }

  String section() {
    String horizon = horizonMonths();
    ReportData.MarginBasis margins = ctx.data.margins();
    StringBuilder tiles = new StringBuilder("<div class=\"tiles\">");
    Double known = ctx.kpi(ReportKpis.CUSTOMERS_KNOWN);
    tiles.append(
        tile(
            t.text("tile.customers"),
            t.countShort(known),
            t.text("tile.customers.def"),
            change(known, ctx.previousKpi(ReportKpis.CUSTOMERS_KNOWN), Delta.COUNT, true, null),
            t.text(
                "tile.customers.sub",
                t.integer(ctx.kpi(ReportKpis.CUSTOMERS_ACTIVE)),
                t.integer(ctx.data.windowDays()),
                t.integer(ctx.kpi(ReportKpis.CUSTOMERS_NEW)),
                t.integer(ctx.data.settings().recentDays())),
            trend(ReportKpis.CUSTOMERS_KNOWN)));
    Double equity = ctx.kpi(ReportKpis.CUSTOMER_EQUITY);
    Double baseline = ctx.kpi(ReportKpis.CUSTOMER_EQUITY_BASELINE);
    Double low = ctx.kpi(ReportKpis.CUSTOMER_EQUITY_LOW);
    Double high = ctx.kpi(ReportKpis.CUSTOMER_EQUITY_HIGH);
    String interval =
        low == null || high == null
            ? t.text("tile.equity.no_interval")
            : t.text("tile.equity.interval", t.moneyShort(low), t.moneyShort(high));
    tiles.append(
        tile(
            t.text("tile.equity"),
            t.moneyShort(equity),
            margins.noCosts() || margins.someCosts()
                ? t.text("tile.equity.def.assumed", horizon, t.percent(margins.marginRate(), 0))
                : t.text("tile.equity.def", horizon),
            change(equity, ctx.previousKpi(ReportKpis.CUSTOMER_EQUITY), Delta.RELATIVE, true, null),
            t.text(
                "tile.equity.sub",
                interval,
                baseline == null ? t.dash() : t.moneyShort(baseline),
                t.money(ctx.kpi(ReportKpis.MEAN_CLV), 0)),
            trend(ReportKpis.CUSTOMER_EQUITY)));
    tiles.append(
        tile(
            t.text("tile.churners"),
            t.integer(ctx.kpi(ReportKpis.EXPECTED_CHURNERS)),
            t.text("tile.churners.def"),
            change(
                ctx.kpi(ReportKpis.CHURN_RATE),
                ctx.previousKpi(ReportKpis.CHURN_RATE),
                Delta.POINTS,
                false,
                countChange(ReportKpis.EXPECTED_CHURNERS)),
            t.text("tile.churners.sub", t.percent(ctx.kpi(ReportKpis.CHURN_RATE), 1)),
            trend(ReportKpis.CHURN_RATE)));
    Double days = ctx.kpi(ReportKpis.CHURN_HORIZON_DAYS);
    if (ctx.kpi(ReportKpis.QUIET_SHARE) != null && days != null) {
      tiles.append(
          tile(
              t.text("tile.quiet", t.integer(days)),
              t.percent(ctx.kpi(ReportKpis.QUIET_SHARE), 0),
              t.text("tile.quiet.def", t.integer(days)),
              change(
                  ctx.kpi(ReportKpis.QUIET_SHARE),
                  ctx.previousKpi(ReportKpis.QUIET_SHARE),
                  Delta.POINTS,
                  false,
                  countChange(ReportKpis.EXPECTED_QUIET)),
              t.text(
                  "tile.quiet.sub",
                  t.integer(ctx.kpi(ReportKpis.EXPECTED_QUIET)),
                  t.integer(ctx.kpi(ReportKpis.HIGH_RISK_CUSTOMERS))),
              trend(ReportKpis.QUIET_SHARE)));
    }
    Double atRisk = ctx.kpi(ReportKpis.CLV_AT_RISK);
    Double ifActive = ctx.kpi(ReportKpis.VALUE_IF_ALL_ACTIVE);
    tiles.append(
        tile(
            t.text("tile.at_risk"),
            t.moneyShort(atRisk),
            t.text("tile.at_risk.def", horizon),
            change(atRisk, ctx.previousKpi(ReportKpis.CLV_AT_RISK), Delta.RELATIVE, false, null),
            ifActive == null || atRisk == null || ifActive == 0
                ? t.dash()
                : t.text(
                    "tile.at_risk.sub", t.percent(atRisk / ifActive, 1), t.moneyShort(ifActive)),
            trend(ReportKpis.CLV_AT_RISK)));
    Double revenue = ctx.kpi(ReportKpis.REVENUE);
    tiles.append(
        tile(
            t.text("tile.revenue", t.integer(ctx.data.windowDays())),
            t.moneyShort(revenue),
            t.text("tile.revenue.def", t.integer(ctx.data.windowDays())),
            change(revenue, ctx.previousKpi(ReportKpis.REVENUE), Delta.RELATIVE, true, null),
            margins.noCosts()
                ? t.text("tile.revenue.sub.no_costs", t.integer(ctx.kpi(ReportKpis.ORDERS)))
                : t.text(
                    margins.someCosts() ? "tile.revenue.sub.some_costs" : "tile.revenue.sub",
                    t.integer(ctx.kpi(ReportKpis.ORDERS)),
                    t.moneyShort(ctx.kpi(ReportKpis.MARGIN)),
                    t.percent(
                        margins.costedShare(),
                        margins.costedShare() < 0.01 || margins.costedShare() > 0.99 ? 1 : 0)),
            trend(ReportKpis.REVENUE)));
    tiles.append("</div>");
    String body =
        ctx.kpis.isPresent() ? tiles.toString() : ctx.empty(t.text("headline.empty")) + tiles;
    return ctx.section(
        "headline",
        "wide",
        null,
        body,
        ctx.kpis.isPresent()
            ? t.text("headline.caption", t.integer(ctx.kpi(ReportKpis.CHURN_HORIZON_DAYS)))
            : null);
  }

  /** clv.horizon-months as recorded with the chosen model in report_model; "12" when absent. */
  private String horizonMonths() {
    return ctx.rows(Reports.MODEL).stream()
        .filter(r -> ModelRuns.HORIZON_MONTHS.equals(Cells.str(r, ReportModel.NAME)))
        .map(r -> t.integer(Cells.num(r, ReportModel.VALUE)))
        .findFirst()
        .orElse(t.integer(12));
  }

  private enum Delta {
    COUNT,
    RELATIVE,
    POINTS
  }

  /** The change of a count column since the previous report, as "+6 customers"; null without. */
  private String countChange(String column) {
    Double now = ctx.kpi(column);
    Double before = ctx.previousKpi(column);
    return now == null || before == null
        ? null
        : t.text("tile.count_change", t.signedInteger(Math.round(now - before)));
  }

  /**
   * The change chip of a tile: arrow, signed change (with the count beside a change in points), and
   * whether that direction is good news.
   */
  private String change(Double now, Double before, Delta kind, boolean upIsGood, String count) {
    if (now == null || before == null || since == null || (kind == Delta.RELATIVE && before == 0)) {
      return "";
    }
    double d = now - before;
    String amount =
        switch (kind) {
          case COUNT -> t.signedInteger(Math.round(d));
          case RELATIVE -> t.signedPercent(d / Math.abs(before));
          case POINTS -> t.signedPoints(d);
        };
    boolean flat =
        kind == Delta.RELATIVE
            ? Math.abs(d / before) < 0.0005
            : kind == Delta.POINTS ? Math.abs(d) < 0.0005 : Math.round(d) == 0;
    String tone = flat ? "flat" : (d > 0) == upIsGood ? "good" : "bad";
    String arrow = flat ? "■" : d > 0 ? "▲" : "▼";
    return "<div class=\"delta "
        + tone
        + "\">"
        + arrow
        + " "
        + Html.escape(amount)
        + (count == null ? "" : " <span class=\"count\">(" + Html.escape(count) + ")</span>")
        + " <span>"
        + Html.escape(t.text("tile.since", since))
        + "</span></div>";
  }

  /**
   * A sparkline of a report_kpis column over the earlier run dates and D, with the number of runs
   * and the first date; empty without at least one earlier value.
   */
  private String trend(String column) {
    List<Row> history = ctx.data.kpiHistory();
    if (history.isEmpty() || ctx.kpis.isEmpty()) {
      return "";
    }
    List<Double> values = new ArrayList<>();
    for (Row r : history) {
      values.add(Cells.num(r, column));
    }
    values.add(ctx.kpi(column));
    if (values.stream().filter(v -> v != null).count() < 2) {
      return "";
    }
    String label =
        t.text(
            "tile.trend",
            t.integer(values.size()),
            t.shortDate(Cells.date(history.get(0), Reports.AS_OF_DATE)));
    return "<div class=\"tile-trend\">"
        + TimeCharts.sparkline(label, values, 96, 24)
        + "<span>"
        + Html.escape(label)
        + "</span></div>";
  }

  private static String tile(
      String label, String value, String definition, String change, String sub, String trend) {
    return "<div class=\"tile\"><div class=\"tile-label\">"
        + Html.escape(label)
        + "</div><div class=\"tile-value\">"
        + Html.escape(value)
        + "</div>"
        + "<div class=\"tile-def\">"
        + Html.escape(definition)
        + "</div>"
        + change
        + "<div class=\"tile-sub\">"
        + Html.escape(sub)
        + "</div>"
        + trend
        + "</div>";
  }
}
