package com.crmanalytics.report;

import com.crmanalytics.config.ReportAction;
import com.crmanalytics.contract.ReportActions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.apache.spark.sql.Row;

/**
 * What to do next, before the details: for each group of report.actions (report_actions) the action
 * in the report's language, how many customers and what they are worth, and how to get the list:
 * the notebook and the {@code crm export target-list} command.
 */
final class ActionsSection {
  private final Context ctx;
  private final ReportText t;

  ActionsSection(Context ctx) {
    this.ctx = ctx;
    this.t = ctx.text;
  }

  String section() {
    List<Row> rows = new ArrayList<>(ctx.rows(ReportActions.CONTRACT));
    if (rows.isEmpty()) {
      return ctx.section("actions", "wide", null, ctx.empty(t.text("actions.empty")), null);
    }
    rows.sort(Comparator.comparingLong(r -> Cells.count(r, ReportActions.ACTION_ORDER)));
    String language = ctx.data.settings().language();
    StringBuilder table =
        new StringBuilder("<table class=\"data actions\"><thead><tr>")
            .append(th(t.text("actions.col.group")))
            .append(th(t.text("actions.col.action")))
            .append(th(t.text("col.customers")))
            .append(th(t.text("actions.col.value")))
            .append(th(t.text("actions.col.at_risk")))
            .append(th(t.text("actions.col.list")))
            .append("</tr></thead><tbody>");
    Row biggest = null;
    for (Row r : rows) {
      String name = Cells.str(r, ReportActions.ACTION);
      long customers = Cells.count(r, ReportActions.CUSTOMERS);
      String advice =
          action(name).map(a -> a.action(language)).orElse(t.text("actions.unconfigured"));
      String notebook = Cells.str(r, ReportActions.NOTEBOOK);
      String command =
          "crm export target-list --date "
              + ctx.data.date()
              + " --query \""
              + Cells.str(r, ReportActions.TARGET_LIST_QUERY)
              + "\" --out "
              + name
              + "-"
              + ctx.data.date()
              + ".csv";
      table
          .append("<tr>")
          .append(td(t.term("action", name)))
          .append("<td class=\"action-text\">")
          .append(Html.escape(advice))
          .append("</td>")
          .append(
              td(
                  t.integer(customers)
                      + " ("
                      + t.percent(Cells.num(r, ReportActions.CUSTOMER_SHARE), 1)
                      + ")"))
          .append(td(t.moneyShort(Cells.num(r, ReportActions.CLV_TOTAL))))
          .append(td(t.moneyShort(Cells.num(r, ReportActions.CLV_AT_RISK))))
          .append("<td class=\"list\">");
      if (notebook != null) {
        table
            .append(Html.escape(t.text("actions.notebook")))
            .append(" <code>notebooks-export/")
            .append(Html.escape(notebook))
            .append("</code><br>");
      }
      table.append("<code>").append(Html.escape(command)).append("</code></td></tr>");
      if (customers > 0
          && (biggest == null
              || Cells.num0(r, ReportActions.CLV_AT_RISK)
                  > Cells.num0(biggest, ReportActions.CLV_AT_RISK))) {
        biggest = r;
      }
    }
    table.append("</tbody></table>");
    String lead =
        biggest == null
            ? t.text("actions.lead.none")
            : t.text(
                "actions.lead",
                t.integer(rows.size()),
                t.term("action", Cells.str(biggest, ReportActions.ACTION)),
                t.integer(Cells.count(biggest, ReportActions.CUSTOMERS)),
                t.moneyShort(Cells.num(biggest, ReportActions.CLV_TOTAL)),
                t.moneyShort(Cells.num(biggest, ReportActions.CLV_AT_RISK)));
    return ctx.section("actions", "wide", lead, table.toString(), t.text("actions.caption"));
  }

  private Optional<ReportAction> action(String name) {
    return ctx.data.settings().actions().stream().filter(a -> a.name().equals(name)).findFirst();
  }

  private static String th(String text) {
    return "<th>" + Html.escape(text) + "</th>";
  }

  private static String td(String text) {
    return "<td>" + Html.escape(text) + "</td>";
  }
}
