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
          "actions",
          "changes",
          "pyramid",
          "concentration",
          "segments",
          "migration",
          "cohorts",
          "forecast",
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
    p.append(new HeadlineSection(ctx).section());
    p.append(new ActionsSection(ctx).section());
    p.append(new Changes(ctx, migration).section());
    p.append("<div class=\"row\">")
        .append(value.pyramid())
        .append(value.concentration())
        .append("</div>");
    p.append(value.segments());
    p.append(migration.section());
    p.append(new CohortSection(ctx).section());
    p.append(new ForecastSection(ctx).section());
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
