package com.crmanalytics.report;

import com.crmanalytics.contract.ModelRuns;
import com.crmanalytics.contract.ReportModel;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;

/**
 * The model section's table of fitted parameters: each parameter of the purchase and spend models
 * with its standard error and what it means in plain words, and each fit's convergence.
 */
final class ParameterTable {
  private final ReportText t;
  private final List<Row> rows;

  ParameterTable(Context ctx, List<Row> rows) {
    this.t = ctx.text;
    this.rows = rows;
  }

  /** The fitted parameters of the purchase and spend models with what each means. */
  String html(String transaction) {
    List<List<String>> table = new ArrayList<>();
    Double unitDays = transaction == null ? null : value(transaction, ModelRuns.TIME_UNIT_DAYS);
    String unit = t.text(unitDays != null && unitDays == 1 ? "unit.day" : "unit.week");
    if (transaction != null) {
      Double r = value(transaction, "r");
      Double alpha = value(transaction, "alpha");
      param(table, transaction, "r", r, 4, t.text("param.r"));
      param(table, transaction, "alpha", alpha, 4, t.text("param.alpha", unit, ratio(r, alpha, 3)));
      if (!"pareto-nbd".equals(transaction)) {
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
    if (!Cells.where(rows, ReportModel.MODEL, ModelRuns.GAMMA_GAMMA).isEmpty()) {
      param(
          table,
          ModelRuns.GAMMA_GAMMA,
          "p",
          value(ModelRuns.GAMMA_GAMMA, "p"),
          4,
          t.text("param.p"));
      param(
          table,
          ModelRuns.GAMMA_GAMMA,
          "q",
          value(ModelRuns.GAMMA_GAMMA, "q"),
          4,
          t.text("param.q"));
      param(
          table,
          ModelRuns.GAMMA_GAMMA,
          "gamma",
          value(ModelRuns.GAMMA_GAMMA, "gamma"),
          4,
          t.text(
              "param.gamma",
              t.money(value(ModelRuns.GAMMA_GAMMA, ModelRuns.POPULATION_MEAN_SPEND), 2)));
    }
    if (table.isEmpty()) {
      return "";
    }
    return "<h3>"
        + Html.escape(t.text("model.params"))
        + "</h3>"
        + Html.table(
            List.of(
                t.text("col.model"),
                t.text("col.parameter"),
                t.text("col.value"),
                t.text("col.meaning")),
            table);
  }

  private void fit(List<List<String>> table, String model) {
    Double converged = value(model, ModelRuns.CONVERGED);
    Double customers = value(model, ModelRuns.N_CUSTOMERS);
    String state =
        converged == null
            ? t.dash()
            : t.text(converged == 1 ? "model.converged" : "model.not_converged");
    table.add(
        List.of(
            t.term("model", model),
            t.text("param.fit"),
            state,
            t.text(
                "param.fit.meaning",
                t.integer(customers),
                t.decimal(value(model, ModelRuns.LOG_LIKELIHOOD), 2))));
  }

  /** A parameter's row: its value with the standard error (se.name) when there is one. */
  private void param(
      List<List<String>> table, String model, String name, Double v, int digits, String meaning) {
    Double se = value(model, ModelRuns.SE_PREFIX + name);
    String shown =
        se == null
            ? t.decimal(v, digits)
            : t.text("param.with_se", t.decimal(v, digits), t.decimal(se, digits));
    table.add(List.of(t.term("model", model), name, shown, meaning));
  }

  private String ratio(Double num, Double den, int digits) {
    return num == null || den == null || den == 0 ? t.dash() : t.decimal(num / den, digits);
  }

  private Double value(String model, String name) {
    return ModelSection.value(rows, model, name);
  }
}
