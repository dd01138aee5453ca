package com.crmanalytics.report;

import com.crmanalytics.contract.ProductAffinity;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;

/** Products bought together: the strongest pairs of product_affinity, for cross-selling. */
final class ProductSection {
  /** Pairs shown; the rest are in product_affinity. */
  static final int MAX_PAIRS = 10;

  private final Context ctx;
  private final ReportText t;

  ProductSection(Context ctx) {
    this.ctx = ctx;
    this.t = ctx.text;
  }

  /** Lift per pair as bars, and a table that says each rule in words. */
  String section() {
    List<Row> pairs = ctx.rows(ProductAffinity.CONTRACT);
    if (pairs.isEmpty()) {
      return ctx.section("products", "wide", null, ctx.empty(t.text("products.empty")), null);
    }
    List<Charts.Bar> lift = new ArrayList<>();
    List<List<String>> table = new ArrayList<>();
    for (Row r : pairs.subList(0, Math.min(MAX_PAIRS, pairs.size()))) {
      String from = String.join(" + ", r.<String>getList(r.fieldIndex(ProductAffinity.ANTECEDENT)));
      String to = Cells.str(r, ProductAffinity.CONSEQUENT);
      Double l = Cells.num(r, ProductAffinity.LIFT);
      lift.add(new Charts.Bar(from + " → " + to, l, t.decimal(l, 1), "s1"));
      table.add(
          List.of(
              from,
              to,
              t.percent(Cells.num(r, ProductAffinity.CONFIDENCE), 0),
              t.decimal(l, 1),
              t.integer(Cells.num(r, ProductAffinity.ORDERS)),
              t.percent(Cells.num(r, ProductAffinity.SUPPORT), 1)));
    }
    Row best = pairs.get(0);
    String lead =
        t.text(
            "products.lead",
            String.join(" + ", best.<String>getList(best.fieldIndex(ProductAffinity.ANTECEDENT))),
            Cells.str(best, ProductAffinity.CONSEQUENT),
            t.percent(Cells.num(best, ProductAffinity.CONFIDENCE), 0),
            t.decimal(Cells.num(best, ProductAffinity.LIFT), 1),
            t.integer(Cells.num(best, ProductAffinity.BASKETS)));
    String chart =
        Html.figure(
            t.text("products.chart"), Charts.bars(t.text("products.chart"), lift, 720, null, null));
    String numbers =
        ctx.numbers(
            List.of(
                t.text("col.bought"),
                t.text("col.also_bought"),
                t.text("col.confidence"),
                t.text("col.lift"),
                t.text("col.orders"),
                t.text("col.support")),
            table);
    return ctx.section(
        "products",
        "wide",
        t.sentences(List.of(lead)),
        chart + numbers,
        t.text("products.caption"));
  }
}
