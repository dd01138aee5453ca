package com.crmanalytics.report;

import com.crmanalytics.contract.ModelRuns;
import com.crmanalytics.contract.ReportModel;
import com.crmanalytics.contract.Reports;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;

/**
 * How far to trust the numbers: the purchase model's forecast against a holdout, how the purchase
 * model was chosen, the churn probability checked out of time (classifier against the purchase
 * model's own figure), and the fitted parameters with their standard errors in plain words (units
 * in docs/models.md).
 */
final class ModelSection {
  static final List<String> TRANSACTION_MODELS = List.of("bg-nbd", "mbg-nbd", "pareto-nbd");

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
    String transaction =
        TRANSACTION_MODELS.stream()
            .filter(m -> Double.valueOf(1.0).equals(value(m, ModelRuns.CHOSEN)))
            .findFirst()
            .orElse(
                TRANSACTION_MODELS.stream()
                    .filter(m -> !Cells.where(rows, ReportModel.MODEL, m).isEmpty())
                    .findFirst()
                    .orElse(null));
    List<String> leads = new ArrayList<>();
    StringBuilder charts = new StringBuilder("<div class=\"charts\">");
    holdout(transaction, leads, charts);
    churn(leads, charts);
    charts.append("</div>").append(new TrackingChart(ctx).figure(leads));
    String body =
        charts + candidates(transaction, leads) + new ParameterTable(ctx, rows).html(transaction);
    return ctx.section("model", "wide", t.sentences(leads), body, t.text("model.caption"));
  }

  /** Predicted against actual repeat purchases on the holdout, or a sentence why there is none. */
  private void holdout(String model, List<String> leads, StringBuilder charts) {
    Double available = model == null ? null : value(model, ModelRuns.HOLDOUT_AVAILABLE);
    Double actual = model == null ? null : value(model, ModelRuns.HOLDOUT_ACTUAL_TOTAL);
    Double predicted = model == null ? null : value(model, ModelRuns.HOLDOUT_PREDICTED_TOTAL);
    if (model == null
        || (available != null && available == 0)
        || actual == null
        || predicted == null) {
      charts.append(ctx.empty(t.text("model.holdout.absent")));
      return;
    }
    Double correlation = value(model, ModelRuns.HOLDOUT_CORRELATION);
    Double customers = value(model, ModelRuns.HOLDOUT_CUSTOMERS);
    double error = actual == 0 ? Double.NaN : (predicted - actual) / actual;
    String verdict =
        !Double.isFinite(error)
            ? "model.verdict.unknown"
            : Math.abs(error) <= 0.10
                ? "model.verdict.close"
                : Math.abs(error) <= 0.25 ? "model.verdict.fair" : "model.verdict.far";
    leads.add(
        t.text(
            "model.holdout.lead",
            t.integer(predicted),
            t.integer(actual),
            Double.isFinite(error) ? t.signedPercent(error) : t.dash(),
            t.text(verdict)));
    List<Charts.Bar> bars =
        List.of(
            new Charts.Bar(
                t.text("model.holdout.predicted"), predicted, t.integer(predicted), "s1"),
            new Charts.Bar(t.text("model.holdout.actual"), actual, t.integer(actual), "s-muted"));
    String title = t.text("model.holdout.chart", t.term("model", model));
    charts.append(
        Html.figure(
            title,
            Charts.bars(title, bars, 420, null, null),
            Html.p(
                "note",
                t.text("model.holdout.note", t.decimal(correlation, 2), t.integer(customers)))));
  }

  /**
   * Out of time (features at D − h, what happened in (D − h, D]): the classifier's ROC AUC next to
   * the purchase model's own P(no purchase), which of them churn_probability is, and how close its
   * mean came to what happened.
   */
  private void churn(List<String> leads, StringBuilder charts) {
    Double h = value(ModelRuns.CHURN, ModelRuns.HORIZON_DAYS);
    String days = t.integer(h);
    Double used = value(ModelRuns.CHURN, ModelRuns.CHURN_CLASSIFIER_USED);
    Double trained = value(ModelRuns.CHURN, ModelRuns.CHURN_CLASSIFIER_TRAINED);
    Double auc = value(ModelRuns.CHURN, ModelRuns.CHURN_CLASSIFIER_PREFIX + ModelRuns.ROC_AUC);
    Double baseline = value(ModelRuns.CHURN, ModelRuns.CHURN_MODEL_PREFIX + ModelRuns.ROC_AUC);
    if (used == null) {
      charts.append(ctx.empty(t.text("model.churn.absent")));
      return;
    }
    if (trained == null || trained != 1 || auc == null || baseline == null) {
      leads.add(t.text("model.churn.not_trained", days));
      if (baseline != null) {
        leads.add(t.text("model.churn.model_only", t.decimal(baseline, 2), days));
        calibration(leads, ModelRuns.CHURN_MODEL_PREFIX, days);
      }
      charts.append(ctx.empty(t.text("model.churn.not_trained.why")));
      return;
    }
    String source = used == 1 ? ModelRuns.CHURN_CLASSIFIER_PREFIX : ModelRuns.CHURN_MODEL_PREFIX;
    leads.add(
        t.text(
            used == 1 ? "model.churn.lead.classifier" : "model.churn.lead.model",
            t.decimal(auc, 2),
            t.decimal(baseline, 2),
            days));
    calibration(leads, source, days);
    List<Charts.Bar> bars =
        List.of(
            new Charts.Bar(
                t.text("model.churn.classifier"),
                auc,
                t.decimal(auc, 2),
                used == 1 ? "s1" : "s-muted"),
            new Charts.Bar(
                t.text("model.churn.baseline"),
                baseline,
                t.decimal(baseline, 2),
                used == 1 ? "s-muted" : "s1"));
    String title = t.text("model.churn.chart", days);
    charts.append(
        Html.figure(
            title,
            Charts.bars(
                title, bars, 420, 1.0, new Charts.Reference(0.5, t.text("model.churn.coin"))),
            Html.p("note", t.text("model.churn.note"))));
  }

  /**
   * How close the mean predicted chance of no purchase came to the share that made none, out of
   * time.
   */
  private void calibration(List<String> leads, String prefix, String days) {
    Double predicted = value(ModelRuns.CHURN, prefix + ModelRuns.MEAN_PREDICTED);
    Double realised = value(ModelRuns.CHURN, prefix + ModelRuns.REALISED_SHARE);
    if (predicted != null && realised != null) {
      leads.add(
          t.text("model.churn.calibration", t.percent(predicted, 0), t.percent(realised, 0), days));
    }
  }

  /**
   * The transaction models fitted under clv.model = auto, with the holdout error that chose among
   * them.
   */
  private String candidates(String chosen, List<String> leads) {
    List<List<String>> table = new ArrayList<>();
    for (String m : TRANSACTION_MODELS) {
      Double aic = value(m, ModelRuns.AIC);
      Double dropped = value(m, ModelRuns.DROPPED);
      if (aic == null && dropped == null) {
        continue;
      }
      Double mae = value(m, ModelRuns.HOLDOUT_MAE);
      Double total = value(m, ModelRuns.HOLDOUT_TOTAL_ERROR);
      String state =
          m.equals(chosen)
              ? t.text("model.choice.chosen")
              : dropped != null && dropped == 1
                  ? t.text("model.choice.dropped")
                  : Double.valueOf(1.0).equals(value(m, ModelRuns.HAS_LEFT_MODEL))
                      ? t.text("model.choice.has_left")
                      : "";
      table.add(
          List.of(
              t.term("model", m),
              t.decimal(value(m, ModelRuns.LOG_LIKELIHOOD), 2),
              t.decimal(aic, 1),
              t.decimal(mae, 4),
              total == null ? t.dash() : t.signedPercent(total),
              state));
    }
    if (table.size() < 2 || chosen == null) {
      return "";
    }
    Double byHoldout = value(chosen, ModelRuns.CHOSEN_BY_HOLDOUT);
    leads.add(
        t.text(
            byHoldout != null && byHoldout == 1
                ? "model.choice.lead.holdout"
                : "model.choice.lead.aic",
            t.term("model", chosen)));
    return "<h3>"
        + Html.escape(t.text("model.choice"))
        + "</h3>"
        + Html.table(
            List.of(
                t.text("col.model"),
                t.text("col.log_likelihood"),
                t.text("col.aic"),
                t.text("col.holdout_mae"),
                t.text("col.holdout_total_error"),
                t.text("col.choice")),
            table);
  }

  /** The number of a model by name (any kind); null when absent. */
  private Double value(String model, String name) {
    return value(rows, model, name);
  }

  /** The number of a model by name among report_model rows; null when absent. */
  static Double value(List<Row> rows, String model, String name) {
    return Cells.find(rows, ReportModel.MODEL, model, ReportModel.NAME, name)
        .map(r -> Cells.num(r, ReportModel.VALUE))
        .orElse(null);
  }
}
