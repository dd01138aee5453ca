package com.crmanalytics.report;

import com.crmanalytics.contract.ReportConcentration;
import com.crmanalytics.contract.ReportKpis;
import com.crmanalytics.contract.ReportPyramid;
import com.crmanalytics.contract.ReportSegments;
import com.crmanalytics.contract.Reports;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.apache.spark.sql.Row;

/**
 * Where the value is: the pyramid, revenue concentration, and CLV and churn risk by RFM segment.
 */
final class ValueSections {
  private final Context ctx;
  private final ReportText t;

  ValueSections(Context ctx) {
    this.ctx = ctx;
    this.t = ctx.text;
  }

  /** Customer share, revenue share and share of customer equity per tier, top tier first. */
  String pyramid() {
    List<Row> tiers =
        ctx.rows(Reports.PYRAMID).stream()
            .sorted(Comparator.comparingLong(r -> Cells.count(r, ReportPyramid.TIER_ORDER)))
            .toList();
    if (tiers.isEmpty()) {
      return ctx.section("pyramid", "half", null, ctx.empty(t.text("pyramid.empty")), null);
    }
    double clvAll = tiers.stream().mapToDouble(r -> Cells.num0(r, ReportPyramid.CLV_TOTAL)).sum();
    List<String> names =
        tiers.stream().map(r -> ctx.tier(Cells.str(r, ReportPyramid.TIER))).toList();
    double[][] values = new double[3][tiers.size()];
    String[][] texts = new String[3][tiers.size()];
    List<List<String>> table = new ArrayList<>();
    for (int i = 0; i < tiers.size(); i++) {
      Row r = tiers.get(i);
      values[0][i] = Cells.num0(r, ReportPyramid.CUSTOMER_SHARE);
      values[1][i] = Cells.num0(r, ReportPyramid.REVENUE_SHARE);
      values[2][i] = clvAll == 0 ? 0 : Cells.num0(r, ReportPyramid.CLV_TOTAL) / clvAll;
      for (int s = 0; s < 3; s++) {
        texts[s][i] = t.percent(values[s][i], 1);
      }
      table.add(
          List.of(
              names.get(i),
              t.integer(Cells.num(r, ReportPyramid.CUSTOMERS)),
              t.percent(Cells.num(r, ReportPyramid.CUSTOMER_SHARE), 1),
              t.money(Cells.money(r, ReportPyramid.REVENUE), 0),
              t.percent(Cells.num(r, ReportPyramid.REVENUE_SHARE), 1),
              t.money(Cells.num(r, ReportPyramid.CLV_MEAN), 0),
              t.percent(Cells.num(r, ReportPyramid.CHURN_PROBABILITY_MEAN), 1)));
    }
    String chart =
        Charts.groupedBars(
            t.text("pyramid.chart"),
            names,
            new String[] {
              t.text("pyramid.customers"), t.text("pyramid.revenue"), t.text("pyramid.clv")
            },
            new String[] {"s-muted", "s1", "s2"},
            values,
            texts,
            540);
    Double top20 = ctx.kpi(ReportKpis.TOP_20_SHARE);
    String lead =
        top20 == null
            ? null
            : t.text(
                top20 >= 0.8 ? "pyramid.lead.holds" : "pyramid.lead.below", t.percent(top20, 0));
    String numbers =
        ctx.numbers(
            List.of(
                t.text("col.tier"),
                t.text("col.customers"),
                t.text("col.customer_share"),
                t.text("col.revenue"),
                t.text("col.revenue_share"),
                t.text("col.clv_mean"),
                t.text("col.churn_mean")),
            table);
    return ctx.section(
        "pyramid",
        "half",
        lead,
        "<div class=\"charts\">" + chart + "</div>" + numbers,
        t.text("pyramid.caption"));
  }

  /** The Lorenz curve with the top 1/5/20% shares and the Gini coefficient beside it. */
  String concentration() {
    List<Row> points =
        ctx.rows(Reports.CONCENTRATION).stream()
            .sorted(Comparator.comparingLong(r -> Cells.count(r, ReportConcentration.PERCENTILE)))
            .toList();
    if (points.isEmpty()) {
      return ctx.section(
          "concentration", "half", null, ctx.empty(t.text("concentration.empty")), null);
    }
    double[] xs = new double[points.size() + 1];
    double[] ys = new double[points.size() + 1];
    for (int i = 0; i < points.size(); i++) {
      xs[i + 1] = Cells.count(points.get(i), ReportConcentration.PERCENTILE) / 100.0;
      ys[i + 1] = Cells.num0(points.get(i), ReportConcentration.LORENZ_SHARE);
    }
    Double top1 = topShare(points, 1);
    Double top5 = topShare(points, 5);
    Double top20 = topShare(points, 20);
    Double gini =
        ctx.kpi(ReportKpis.GINI) != null
            ? ctx.kpi(ReportKpis.GINI)
            : Cells.num(points.get(0), ReportConcentration.GINI);
    double bottom80 = Charts.interpolate(xs, ys, 0.8);
    String chart =
        Charts.lorenz(
            t.text("concentration.chart"),
            xs,
            ys,
            t.text("concentration.x"),
            t.text("concentration.y"),
            t.text("concentration.equality"),
            t.text("concentration.curve"),
            0.8,
            t.text("concentration.mark", t.percent(bottom80, 0)));
    StringBuilder stats = new StringBuilder("<div class=\"stats\">");
    stat(stats, t.text("concentration.top", "1%"), t.percent(top1, 1));
    stat(stats, t.text("concentration.top", "5%"), t.percent(top5, 1));
    stat(stats, t.text("concentration.top", "20%"), t.percent(top20, 1));
    stat(stats, t.text("concentration.gini"), t.decimal(gini, 2));
    stats.append("</div>");
    String lead =
        t.text("concentration.lead", t.percent(top1, 0), t.percent(top5, 0), t.percent(top20, 0));
    return ctx.section(
        "concentration",
        "half",
        lead,
        "<div class=\"charts side\">" + chart + stats + "</div>",
        t.text("concentration.caption"));
  }

  /** Total CLV per segment beside its mix of risk bands, largest CLV first. */
  String segments() {
    List<Row> segments =
        new ArrayList<>(
            Cells.where(
                ctx.rows(Reports.SEGMENTS), ReportSegments.LEVEL, ReportSegments.LEVEL_SEGMENT));
    if (segments.isEmpty()) {
      return ctx.section("segments", "wide", null, ctx.empty(t.text("segments.empty")), null);
    }
    segments.sort(Comparator.comparingDouble((Row r) -> -Cells.num0(r, ReportSegments.CLV_TOTAL)));
    int n = segments.size();
    List<String> names = new ArrayList<>();
    double[] clv = new double[n];
    String[] clvText = new String[n];
    double[][] mix = new double[n][];
    List<List<String>> table = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      Row r = segments.get(i);
      names.add(ctx.segment(Cells.str(r, ReportSegments.SEGMENT)));
      clv[i] = Cells.num0(r, ReportSegments.CLV_TOTAL);
      clvText[i] = t.moneyShort(clv[i]);
      mix[i] =
          new double[] {
            Cells.count(r, ReportSegments.RISK_LOW),
            Cells.count(r, ReportSegments.RISK_MEDIUM),
            Cells.count(r, ReportSegments.RISK_HIGH)
          };
      table.add(
          List.of(
              names.get(i),
              t.integer(Cells.num(r, ReportSegments.CUSTOMERS)),
              t.percent(Cells.num(r, ReportSegments.CUSTOMER_SHARE), 1),
              t.money(Cells.num(r, ReportSegments.CLV_TOTAL), 0),
              t.money(Cells.num(r, ReportSegments.CLV_MEAN), 0),
              t.percent(Cells.num(r, ReportSegments.CHURN_PROBABILITY_MEAN), 1),
              t.percent(Cells.num(r, ReportSegments.P_ALIVE_MEAN), 1),
              t.money(Cells.num(r, ReportSegments.CLV_AT_RISK), 0)));
    }
    String chart =
        Charts.barsAndMix(
            t.text("segments.chart"),
            names,
            clv,
            clvText,
            t.text("segments.clv"),
            mix,
            new String[] {t.text("risk.low"), t.text("risk.medium"), t.text("risk.high")},
            new String[] {"risk-low", "risk-medium", "risk-high"},
            1080,
            s -> t.percent(s, 0));
    double atRiskAll =
        segments.stream().mapToDouble(r -> Cells.num0(r, ReportSegments.CLV_AT_RISK)).sum();
    Optional<Row> worst =
        segments.stream()
            .max(Comparator.comparingDouble(r -> Cells.num0(r, ReportSegments.CLV_AT_RISK)));
    String lead =
        worst
            .filter(r -> atRiskAll > 0)
            .map(
                r ->
                    t.text(
                        "segments.lead",
                        ctx.segment(Cells.str(r, ReportSegments.SEGMENT)),
                        t.moneyShort(Cells.num(r, ReportSegments.CLV_AT_RISK)),
                        t.percent(Cells.num0(r, ReportSegments.CLV_AT_RISK) / atRiskAll, 0)))
            .orElse(null);
    String numbers =
        ctx.numbers(
            List.of(
                t.text("col.segment"),
                t.text("col.customers"),
                t.text("col.customer_share"),
                t.text("col.clv_total"),
                t.text("col.clv_mean"),
                t.text("col.churn_mean"),
                t.text("col.p_alive_mean"),
                t.text("col.clv_at_risk")),
            table);
    return ctx.section(
        "segments",
        "wide",
        lead,
        "<div class=\"charts\">" + chart + "</div>" + numbers,
        t.text("segments.caption"));
  }

  private static Double topShare(List<Row> points, int percentile) {
    return points.stream()
        .filter(r -> Cells.count(r, ReportConcentration.PERCENTILE) == percentile)
        .map(r -> Cells.num(r, ReportConcentration.TOP_SHARE))
        .findFirst()
        .orElse(null);
  }

  private static void stat(StringBuilder out, String label, String value) {
    out.append("<div class=\"stat\"><div class=\"stat-value\">")
        .append(Html.escape(value))
        .append("</div><div class=\"stat-label\">")
        .append(Html.escape(label))
        .append("</div></div>");
  }
}
