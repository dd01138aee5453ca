package com.crmanalytics.report;

import com.crmanalytics.contract.ReportCampaigns;
import com.crmanalytics.contract.Reports;
import com.crmanalytics.contract.Source;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.spark.sql.Row;

/**
 * The campaign section: incremental return first (touched customers against a comparison group,
 * with its 90% interval, and words where the effect is indistinguishable from zero), then the
 * attributed return and cost per response, labelled as such.
 */
final class CampaignSection {
  /** Campaigns shown in the charts and table; the rest are in report_campaigns. */
  static final int MAX_CAMPAIGNS = 12;

  private final Context ctx;
  private final ReportText t;

  CampaignSection(Context ctx) {
    this.ctx = ctx;
    this.t = ctx.text;
  }

  String section() {
    List<Row> all =
        new ArrayList<>(
            Cells.where(ctx.rows(Reports.CAMPAIGNS), ReportCampaigns.LEVEL, "campaign"));
    if (ctx.data.absent(Source.CAMPAIGNS)) {
      return ctx.section("campaigns", "wide", null, ctx.empty(t.text("campaigns.absent")), null);
    }
    if (all.isEmpty()) {
      return ctx.section("campaigns", "wide", null, ctx.empty(t.text("campaigns.empty")), null);
    }
    // incremental ROI first; campaigns without a comparison group after, by attributed ROI
    all.sort(
        Comparator.comparing(
                (Row r) -> Cells.num(r, ReportCampaigns.INCREMENTAL_ROI),
                Comparator.nullsLast(Comparator.reverseOrder()))
            .thenComparing(
                r -> Cells.num(r, ReportCampaigns.ROI),
                Comparator.nullsLast(Comparator.reverseOrder()))
            .thenComparing(r -> Cells.str(r, ReportCampaigns.CAMPAIGN_ID)));
    List<Row> shown = all.subList(0, Math.min(MAX_CAMPAIGNS, all.size()));
    boolean incremental =
        all.stream().anyMatch(r -> Cells.num(r, ReportCampaigns.INCREMENTAL_ROI) != null);
    List<Charts.Bar> first = new ArrayList<>();
    List<Charts.Bar> cpr = new ArrayList<>();
    List<List<String>> table = new ArrayList<>();
    for (Row r : shown) {
      String name = name(r);
      Double roi = Cells.num(r, ReportCampaigns.ROI);
      Double iroi = Cells.num(r, ReportCampaigns.INCREMENTAL_ROI);
      if (incremental) {
        first.add(
            new Charts.Bar(
                name,
                iroi,
                iroi == null ? t.text("campaigns.no_comparison") : withInterval(r),
                iroi == null || !distinguishable(r) ? "s1" : iroi < 0 ? "s-bad" : "s-good"));
      } else {
        first.add(
            new Charts.Bar(
                name, roi, t.percent(roi, 0), roi != null && roi < 0 ? "s-bad" : "s-good"));
      }
      Double c = Cells.num(r, ReportCampaigns.COST_PER_RESPONSE);
      cpr.add(new Charts.Bar(name, c, t.money(c, 2), "s1"));
      table.add(
          List.of(
              name,
              iroi == null ? t.dash() : withInterval(r),
              effect(r),
              t.money(Cells.num(r, ReportCampaigns.INCREMENTAL_REVENUE), 0),
              comparison(r),
              t.integer(Cells.num(r, ReportCampaigns.TOUCHES)),
              t.percent(Cells.num(r, ReportCampaigns.CONVERSION_RATE), 1),
              t.money(Cells.money(r, ReportCampaigns.COST), 0),
              t.money(c, 2),
              t.money(Cells.money(r, ReportCampaigns.ATTRIBUTED_REVENUE), 0),
              t.percent(roi, 0)));
    }
    String firstTitle = t.text(incremental ? "campaigns.iroi" : "campaigns.roi");
    String charts =
        "<div class=\"charts\">"
            + Html.figure(firstTitle, Charts.bars(firstTitle, first, 520, null, null))
            + Html.figure(
                t.text("campaigns.cpr"), Charts.bars(t.text("campaigns.cpr"), cpr, 520, null, null))
            + "</div>";
    String more =
        all.size() > shown.size()
            ? ctx.empty(t.text("campaigns.more", t.integer(all.size() - shown.size())))
            : "";
    String numbers =
        ctx.numbers(
            List.of(
                t.text("col.campaign"),
                t.text("col.incremental_roi"),
                t.text("col.effect"),
                t.text("col.incremental_revenue"),
                t.text("col.comparison"),
                t.text("col.touches"),
                t.text("col.conversion_rate"),
                t.text("col.cost"),
                t.text("col.cost_per_response"),
                t.text("col.attributed_revenue"),
                t.text("col.roi")),
            table);
    return ctx.section(
        "campaigns",
        "wide",
        t.sentences(lead(all)),
        charts + more + numbers,
        t.text("campaigns.caption", t.integer(ctx.data.settings().attributionDays())));
  }

  private List<String> lead(List<Row> all) {
    List<String> lead = new ArrayList<>();
    List<Row> measured =
        all.stream()
            .filter(r -> Cells.num(r, ReportCampaigns.INCREMENTAL_REVENUE) != null)
            .toList();
    if (!measured.isEmpty()) {
      double revenue = sum(measured, ReportCampaigns.INCREMENTAL_REVENUE);
      double low = sum(measured, ReportCampaigns.INCREMENTAL_REVENUE_LOW);
      double high = sum(measured, ReportCampaigns.INCREMENTAL_REVENUE_HIGH);
      lead.add(
          t.text(
              "campaigns.lead.incremental",
              t.integer(measured.size()),
              t.integer(all.size()),
              t.moneyShort(sum(measured, ReportCampaigns.COST)),
              t.moneyShort(revenue),
              t.moneyShort(low),
              t.moneyShort(high)));
      Row best = measured.get(0);
      if (Cells.num(best, ReportCampaigns.INCREMENTAL_ROI) != null) {
        lead.add(
            t.text(
                distinguishable(best)
                    ? "campaigns.lead.best_incremental"
                    : "campaigns.lead.best_incremental_zero",
                name(best),
                withInterval(best)));
      }
      long zero = measured.stream().filter(r -> !distinguishable(r)).count();
      if (zero > 0) {
        lead.add(t.text("campaigns.lead.zero", t.integer(zero), t.integer(measured.size())));
      }
    } else {
      lead.add(t.text("campaigns.lead.no_comparison"));
    }
    lead.add(
        t.text(
            "campaigns.lead.total",
            t.integer(all.size()),
            t.moneyShort(sum(all, ReportCampaigns.COST)),
            t.moneyShort(sum(all, ReportCampaigns.ATTRIBUTED_REVENUE))));
    Row bestAttributed =
        all.stream()
            .filter(r -> Cells.num(r, ReportCampaigns.ROI) != null)
            .max(Comparator.comparing((Row r) -> Cells.num(r, ReportCampaigns.ROI)))
            .orElse(null);
    if (bestAttributed != null) {
      lead.add(
          t.text(
              "campaigns.lead.best",
              name(bestAttributed),
              t.percent(Cells.num(bestAttributed, ReportCampaigns.ROI), 0)));
    }
    return lead;
  }

  /** The 90% interval of the incremental revenue (so of the incremental ROI) excludes zero. */
  private static boolean distinguishable(Row r) {
    Double low = Cells.num(r, ReportCampaigns.INCREMENTAL_REVENUE_LOW);
    Double high = Cells.num(r, ReportCampaigns.INCREMENTAL_REVENUE_HIGH);
    return low != null && high != null && (low > 0 || high < 0);
  }

  private String effect(Row r) {
    if (Cells.num(r, ReportCampaigns.INCREMENTAL_REVENUE) == null) {
      return t.text("campaigns.effect.none");
    }
    if (!distinguishable(r)) {
      return t.text("campaigns.effect.zero");
    }
    return t.text(
        Cells.num(r, ReportCampaigns.INCREMENTAL_REVENUE_LOW) > 0
            ? "campaigns.effect.positive"
            : "campaigns.effect.negative");
  }

  private String comparison(Row r) {
    String c = Cells.str(r, ReportCampaigns.COMPARISON);
    return c == null ? t.dash() : t.term("comparison", c);
  }

  private String withInterval(Row r) {
    return t.text(
        "campaigns.interval",
        t.percent(Cells.num(r, ReportCampaigns.INCREMENTAL_ROI), 0),
        t.percent(Cells.num(r, ReportCampaigns.INCREMENTAL_ROI_LOW), 0),
        t.percent(Cells.num(r, ReportCampaigns.INCREMENTAL_ROI_HIGH), 0));
  }

  private static double sum(List<Row> rows, String column) {
    return rows.stream().mapToDouble(r -> Cells.num0(r, column)).sum();
  }

  private String name(Row campaign) {
    String name = Cells.str(campaign, ReportCampaigns.CAMPAIGN_NAME);
    return name == null || name.isBlank() ? Cells.str(campaign, ReportCampaigns.CAMPAIGN_ID) : name;
  }
}
