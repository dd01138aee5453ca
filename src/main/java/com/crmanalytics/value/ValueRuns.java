package com.crmanalytics.value;

import com.crmanalytics.config.ChurnSettings;
import com.crmanalytics.config.ClvSettings;
import com.crmanalytics.contract.ModelRuns;
import com.crmanalytics.model.FitResult;
import com.crmanalytics.model.GammaGamma;
import com.crmanalytics.model.TransactionModelType;
import com.crmanalytics.pipeline.RunContext;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;

/**
 * The value stage's rows of {@code model_runs} for D: one per transaction model fitted (the chosen
 * one with the run's sums, interval, baseline and holdout metrics; every candidate with its
 * parameters, standard errors {@code se.<name>}, log-likelihood, convergence and choice.* metrics),
 * gamma-gamma, and churn. Replaces the rows of D of all those models, so a rerun with another
 * clv.model leaves no stale candidate.
 */
final class ValueRuns {
  private ValueRuns() {}

  static void write(
      RunContext ctx,
      LocalDate d,
      ModelChoice.Choice choice,
      FitResult spend,
      ClvSettings clv,
      ChurnSettings churn,
      Map<String, Double> summary,
      Map<String, Double> churnMetrics) {
    Date date = Date.valueOf(d);
    List<Row> rows = new ArrayList<>();
    List<ModelChoice.Candidate> candidates = new ArrayList<>(choice.candidates());
    if (candidates.stream().noneMatch(c -> c.type() == choice.hasLeft().type())) {
      candidates.add(choice.hasLeft());
    }
    for (ModelChoice.Candidate c : candidates) {
      boolean chosen = c.type() == choice.chosen().type();
      Map<String, Double> metrics = new LinkedHashMap<>();
      if (chosen) {
        metrics.putAll(summary);
        if (c.holdout() != null) {
          metrics.putAll(c.holdout().metrics());
        }
        metrics.put(ModelRuns.HOLDOUT_AVAILABLE, c.holdout() == null ? 0.0 : 1.0);
        metrics.put(ModelRuns.CHOSEN_BY_HOLDOUT, choice.byHoldout() ? 1.0 : 0.0);
      }
      metrics.put(ModelRuns.CHOSEN, chosen ? 1.0 : 0.0);
      metrics.put(ModelRuns.HAS_LEFT_MODEL, c.type() == choice.hasLeft().type() ? 1.0 : 0.0);
      metrics.put(ModelRuns.DROPPED, c.valid() ? 0.0 : 1.0);
      if (c.fit() != null) {
        metrics.put(ModelRuns.AIC, c.aic());
      }
      if (c.holdout() != null) {
        metrics.put(ModelRuns.HOLDOUT_MAE, c.holdout().meanAbsoluteError());
        metrics.put(ModelRuns.HOLDOUT_TOTAL_ERROR, c.totalError());
      }
      metrics.values().removeIf(v -> v == null || !Double.isFinite(v));
      FitResult fit = c.fit();
      Map<String, Double> params = new LinkedHashMap<>();
      if (fit != null) {
        params.putAll(withErrors(fit));
      }
      params.put(ModelRuns.TIME_UNIT_DAYS, (double) clv.timeUnit().days());
      params.put(ModelRuns.HORIZON_MONTHS, (double) clv.horizonMonths());
      params.put(ModelRuns.ANNUAL_DISCOUNT_RATE, clv.annualDiscountRate());
      rows.add(
          RowFactory.create(
              ctx.runId(),
              date,
              c.type().configName(),
              params,
              fit == null ? null : fit.logLikelihood(),
              fit == null ? null : fit.n(),
              fit == null ? null : fit.converged(),
              fit == null ? null : fit.iterations(),
              metrics,
              null));
    }
    Map<String, Double> ggMetrics = new LinkedHashMap<>();
    ggMetrics.put(ModelRuns.PATTERNS, (double) spend.patterns());
    ggMetrics.put(ModelRuns.EVALUATIONS, (double) spend.evaluations());
    ggMetrics.put(
        ModelRuns.POPULATION_MEAN_SPEND, GammaGamma.fromParams(spend.params()).populationMean());
    rows.add(
        RowFactory.create(
            ctx.runId(),
            date,
            spend.model(),
            withErrors(spend),
            spend.logLikelihood(),
            spend.n(),
            spend.converged(),
            spend.iterations(),
            ggMetrics,
            null));
    Map<String, Double> churnParams = new LinkedHashMap<>();
    churnParams.put(ModelRuns.HORIZON_DAYS, (double) churn.horizonDays());
    churnParams.put(ModelRuns.MIN_AUC_GAIN, churn.minAucGain());
    churnParams.put(ModelRuns.SEED, (double) churn.seed());
    Map<String, Double> bands =
        Map.of(
            ModelRuns.RISK_BAND_MEDIUM_FROM,
            churn.mediumFrom(),
            ModelRuns.RISK_BAND_HIGH_FROM,
            churn.highFrom());
    Map<String, Double> cleanChurn = new LinkedHashMap<>(churnMetrics);
    cleanChurn.values().removeIf(v -> v == null || !Double.isFinite(v));
    rows.add(
        RowFactory.create(
            ctx.runId(),
            date,
            ModelRuns.CHURN,
            churnParams,
            null,
            summary.get(ModelRuns.CUSTOMERS).longValue(),
            null,
            null,
            cleanChurn,
            bands));
    List<String> models = new ArrayList<>(TransactionModelTypeNames.ALL);
    models.add(spend.model());
    models.add(ModelRuns.CHURN);
    ctx.warehouse()
        .replaceDate(
            ModelRuns.CONTRACT,
            ModelRuns.AS_OF_DATE,
            d,
            ModelRuns.MODEL,
            models,
            ctx.spark().createDataFrame(rows, ModelRuns.CONTRACT.schema()));
  }

  /**
   * The parameters followed by their standard errors as se.name (none when the information matrix
   * was singular).
   */
  static Map<String, Double> withErrors(FitResult fit) {
    Map<String, Double> params = new LinkedHashMap<>(fit.params());
    fit.standardErrors()
        .forEach(
            (k, v) -> {
              if (Double.isFinite(v)) {
                params.put(ModelRuns.SE_PREFIX + k, v);
              }
            });
    return params;
  }

  /** Configuration names of every transaction model. */
  private static final class TransactionModelTypeNames {
    static final List<String> ALL =
        java.util.Arrays.stream(TransactionModelType.values())
            .map(TransactionModelType::configName)
            .toList();
  }
}
