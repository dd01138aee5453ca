package com.crmanalytics.report;

import com.crmanalytics.contract.ReportSales;
import com.crmanalytics.contract.ReportService;
import com.crmanalytics.contract.Reports;
import com.crmanalytics.contract.Source;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.spark.sql.Row;

/**
 * What the business does with its customers: service quality per tier, sales (campaigns are in
 * {@link CampaignSection}).
 */
final class OperationsSections {
  /** Categories, channels or regions shown per chart. */
  static final int MAX_SALES_VALUES = 8;

  private final Context ctx;
  private final ReportText t;

  OperationsSections(Context ctx) {
    this.ctx = ctx;
    this.t = ctx.text;
  }

  /** Wait, abandonment, first-contact resolution and satisfaction per tier (small multiples). */
  String service() {
    List<Row> tiers =
        new ArrayList<>(
            Cells.where(ctx.rows(Reports.SERVICE), ReportService.LEVEL, ReportService.LEVEL_TIER));
    if (ctx.data.absent(Source.SERVICE)) {
      return ctx.section("service", "wide", null, ctx.empty(t.text("service.absent")), null);
    }
    if (tiers.isEmpty()) {
      return ctx.section("service", "wide", null, ctx.empty(t.text("service.empty")), null);
    }
    tiers.sort(
        Comparator.comparingInt(
            (Row r) ->
                Cells.str(r, ReportService.TIER) == null
                    ? Integer.MAX_VALUE
                    : ctx.tierRank(Cells.str(r, ReportService.TIER))));
    List<Charts.Bar> wait = new ArrayList<>();
    List<Charts.Bar> abandoned = new ArrayList<>();
    List<Charts.Bar> resolved = new ArrayList<>();
    List<Charts.Bar> satisfaction = new ArrayList<>();
    List<List<String>> table = new ArrayList<>();
    for (Row r : tiers) {
      String name = ctx.tier(Cells.str(r, ReportService.TIER));
      Double w = Cells.num(r, ReportService.MEAN_WAIT_SECONDS);
      Double minutes = w == null ? null : w / 60;
      wait.add(new Charts.Bar(name, minutes, minutes(minutes), "s1"));
      Double a = Cells.num(r, ReportService.ABANDONMENT_RATE);
      abandoned.add(new Charts.Bar(name, a, t.percent(a, 1), "s-bad"));
      Double f = Cells.num(r, ReportService.FIRST_CONTACT_RESOLUTION);
      resolved.add(new Charts.Bar(name, f, t.percent(f, 0), "s-good"));
      Double s = Cells.num(r, ReportService.MEAN_SATISFACTION);
      satisfaction.add(new Charts.Bar(name, s, t.decimal(s, 1), "s2"));
      table.add(
          List.of(
              name,
              t.integer(Cells.num(r, ReportService.CONTACTS)),
              t.decimal(Cells.num(r, ReportService.CONTACTS_PER_CUSTOMER), 2),
              minutes(minutes),
              t.percent(a, 1),
              t.percent(f, 0),
              t.decimal(s, 2),
              t.percent(Cells.num(r, ReportService.COMPLAINT_RATE), 1),
              t.money(Cells.money(r, ReportService.COST_TO_SERVE), 0)));
    }
    String charts =
        "<div class=\"charts small-multiples\">"
            + Html.figure(
                t.text("service.wait"), Charts.bars(t.text("service.wait"), wait, 260, null, null))
            + Html.figure(
                t.text("service.abandonment"),
                Charts.bars(t.text("service.abandonment"), abandoned, 260, null, null))
            + Html.figure(
                t.text("service.fcr"), Charts.bars(t.text("service.fcr"), resolved, 260, 1.0, null))
            + Html.figure(
                t.text("service.satisfaction"),
                Charts.bars(t.text("service.satisfaction"), satisfaction, 260, 5.0, null))
            + "</div>";
    Row top = tiers.get(0);
    Row bottom =
        tiers.stream()
            .filter(r -> Cells.str(r, ReportService.TIER) != null)
            .reduce((a, b) -> b)
            .orElse(top);
    String lead =
        top == bottom
            ? null
            : t.text(
                "service.lead",
                ctx.tier(Cells.str(top, ReportService.TIER)),
                minutes(minutesOf(top)),
                t.decimal(Cells.num(top, ReportService.MEAN_SATISFACTION), 1),
                ctx.tier(Cells.str(bottom, ReportService.TIER)),
                minutes(minutesOf(bottom)),
                t.decimal(Cells.num(bottom, ReportService.MEAN_SATISFACTION), 1));
    String numbers =
        ctx.numbers(
            List.of(
                t.text("col.tier"),
                t.text("col.contacts"),
                t.text("col.contacts_per_customer"),
                t.text("col.wait"),
                t.text("col.abandonment"),
                t.text("col.fcr"),
                t.text("col.satisfaction"),
                t.text("col.complaint_rate"),
                t.text("col.cost_to_serve")),
            table);
    return ctx.section("service", "wide", lead, charts + numbers, t.text("service.caption"));
  }

  /** Revenue by category, channel and region, largest first. */
  String sales() {
    List<Row> rows = ctx.rows(Reports.SALES);
    if (rows.isEmpty()) {
      return ctx.section("sales", "wide", null, ctx.empty(t.text("sales.empty")), null);
    }
    StringBuilder charts = new StringBuilder("<div class=\"charts small-multiples\">");
    List<String> leads = new ArrayList<>();
    for (String dimension : ReportSales.DIMENSIONS) {
      List<Row> values = new ArrayList<>(Cells.where(rows, ReportSales.DIMENSION, dimension));
      if (values.isEmpty()) {
        continue;
      }
      values.sort(Comparator.comparingDouble((Row r) -> -Cells.num0(r, ReportSales.REVENUE)));
      List<Charts.Bar> bars = new ArrayList<>();
      for (Row r : values.subList(0, Math.min(MAX_SALES_VALUES, values.size()))) {
        Double revenue = Cells.num(r, ReportSales.REVENUE);
        bars.add(
            new Charts.Bar(
                ctx.term(Cells.str(r, ReportSales.VALUE)),
                revenue,
                t.moneyShort(revenue)
                    + " · "
                    + t.percent(Cells.num(r, ReportSales.REVENUE_SHARE), 0),
                "s1"));
      }
      String title = t.text("sales." + dimension);
      charts.append(Html.figure(title, Charts.bars(title, bars, 340, null, null)));
      Row first = values.get(0);
      leads.add(
          t.text(
              "sales.lead." + dimension,
              ctx.term(Cells.str(first, ReportSales.VALUE)),
              t.percent(Cells.num(first, ReportSales.REVENUE_SHARE), 0)));
    }
    charts.append("</div>");
    return ctx.section(
        "sales",
        "wide",
        t.sentences(leads),
        charts.toString(),
        t.text("sales.caption", t.integer(ctx.data.windowDays())));
  }

  private static Double minutesOf(Row r) {
    Double w = Cells.num(r, ReportService.MEAN_WAIT_SECONDS);
    return w == null ? null : w / 60;
  }

  private String minutes(Double m) {
    return m == null ? t.dash() : t.text("unit.minutes", t.decimal(m, 1));
  }
}
