package com.crmanalytics.report;

import com.crmanalytics.contract.Reports;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;

/**
 * How far to trust the numbers: the purchase model's forecast against a holdout, the churn
 * classifier against P(alive) alone, and the fitted parameters in plain words (units in README).
 */
final class ModelSection {
  static final List<String> TRANSACTION_MODELS = List.of("bg-nbd", "pareto-nbd");

  private final Context ctx;
  private final ReportText t;
  private final List<Row> rows;

  ModelSection(Context ctx) {
    this.ctx = ctx;
    this.t = ctx.text;
    this.rows = ctx.rows(Reports.MODEL);
  }

  String section() {
    if (rows.isEmpty()) {
      return ctx.section("model", "wide", null, ctx.empty(t.text("model.empty")), null);
    }
    String transaction = TRANSACTION_MODELS.stream()
        .filter(m -> !Cells.where(rows, "model", m).isEmpty())
        .findFirst()
        .orElse(null);
    List<String> leads = new ArrayList<>();
    StringBuilder charts = new StringBuilder("<div class=\"charts\">");
    holdout(transaction, leads, charts);
    churn(leads, charts);
    charts.append("</div>");
    String body = charts + parameters(transaction);
    return ctx.section("model", "wide", t.sentences(leads), body, t.text("model.caption"));
  }

  /** Predicted against actual repeat purchases on the holdout, or a sentence why there is none. */
  private void holdout(String model, List<String> leads, StringBuilder charts) {
    Double available = model == null ? null : value(model, "holdout.available");
    Double actual = model == null ? null : value(model, "holdout.actual_total");
    Double predicted = model == null ? null : value(model, "holdout.predicted_total");
    if (model == null || (available != null && available == 0) || actual == null || predicted == null) {
      charts.append(ctx.empty(t.text("model.holdout.absent")));
      return;
    }
    Double correlation = value(model, "holdout.correlation");
    Double customers = value(model, "holdout.customers");
    double error = actual == 0 ? Double.NaN : (predicted - actual) / actual;
    String verdict = !Double.isFinite(error) ? "model.verdict.unknown"
        : Math.abs(error) <= 0.10 ? "model.verdict.close" : Math.abs(error) <= 0.25 ? "model.verdict.fair" : "model.verdict.far";
    leads.add(t.text("model.holdout.lead", t.integer(predicted), t.integer(actual),
        Double.isFinite(error) ? t.signedPercent(error) : t.dash(), t.text(verdict)));
    List<Charts.Bar> bars = List.of(
        new Charts.Bar(t.text("model.holdout.predicted"), predicted, t.integer(predicted), "s1"),
        new Charts.Bar(t.text("model.holdout.actual"), actual, t.integer(actual), "s-muted"));
    String title = t.text("model.holdout.chart", t.term("model", model));
    charts.append(Html.figure(title, Charts.bars(title, bars, 420, null, null),
        Html.p("note", t.text("model.holdout.note", t.decimal(correlation, 2), t.integer(customers)))));
  }

  /** The classifier's ROC AUC next to P(alive)'s, or the fallback sentence. */
  private void churn(List<String> leads, StringBuilder charts) {
    Double fallback = value("churn", "churn.fallback");
    Double auc = value("churn", "churn.classifier.roc_auc");
    Double baseline = value("churn", "churn.p_alive_baseline.roc_auc");
    if (fallback != null && fallback == 1) {
      charts.append(ctx.empty(t.text("model.churn.fallback")));
      return;
    }
    if (auc == null) {
      charts.append(ctx.empty(t.text("model.churn.absent")));
      return;
    }
    String verdict = auc >= 0.8 ? "model.auc.good" : auc >= 0.7 ? "model.auc.fair" : "model.auc.weak";
    leads.add(t.text("model.churn.lead", t.decimal(auc, 2), t.text(verdict), t.decimal(baseline, 2)));
    List<Charts.Bar> bars = List.of(
        new Charts.Bar(t.text("model.churn.classifier"), auc, t.decimal(auc, 2), "s1"),
        new Charts.Bar(t.text("model.churn.baseline"), baseline, t.decimal(baseline, 2), "s-muted"));
    String title = t.text("model.churn.chart");
    charts.append(Html.figure(title,
        Charts.bars(title, bars, 420, 1.0, new Charts.Reference(0.5, t.text("model.churn.coin"))),
        Html.p("note", t.text("model.churn.note"))));
  }

  /** The fitted parameters of the purchase and spend models with what each means. */
  private String parameters(String transaction) {
    List<List<String>> table = new ArrayList<>();
    Double unitDays = transaction == null ? null : value(transaction, "time_unit_days");
    String unit = t.text(unitDays != null && unitDays == 1 ? "unit.day" : "unit.week");
    if (transaction != null) {
      Double r = value(transaction, "r");
      Double alpha = value(transaction, "alpha");
      param(table, transaction, "r", r, 4, t.text("param.r"));
      param(table, transaction, "alpha", alpha, 4, t.text("param.alpha", unit, ratio(r, alpha, 3)));
      if ("bg-nbd".equals(transaction)) {
        Double a = value(transaction, "a");
        Double b = value(transaction, "b");
        String p = a == null || b == null || a + b == 0 ? t.dash() : t.percent(a / (a + b), 1);
        param(table, transaction, "a", a, 4, t.text("param.a"));
        param(table, transaction, "b", b, 4, t.text("param.b", p));
      } else {
        Double s = value(transaction, "s");
        Double beta = value(transaction, "beta");
        param(table, transaction, "s", s, 4, t.text("param.s"));
        param(table, transaction, "beta", beta, 4, t.text("param.beta", unit, ratio(s, beta, 4)));
      }
      fit(table, transaction);
    }
    if (!Cells.where(rows, "model", "gamma-gamma").isEmpty()) {
      param(table, "gamma-gamma", "p", value("gamma-gamma", "p"), 4, t.text("param.p"));
      param(table, "gamma-gamma", "q", value("gamma-gamma", "q"), 4, t.text("param.q"));
      param(table, "gamma-gamma", "gamma", value("gamma-gamma", "gamma"), 4,
          t.text("param.gamma", t.money(value("gamma-gamma", "population_mean_spend"), 2)));
    }
    if (table.isEmpty()) {
      return "";
    }
    return "<h3>" + Html.escape(t.text("model.params")) + "</h3>"
        + Html.table(List.of(t.text("col.model"), t.text("col.parameter"), t.text("col.value"), t.text("col.meaning")),
            table);
  }

  private void fit(List<List<String>> table, String model) {
    Double converged = value(model, "converged");
    Double customers = value(model, "n_customers");
    String state = converged == null ? t.dash() : t.text(converged == 1 ? "model.converged" : "model.not_converged");
    table.add(List.of(t.term("model", model), t.text("param.fit"), state,
        t.text("param.fit.meaning", t.integer(customers), t.decimal(value(model, "log_likelihood"), 2))));
  }

  private void param(List<List<String>> table, String model, String name, Double v, int digits, String meaning) {
    table.add(List.of(t.term("model", model), name, t.decimal(v, digits), meaning));
  }

  private String ratio(Double num, Double den, int digits) {
    return num == null || den == null || den == 0 ? t.dash() : t.decimal(num / den, digits);
  }

  /** The number of a model by name (any kind); null when absent. */
  private Double value(String model, String name) {
    return Cells.find(rows, "model", model, "name", name).map(r -> Cells.num(r, "value")).orElse(null);
  }
}
