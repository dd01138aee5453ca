package com.crmanalytics.report;

import com.crmanalytics.contract.ReportCohorts;
import com.crmanalytics.contract.Reports;
import java.sql.Date;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Row;

/**
 * Cohorts: how each month's new customers keep buying, as the classic triangle (rows = month of the
 * first order, columns = months since, cells = share of the cohort that bought in that month), from
 * report_cohorts.
 */
final class CohortSection {
  /** Cohorts (months of first order) the report table and the triangle hold: the last two years. */
  static final int MAX_COHORTS = 24;

  private final Context ctx;
  private final ReportText t;

  CohortSection(Context ctx) {
    this.ctx = ctx;
    this.t = ctx.text;
  }

  String section() {
    Map<LocalDate, List<Row>> cohorts = new TreeMap<>();
    for (Row r : ctx.rows(Reports.COHORTS)) {
      cohorts
          .computeIfAbsent(
              r.<Date>getAs(ReportCohorts.COHORT_MONTH).toLocalDate(), k -> new ArrayList<>())
          .add(r);
    }
    if (cohorts.isEmpty()) {
      return ctx.section("cohorts", "wide", null, ctx.empty(t.text("cohorts.empty")), null);
    }
    int columns = 0;
    for (List<Row> rows : cohorts.values()) {
      rows.sort(
          (a, b) ->
              Long.compare(
                  Cells.count(a, ReportCohorts.MONTHS_SINCE),
                  Cells.count(b, ReportCohorts.MONTHS_SINCE)));
      columns = Math.max(columns, rows.size());
    }
    String chart = triangle(cohorts, columns);
    return ctx.section(
        "cohorts",
        "wide",
        lead(cohorts),
        Html.figure(t.text("cohorts.chart"), chart),
        t.text("cohorts.caption"));
  }

  /**
   * "On average X of new customers buy again in the month after their first; Y still buy N months
   * later."
   */
  private String lead(Map<LocalDate, List<Row>> cohorts) {
    List<String> sentences = new ArrayList<>();
    Double next = weightedShare(cohorts, 1);
    if (next != null) {
      sentences.add(t.text("cohorts.lead.next", t.percent(next, 0)));
    }
    for (int k : new int[] {12, 6, 3}) {
      Double later = weightedShare(cohorts, k);
      if (later != null) {
        sentences.add(t.text("cohorts.lead.later", t.percent(later, 0), t.integer(k)));
        break;
      }
    }
    return sentences.isEmpty() ? t.text("cohorts.lead.young") : t.sentences(sentences);
  }

  /**
   * Share still buying k months after the first order, over every cohort old enough (weighted by
   * size).
   */
  private static Double weightedShare(Map<LocalDate, List<Row>> cohorts, int k) {
    long active = 0;
    long customers = 0;
    for (List<Row> rows : cohorts.values()) {
      if (rows.size() > k + 1) { // the month k is complete only when a later month exists
        active += Cells.count(rows.get(k), ReportCohorts.ACTIVE_CUSTOMERS);
        customers += Cells.count(rows.get(k), ReportCohorts.COHORT_CUSTOMERS);
      }
    }
    return customers == 0 ? null : (double) active / customers;
  }

  private String triangle(Map<LocalDate, List<Row>> cohorts, int columns) {
    double cellW = 40;
    double cellH = 24;
    DateTimeFormatter month =
        DateTimeFormatter.ofPattern(t.text("cohorts.month"), ctx.data.settings().locale());
    List<String> labels = new ArrayList<>();
    for (Map.Entry<LocalDate, List<Row>> e : cohorts.entrySet()) {
      labels.add(
          t.text(
              "cohorts.row",
              month.format(e.getKey()),
              t.integer(Cells.count(e.getValue().get(0), ReportCohorts.COHORT_CUSTOMERS))));
    }
    double labelW =
        Math.min(
            170, 12 + labels.stream().mapToDouble(l -> Svg.textWidth(l, Svg.FONT)).max().orElse(0));
    double top = 40;
    Svg svg =
        new Svg(
            labelW + columns * cellW + 8,
            top + cohorts.size() * cellH + 6,
            t.text("cohorts.chart"));
    svg.text(labelW, 14, t.text("cohorts.columns") + " →", "start", "axis-title");
    for (int c = 0; c < columns; c++) {
      svg.text(labelW + c * cellW + cellW / 2, top - 8, t.integer(c), "middle", "col-label");
    }
    double maxShare = 0;
    for (List<Row> rows : cohorts.values()) {
      for (Row r : rows.subList(1, rows.size())) {
        maxShare = Math.max(maxShare, Cells.num0(r, ReportCohorts.ACTIVE_SHARE));
      }
    }
    int i = 0;
    for (Map.Entry<LocalDate, List<Row>> e : cohorts.entrySet()) {
      double y = top + i * cellH;
      svg.text(
          labelW - 8,
          y + cellH / 2 + 4,
          Svg.fit(labels.get(i), labelW - 10, Svg.FONT),
          "end",
          "label");
      for (Row r : e.getValue()) {
        int c = (int) Cells.count(r, ReportCohorts.MONTHS_SINCE);
        double share = Cells.num0(r, ReportCohorts.ACTIVE_SHARE);
        // month 0 is everyone by definition: grey; later months shaded against the largest later
        // share
        double tone = c == 0 || maxShare == 0 ? 0 : Math.sqrt(share / maxShare);
        String fill =
            c == 0 ? "#dfe3ea" : share == 0 ? "#f4f6f9" : Svg.mix("#e6eef8", "#1f4e8c", tone);
        String title =
            t.text(
                "cohorts.cell",
                labels.get(i),
                t.integer(c),
                t.integer(Cells.count(r, ReportCohorts.ACTIVE_CUSTOMERS)),
                t.percent(share, 0),
                t.money(Cells.money(r, ReportCohorts.REVENUE), 0));
        double x = labelW + c * cellW;
        svg.rect(x + 1, y + 1, cellW - 2, cellH - 2, "cell", fill, title);
        svg.text(
            x + cellW / 2,
            y + cellH / 2 + 4,
            t.percent(share, 0),
            "middle",
            tone > 0.55 ? "cell-text light" : "cell-text");
      }
      i++;
    }
    return svg.toString();
  }
}
