package com.crmanalytics.report;

import com.crmanalytics.contract.ReportKpis;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * "What changed since the last run": up to six sentences comparing today's headline numbers with
 * the previous report's and summarising report_migration; one sentence on the first report.
 */
final class Changes {
  private final Context ctx;
  private final Migration migration;

  Changes(Context ctx, Migration migration) {
    this.ctx = ctx;
    this.migration = migration;
  }

  List<String> sentences() {
    ReportText t = ctx.text;
    List<String> out = new ArrayList<>();
    if (ctx.data.previousKpis().isEmpty()) {
      out.add(t.text("changes.first"));
    } else {
      String since = ctx.date(ctx.data.previousDate().orElse(null));
      Double known = ctx.kpi(ReportKpis.CUSTOMERS_KNOWN);
      Double before = ctx.previousKpi(ReportKpis.CUSTOMERS_KNOWN);
      if (known != null && before != null) {
        long delta = Math.round(known - before);
        out.add(
            t.text(
                direction("changes.customers", delta),
                t.integer(known),
                t.signedInteger(delta),
                since));
      }
      relative(out, "changes.equity", ReportKpis.CUSTOMER_EQUITY);
      Double rate = ctx.kpi(ReportKpis.CHURN_RATE);
      Double rateBefore = ctx.previousKpi(ReportKpis.CHURN_RATE);
      if (rate != null && rateBefore != null) {
        double d = rate - rateBefore;
        String key = Math.abs(d) < 0.0005 ? "changes.churn.same" : direction("changes.churn", d);
        out.add(t.text(key, t.percent(rateBefore, 1), t.percent(rate, 1), t.signedPoints(d)));
      }
      relative(out, "changes.revenue", ReportKpis.REVENUE);
    }
    if (!migration.of(Migration.TIER).isEmpty()) {
      out.add(
          t.text(
              "changes.tiers",
              t.integer(migration.tierMoves(true)),
              t.integer(migration.tierMoves(false)),
              t.integer(migration.newCustomers())));
    }
    migration.segmentThatGrewMost().ifPresent(e -> out.add(grewMost(e)));
    return out.size() > 6 ? out.subList(0, 6) : out;
  }

  String section() {
    StringBuilder body = new StringBuilder("<ul class=\"changes\">");
    for (String s : sentences()) {
      body.append("<li>").append(Html.escape(s)).append("</li>");
    }
    body.append("</ul>");
    return ctx.section("changes", "wide", null, body.toString(), null);
  }

  private String grewMost(Map.Entry<String, Long> e) {
    return ctx.text.text(
        "changes.segment", ctx.segment(e.getKey()), ctx.text.signedInteger(e.getValue()));
  }

  /** A sentence on the relative change of a money column: rose, fell or unchanged. */
  private void relative(List<String> out, String key, String column) {
    Double now = ctx.kpi(column);
    Double before = ctx.previousKpi(column);
    if (now == null || before == null) {
      return;
    }
    ReportText t = ctx.text;
    if (before == 0) {
      out.add(t.text(key + ".from-zero", t.moneyShort(now)));
      return;
    }
    double change = (now - before) / Math.abs(before);
    String k = Math.abs(change) < 0.0005 ? key + ".same" : direction(key, change);
    out.add(t.text(k, t.percent(Math.abs(change), 1), t.moneyShort(now), t.moneyShort(before)));
  }

  private static String direction(String key, double delta) {
    return key + (delta > 0 ? ".up" : delta < 0 ? ".down" : ".same");
  }
}
