package com.crmanalytics.value;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import com.crmanalytics.config.ChurnSettings;
import com.crmanalytics.config.ClvSettings;
import com.crmanalytics.config.PipelineConfig;
import com.crmanalytics.contract.CustomerFeatures;
import com.crmanalytics.contract.CustomerValue;
import com.crmanalytics.contract.ModelRuns;
import com.crmanalytics.contract.Orders;
import com.crmanalytics.contract.PipelineRuns;
import com.crmanalytics.error.CrmException;
import com.crmanalytics.error.Errors;
import com.crmanalytics.features.FeaturesStage;
import com.crmanalytics.io.Warehouse;
import com.crmanalytics.model.FitResult;
import com.crmanalytics.model.GammaGamma;
import com.crmanalytics.model.RetentionBaseline;
import com.crmanalytics.pipeline.RunContext;
import com.crmanalytics.pipeline.RunLog.Counts;
import java.sql.Date;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.storage.StorageLevel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stage {@code value}: from {@code customer_features} at {@code as_of_date = D} (the BTYD summary x,
 * t_x, T, m_x built from silver orders on or before D), fits {@code clv.model} and Gamma-Gamma, trains the
 * churn classifier on features as of D − churn.horizon-days with labels from (D − horizon, D], and writes
 * {@code customer_value} for D (one row per customer of the features) and the {@code model_runs} rows of
 * the transaction model, gamma-gamma and churn for D. Also from silver orders on or before D: the population's
 * retention over the last two rfm windows for the Gupta &amp; Lehmann baseline (clv_baseline), and, with the model
 * fitted as of the cutoff, its predictions for (cutoff, D] against what happened (the holdout.* metrics).
 * Everything is computed and checked for finiteness before the first write; a fit that cannot be made writes
 * nothing (exit 3).
 */
public final class ValueStage {
  private static final Logger LOG = LoggerFactory.getLogger(ValueStage.class);
  public static final String STAGE = "value";
  public static final String CHURN = "churn";

  private static final String SCORES = "_scores";
  private static final String MARGIN = "_margin";
  /** Metrics of the transaction model's row: 1 when the value is there, 0 when it could not be computed. */
  static final String BASELINE_AVAILABLE = "baseline.available";
  static final String HOLDOUT_AVAILABLE = "holdout.available";
  /** Below this many customers (or without both outcomes) in train or test, churn falls back to 1 − P(alive). */
  static final long MIN_CHURN_CUSTOMERS = 20;

  /** What one run of the stage did. */
  public record Result(long customers, BtydFit.Fits fits, Map<String, Double> churnMetrics, String message) {}

  private ValueStage() {}

  public static Result run(RunContext ctx) {
    Instant started = Instant.now();
    LocalDate d = ctx.businessDate();
    ctx.spark().sparkContext().setJobGroup(STAGE, STAGE + " " + d, false);
    Warehouse wh = ctx.warehouse();
    PipelineConfig config = ctx.config();
    ClvSettings clv = config.clv();
    Dataset<Row> values = null;
    Dataset<Row> features = null;
    try {
      features = wh.read(CustomerFeatures.CONTRACT).filter(col(CustomerFeatures.AS_OF_DATE).equalTo(lit(d)))
          .persist(StorageLevel.MEMORY_AND_DISK());
      long customers = features.count();
      if (customers == 0) {
        throw Errors.missingInput(
            "customer_features for " + d + " (run: crm features --date " + d + ")", wh.path(CustomerFeatures.CONTRACT));
      }
      BtydFit.Fits fits = BtydFit.fit(features, d, clv);
      Map<String, Double> baselineMetrics = new LinkedHashMap<>();
      Double perWindowMargin = baseline(wh, d, config.rfm().windowDays(), clv, baselineMetrics);
      Dataset<Row> scored = withBaseline(score(features, fits.scorer(), clv), perWindowMargin);
      Map<String, Double> churnMetrics = new LinkedHashMap<>();
      Map<String, Double> holdoutMetrics = new LinkedHashMap<>();
      Dataset<Row> withChurn = churn(wh, config, d, scored, churnMetrics, holdoutMetrics);
      values = finish(withChurn, config.churn(), clv).persist(StorageLevel.MEMORY_AND_DISK());
      Row check = values.agg(
              count(lit(1)),
              sum(when(notFinite(perWindowMargin != null), 1).otherwise(0)),
              sum(col(CustomerValue.CLV)),
              sum(col(CustomerValue.EXPECTED_PURCHASES)),
              sum(col(CustomerValue.CLV_AT_RISK)),
              sum(col(CustomerValue.CLV_BASELINE)))
          .first();
      if (check.getLong(1) > 0) {
        throw Errors.modelFit(String.format(Locale.ROOT, "%d of %d customers got a score that is not a finite "
            + "number as of %s (nothing written)", check.getLong(1), check.getLong(0), d), null);
      }
      String onD = CustomerValue.AS_OF_DATE + " = DATE'" + d + "'";
      wh.replace(CustomerValue.CONTRACT, values, onD);
      Map<String, Double> summary = new LinkedHashMap<>();
      summary.put("customers", (double) customers);
      summary.put("repeat_buyers", (double) fits.repeatBuyers());
      summary.put("patterns", (double) fits.transactions().patterns());
      summary.put("evaluations", (double) fits.transactions().evaluations());
      summary.put("sum_clv", check.getDouble(2));
      summary.put("sum_expected_purchases", check.getDouble(3));
      summary.put("sum_clv_at_risk", check.getDouble(4));
      if (!check.isNullAt(5)) {
        summary.put("sum_clv_baseline", check.getDouble(5));
      }
      summary.putAll(baselineMetrics);
      summary.putAll(holdoutMetrics);
      writeRuns(ctx, d, fits, clv, config.churn(), summary, churnMetrics);
      String message = String.format(Locale.ROOT,
          "%d customers valued as of %s with %s (%s), gamma-gamma; churn ROC AUC %s vs P(alive) %s",
          customers, d, fits.transactions().model(), params(fits.transactions()),
          fmt(churnMetrics.get("churn.classifier.roc_auc")), fmt(churnMetrics.get("churn.p_alive_baseline.roc_auc")))
          + holdoutSummary(holdoutMetrics);
      LOG.info("value: {}", message);
      ctx.log().record(STAGE, PipelineRuns.SUCCEEDED, started, new Counts(customers, customers, null, null), message);
      return new Result(customers, fits, churnMetrics, message);
    } catch (RuntimeException e) {
      ctx.log().record(STAGE, PipelineRuns.FAILED, started, Counts.NONE, e.getMessage());
      throw e;
    } finally {
      if (values != null) {
        values.unpersist();
      }
      if (features != null) {
        features.unpersist();
      }
      ctx.spark().sparkContext().clearJobGroup();
    }
  }

  /** Adds p_alive, expected_purchases, expected_avg_spend and clv (margin × discounted value) to features. */
  static Dataset<Row> score(Dataset<Row> features, Scorer scorer, ClvSettings clv) {
    Column s = col(SCORES);
    return features
        .withColumn(SCORES, scorer.udf().apply(col(CustomerFeatures.X), col(CustomerFeatures.T_X),
            col(CustomerFeatures.T), col(CustomerFeatures.M_X)))
        .withColumn(MARGIN, coalesce(col(CustomerFeatures.MARGIN_RATE), lit(clv.marginRate())))
        .withColumn(CustomerValue.P_ALIVE, s.getItem(Scorer.P_ALIVE))
        .withColumn(CustomerValue.EXPECTED_PURCHASES, s.getItem(Scorer.EXPECTED))
        .withColumn(CustomerValue.EXPECTED_AVG_SPEND, s.getItem(Scorer.SPEND))
        .withColumn(CustomerValue.CLV, s.getItem(Scorer.CLV_PER_MARGIN).multiply(col(MARGIN)))
        .withColumn(CustomerValue.MODEL, lit(clv.model()));
  }

  /**
   * Measures the retention of the last two rfm windows from silver orders as of D and returns what one currency
   * unit of window margin is worth under the Gupta &amp; Lehmann baseline (null when r cannot be measured or the value
   * is undefined), recording the counts, the rates and baseline.available in {@code metrics}.
   */
  private static Double baseline(Warehouse wh, LocalDate d, int windowDays, ClvSettings clv,
      Map<String, Double> metrics) {
    WindowRetention.Counts counts = WindowRetention.measure(wh.read(Orders.CONTRACT), d, windowDays);
    metrics.put("baseline.previous_window_customers", (double) counts.previousWindowCustomers());
    metrics.put("baseline.retained_customers", (double) counts.retainedCustomers());
    if (counts.previousWindowCustomers() == 0) {
      LOG.warn("value: clv_baseline is null: nobody bought in the previous window ({}, {}]",
          d.minusDays(2L * windowDays), d.minusDays(windowDays));
      metrics.put(BASELINE_AVAILABLE, 0.0);
      return null;
    }
    RetentionBaseline baseline = new RetentionBaseline(counts.share(), windowDays, clv.annualDiscountRate());
    metrics.put("baseline.window_retention_rate", baseline.windowRetention());
    metrics.put("baseline.retention_rate", baseline.yearlyRetention());
    if (!baseline.defined()) {
      LOG.warn("value: clv_baseline is null: retention rate {} with discount rate {} makes m·r/(1+d−r) infinite",
          baseline.yearlyRetention(), clv.annualDiscountRate());
      metrics.put(BASELINE_AVAILABLE, 0.0);
      return null;
    }
    metrics.put(BASELINE_AVAILABLE, 1.0);
    return baseline.value(1.0);
  }

  /**
   * Adds clv_baseline = window net revenue × the margin ratio clv uses × {@code perWindowMargin} (the baseline is
   * linear in the margin), or null for everyone when {@code perWindowMargin} is null. Needs the margin column of
   * {@link #score}.
   */
  static Dataset<Row> withBaseline(Dataset<Row> scored, Double perWindowMargin) {
    Column value = perWindowMargin == null ? lit(null).cast("double")
        : col(CustomerFeatures.MONETARY).cast("double").multiply(col(MARGIN)).multiply(lit(perWindowMargin));
    return scored.withColumn(CustomerValue.CLV_BASELINE, value);
  }

  /**
   * Adds the churn probability: the classifier trained as of D − horizon and applied to the features of
   * D; with too little history for that, 1 − P(alive) (metrics record churn.fallback = 1 and why).
   */
  private static Dataset<Row> churn(Warehouse wh, PipelineConfig config, LocalDate d, Dataset<Row> scored,
      Map<String, Double> metrics, Map<String, Double> holdout) {
    ChurnSettings churn = config.churn();
    LocalDate cutoff = d.minusDays(churn.horizonDays());
    Column pAliveOnD = col(CustomerValue.P_ALIVE);
    holdout.put(HOLDOUT_AVAILABLE, 0.0);
    try {
      Dataset<Row> atCutoff = FeaturesStage.asOf(wh, cutoff, config.rfm().windowDays(), config.clv().timeUnit())
          .persist(StorageLevel.MEMORY_AND_DISK());
      try {
        BtydFit.Fits fitsAtCutoff = BtydFit.fit(atCutoff, cutoff, config.clv());
        holdout.putAll(holdout(atCutoff, scored, fitsAtCutoff.scorer(),
            churn.horizonDays() / (double) config.clv().timeUnit().days()));
        Dataset<Row> later = scored.select(col(CustomerFeatures.CUSTOMER_ID),
            col(CustomerFeatures.LAST_ORDER_DATE).as("_last_on_d"));
        Column p = fitsAtCutoff.scorer().pAliveUdf().apply(col(CustomerFeatures.X), col(CustomerFeatures.T_X),
            col(CustomerFeatures.T), lit(0.0));
        Dataset<Row> labelled = atCutoff.join(later, CustomerFeatures.CUSTOMER_ID)
            .withColumn(ChurnClassifier.P_ALIVE, p)
            .withColumn(ChurnClassifier.LABEL,
                when(col("_last_on_d").isNotNull().and(col("_last_on_d").gt(lit(cutoff))), 0.0).otherwise(1.0));
        Row split = labelled.agg(
                sum(when(ChurnClassifier.inTraining(churn), 1).otherwise(0)),
                sum(when(ChurnClassifier.inTraining(churn).unary_$bang(), 1).otherwise(0)),
                sum(col(ChurnClassifier.LABEL)), count(lit(1)))
            .first();
        long churned = (long) split.getDouble(2);
        if (split.getLong(0) < MIN_CHURN_CUSTOMERS || split.getLong(1) < MIN_CHURN_CUSTOMERS
            || churned == 0 || churned == split.getLong(3)) {
          return fallback(scored, metrics, String.format(Locale.ROOT, "%d customers as of the cutoff %s (%d churned): "
              + "too few, or one outcome only", split.getLong(3), cutoff, churned));
        }
        ChurnClassifier.Trained trained = ChurnClassifier.train(labelled, churn);
        metrics.put("churn.fallback", 0.0);
        metrics.putAll(trained.metrics());
        Dataset<Row> onD = scored.withColumn(ChurnClassifier.P_ALIVE, pAliveOnD);
        return ChurnClassifier.score(trained.model(), onD)
            .withColumn(CustomerValue.CHURN_PROBABILITY, col(ChurnClassifier.PROBABILITY));
      } finally {
        atCutoff.unpersist();
      }
    } catch (CrmException e) {
      // Too little history before the cutoff to fit the transaction model there: no training set.
      return fallback(scored, metrics, e.getMessage());
    }
  }

  /**
   * The cutoff fit's predictions for (cutoff, D] against what happened (x on D minus x at the cutoff), as
   * {@code crm evaluate} compares them, with holdout.available = 1; only holdout.available = 0 when a prediction is
   * not a finite number (the nightly check must not stop the run).
   */
  private static Map<String, Double> holdout(Dataset<Row> atCutoff, Dataset<Row> scored, Scorer scorer,
      double lengthUnits) {
    Map<String, Double> metrics = new LinkedHashMap<>();
    try {
      metrics.putAll(EvaluateStage.compare(atCutoff, scored, scorer, lengthUnits).metrics());
      metrics.put(HOLDOUT_AVAILABLE, 1.0);
    } catch (CrmException e) {
      LOG.warn("value: no holdout check over the churn horizon: {}", e.getMessage());
      metrics.clear();
      metrics.put(HOLDOUT_AVAILABLE, 0.0);
    }
    return metrics;
  }

  private static Dataset<Row> fallback(Dataset<Row> scored, Map<String, Double> metrics, String why) {
    LOG.warn("value: churn classifier not trained, churn_probability = 1 - p_alive: {}", why);
    metrics.put("churn.fallback", 1.0);
    return scored.withColumn(CustomerValue.CHURN_PROBABILITY, lit(1.0).minus(col(CustomerValue.P_ALIVE)));
  }

  /** Risk band and CLV at risk, in the columns of customer_value. */
  private static Dataset<Row> finish(Dataset<Row> rows, ChurnSettings churn, ClvSettings clv) {
    Column p = col(CustomerValue.CHURN_PROBABILITY);
    return CustomerValue.CONTRACT.conform(rows
        .withColumn(CustomerValue.RISK_BAND,
            when(p.geq(churn.highFrom()), "high").when(p.geq(churn.mediumFrom()), "medium").otherwise("low"))
        .withColumn(CustomerValue.CLV_AT_RISK, p.multiply(col(CustomerValue.CLV))));
  }

  /**
   * True where a value column is null, NaN or infinite; clv_baseline may be null only when it is not available
   * (then it is null for everyone).
   */
  private static Column notFinite(boolean baselineAvailable) {
    Column bad = lit(false);
    for (String c : List.of(CustomerValue.P_ALIVE, CustomerValue.EXPECTED_PURCHASES, CustomerValue.EXPECTED_AVG_SPEND,
        CustomerValue.CLV, CustomerValue.CHURN_PROBABILITY, CustomerValue.CLV_AT_RISK, CustomerValue.CLV_BASELINE)) {
      Column v = col(c);
      if (!c.equals(CustomerValue.CLV_BASELINE) || baselineAvailable) {
        bad = bad.or(v.isNull());
      }
      bad = bad.or(v.isNaN()).or(v.equalTo(Double.POSITIVE_INFINITY)).or(v.equalTo(Double.NEGATIVE_INFINITY));
    }
    return bad;
  }

  private static void writeRuns(RunContext ctx, LocalDate d, BtydFit.Fits fits, ClvSettings clv, ChurnSettings churn,
      Map<String, Double> summary, Map<String, Double> churnMetrics) {
    Date date = Date.valueOf(d);
    FitResult tx = fits.transactions();
    FitResult gg = fits.spend();
    Map<String, Double> txParams = new LinkedHashMap<>(tx.params());
    txParams.put("time_unit_days", (double) clv.timeUnit().days());
    txParams.put("horizon_months", (double) clv.horizonMonths());
    txParams.put("annual_discount_rate", clv.annualDiscountRate());
    Map<String, Double> ggMetrics = new LinkedHashMap<>();
    ggMetrics.put("patterns", (double) gg.patterns());
    ggMetrics.put("evaluations", (double) gg.evaluations());
    ggMetrics.put("population_mean_spend", GammaGamma.fromParams(gg.params()).populationMean());
    Map<String, Double> churnParams = new LinkedHashMap<>();
    churnParams.put("horizon_days", (double) churn.horizonDays());
    churnParams.put("train_share", churn.trainShare());
    churnParams.put("seed", (double) churn.seed());
    Map<String, Double> bands = Map.of("risk_band.medium_from", churn.mediumFrom(), "risk_band.high_from", churn.highFrom());
    List<Row> rows = new ArrayList<>();
    rows.add(RowFactory.create(ctx.runId(), date, tx.model(), txParams, tx.logLikelihood(), tx.n(), tx.converged(),
        tx.iterations(), summary, null));
    rows.add(RowFactory.create(ctx.runId(), date, gg.model(), gg.params(), gg.logLikelihood(), gg.n(), gg.converged(),
        gg.iterations(), ggMetrics, null));
    rows.add(RowFactory.create(ctx.runId(), date, CHURN, churnParams, null, summary.get("customers").longValue(), null,
        null, churnMetrics, bands));
    String models = String.join("', '", tx.model(), gg.model(), CHURN);
    ctx.warehouse().replace(ModelRuns.CONTRACT,
        ctx.spark().createDataFrame(rows, ModelRuns.CONTRACT.schema()),
        ModelRuns.AS_OF_DATE + " = DATE'" + d + "' AND " + ModelRuns.MODEL + " IN ('" + models + "')");
  }

  static String params(FitResult fit) {
    StringBuilder b = new StringBuilder();
    fit.params().forEach((k, v) -> b.append(b.length() == 0 ? "" : " ").append(k).append(' ')
        .append(String.format(Locale.ROOT, "%.4f", v)));
    return b.toString();
  }

  /** "; holdout over the churn horizon: A repeat purchases, P predicted" for the stage's message, when available. */
  private static String holdoutSummary(Map<String, Double> holdout) {
    Double actual = holdout.get("holdout.actual_total");
    Double predicted = holdout.get("holdout.predicted_total");
    return actual == null || predicted == null ? ""
        : String.format(Locale.ROOT, "; holdout over the churn horizon: %.0f repeat purchases, %.1f predicted",
            actual, predicted);
  }

  private static String fmt(Double v) {
    return v == null ? "n/a" : String.format(Locale.ROOT, "%.3f", v);
  }
}
