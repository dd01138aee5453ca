package com.crmanalytics.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The executive report, {@code reports/D/index.html}: one self-contained page (inline CSS and SVG,
 * no script, nothing fetched) rendered from {@link ReportData} in report.language. Sections, each
 * with a stable id: {@link #SECTIONS}.
 */
public final class ReportPage {
  /** The sections' element ids, in page order. */
  public static final List<String> SECTIONS =
      List.of(
          "headline",
          "changes",
          "pyramid",
          "concentration",
          "segments",
          "migration",
          "cohorts",
          "campaigns",
          "products",
          "service",
          "sales",
          "model");

  private final Context ctx;
  private final ReportText t;

  private ReportPage(ReportData data) {
    this.ctx = new Context(data);
    this.t = ctx.text;
  }

  /** The whole page as HTML. */
  public static String render(ReportData data) {
    return new ReportPage(data).page();
  }

  private String page() {
    Migration migration = new Migration(ctx);
    ValueSections value = new ValueSections(ctx);
    OperationsSections operations = new OperationsSections(ctx);
    StringBuilder p = new StringBuilder(64 * 1024);
    p.append("<!DOCTYPE html><html lang=\"")
        .append(Html.escape(ctx.data.settings().language()))
        .append("\"><head>")
        .append(
            "<meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
        .append("<title>")
        .append(Html.escape(t.text("page.title", ctx.date(ctx.data.date()))))
        .append("</title>")
        .append("<style>")
        .append(stylesheet())
        .append("</style></head><body><main>");
    p.append(masthead()).append(navigation());
    p.append(headline());
    p.append(new Changes(ctx, migration).section());
    p.append("<div class=\"row\">")
        .append(value.pyramid())
        .append(value.concentration())
        .append("</div>");
    p.append(value.segments());
    p.append(migration.section());
    p.append(new CohortSection(ctx).section());
    p.append(new CampaignSection(ctx).section());
    p.append(new ProductSection(ctx).section());
    p.append(operations.service());
    p.append(operations.sales());
    p.append(new ModelSection(ctx).section());
    p.append("<footer>")
        .append(Html.escape(t.text("page.footer", ctx.date(ctx.data.date()))))
        .append("</footer>");
    return p.append("</main></body></html>\n").toString();
  }

  private String masthead() {
    String meta =
        t.text(
            "page.meta",
            ctx.date(ctx.data.date()),
            t.integer(ctx.data.windowDays()),
            t.currencyName(),
            t.currencyCode());
    return "<header class=\"masthead\"><div class=\"eyebrow\">"
        + Html.escape(t.text("page.eyebrow"))
        + "</div>"
        + "<h1>"
        + Html.escape(t.text("page.heading"))
        + "</h1>"
        + Html.p("meta", meta)
        + "</header>";
  }

  private String navigation() {
    StringBuilder nav = new StringBuilder("<nav>");
    for (String id : SECTIONS.subList(1, SECTIONS.size())) {
      nav.append("<a href=\"#")
          .append(id)
          .append("\">")
          .append(Html.escape(t.text("section." + id)))
          .append("</a>");
    }
    return nav.append("</nav>").toString();
  }

  /** The headline tiles, each with its change since the previous report when there is one. */
  private String headline() {
    String since = ctx.data.previousDate().map(t::shortDate).orElse(null);
    StringBuilder tiles = new StringBuilder("<div class=\"tiles\">");
    Double known = ctx.kpi("customers_known");
    tiles.append(
        tile(
            t.text("tile.customers"),
            t.countShort(known),
            change(known, ctx.previousKpi("customers_known"), Delta.COUNT, true, since),
            t.text(
                "tile.customers.sub",
                t.integer(ctx.kpi("customers_active")),
                t.integer(ctx.data.windowDays()),
                t.integer(ctx.kpi("customers_new")),
                t.integer(ctx.data.settings().recentDays()))));
    Double equity = ctx.kpi("customer_equity");
    Double baseline = ctx.kpi("customer_equity_baseline");
    Double low = ctx.kpi("customer_equity_low");
    Double high = ctx.kpi("customer_equity_high");
    String interval =
        low == null || high == null
            ? t.text("tile.equity.no_interval")
            : t.text("tile.equity.interval", t.moneyShort(low), t.moneyShort(high));
    tiles.append(
        tile(
            t.text("tile.equity"),
            t.moneyShort(equity),
            change(equity, ctx.previousKpi("customer_equity"), Delta.RELATIVE, true, since),
            t.text(
                "tile.equity.sub",
                interval,
                baseline == null ? t.dash() : t.moneyShort(baseline),
                t.money(ctx.kpi("mean_clv"), 0))));
    tiles.append(
        tile(
            t.text("tile.churners"),
            t.integer(ctx.kpi("expected_churners")),
            change(
                ctx.kpi("churn_rate"), ctx.previousKpi("churn_rate"), Delta.POINTS, false, since),
            t.text("tile.churners.sub", t.percent(ctx.kpi("churn_rate"), 1))));
    Double horizon = ctx.kpi("churn_horizon_days");
    if (ctx.kpi("quiet_share") != null && horizon != null) {
      tiles.append(
          tile(
              t.text("tile.quiet", t.integer(horizon)),
              t.percent(ctx.kpi("quiet_share"), 0),
              change(
                  ctx.kpi("quiet_share"),
                  ctx.previousKpi("quiet_share"),
                  Delta.POINTS,
                  false,
                  since),
              t.text(
                  "tile.quiet.sub",
                  t.integer(ctx.kpi("expected_quiet")),
                  t.integer(ctx.kpi("high_risk_customers")))));
    }
    Double atRisk = ctx.kpi("clv_at_risk");
    Double ifActive = ctx.kpi("value_if_all_active");
    tiles.append(
        tile(
            t.text("tile.at_risk"),
            t.moneyShort(atRisk),
            change(atRisk, ctx.previousKpi("clv_at_risk"), Delta.RELATIVE, false, since),
            ifActive == null || atRisk == null || ifActive == 0
                ? t.dash()
                : t.text(
                    "tile.at_risk.sub", t.percent(atRisk / ifActive, 1), t.moneyShort(ifActive))));
    Double revenue = ctx.kpi("revenue");
    tiles.append(
        tile(
            t.text("tile.revenue", t.integer(ctx.data.windowDays())),
            t.moneyShort(revenue),
            change(revenue, ctx.previousKpi("revenue"), Delta.RELATIVE, true, since),
            t.text(
                "tile.revenue.sub",
                t.integer(ctx.kpi("orders")),
                t.moneyShort(ctx.kpi("margin")))));
    tiles.append("</div>");
    String body =
        ctx.kpis.isPresent() ? tiles.toString() : ctx.empty(t.text("headline.empty")) + tiles;
    return ctx.section(
        "headline",
        "wide",
        null,
        body,
        ctx.kpis.isPresent()
            ? t.text("headline.caption", t.integer(ctx.kpi("churn_horizon_days")))
            : null);
  }

  private enum Delta {
    COUNT,
    RELATIVE,
    POINTS
  }

  /** The change chip of a tile: arrow, signed change, and whether that direction is good news. */
  private String change(Double now, Double before, Delta kind, boolean upIsGood, String since) {
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
        + " <span>"
        + Html.escape(t.text("tile.since", since))
        + "</span></div>";
  }

  private static String tile(String label, String value, String change, String sub) {
    return "<div class=\"tile\"><div class=\"tile-label\">"
        + Html.escape(label)
        + "</div><div class=\"tile-value\">"
        + Html.escape(value)
        + "</div>"
        + change
        + "<div class=\"tile-sub\">"
        + Html.escape(sub)
        + "</div></div>";
  }

  private static String stylesheet() {
    try (InputStream in = ReportPage.class.getResourceAsStream("report.css")) {
      if (in == null) {
        throw new IllegalStateException(
            "report.css is missing from the class path next to " + ReportPage.class.getName());
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
