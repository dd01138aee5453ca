package com.crmanalytics.value;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;

import com.crmanalytics.config.ChurnSettings;
import com.crmanalytics.config.ClvSettings;
import com.crmanalytics.contract.CustomerFeatures;
import com.crmanalytics.contract.CustomerValue;
import com.crmanalytics.contract.ModelRuns;
import com.crmanalytics.io.Warehouse;
import com.crmanalytics.model.FitResult;
import com.crmanalytics.model.ModelException;
import com.crmanalytics.model.ModelFitter;
import com.crmanalytics.model.Pattern;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.storage.StorageLevel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * churn_probability, the probability of no purchase in the next h = churn.horizon-days days. The
 * transaction model gives it for every customer (p_no_purchase_model): the baseline and the
 * fallback. The MLlib classifier is checked out of time — trained on {@link ChurnFeatures} at D −
 * 2h with labels from (D − 2h, D − h], measured on the features at D − h against (D − h, D] with
 * its Platt calibration cross-fitted there — and replaces the model's figure only when its ROC AUC
 * beats the model's by churn.min-auc-gain with a Brier score no worse; it is then refitted at D −
 * h, applied to the features of D and calibrated on the out-of-time set. Both sets of metrics go to
 * model_runs.
 */
final class ChurnProbability {
  private static final Logger LOG = LoggerFactory.getLogger(ChurnProbability.class);

  /**
   * Below this many customers, or with fewer of either outcome, at a cutoff the classifier is not
   * trained.
   */
  static final long MIN_CUSTOMERS = 40;

  static final long MIN_PER_OUTCOME = 10;

  private ChurnProbability() {}

  /**
   * The scored rows with {@link CustomerValue#CHURN_PROBABILITY}, and what was done (the {@code
   * model_runs} metrics of churn).
   *
   * @param rows the scored rows with churn_probability (lazy)
   * @param metrics the churn row's metrics: what was measured, trained and used, and why not
   */
  record Outcome(Dataset<Row> rows, Map<String, Double> metrics) {
    /** True when the classifier's probability replaced the model's figure. */
    boolean classifierUsed() {
      return Double.valueOf(1.0).equals(metrics.get(ModelRuns.CHURN_CLASSIFIER_USED));
    }
  }

  /**
   * Adds {@link CustomerValue#CHURN_PROBABILITY} to {@code scored} (customer_value columns of D
   * with {@link CustomerValue#P_NO_PURCHASE_MODEL}).
   *
   * @param featuresOnD customer_features of D
   * @param scorerOnD the models fitted as of D
   * @param featuresAsOf the customer_features of an earlier date (the training cutoff)
   */
  static Outcome add(
      Warehouse wh,
      ValueSettings settings,
      LocalDate d,
      Dataset<Row> scored,
      Dataset<Row> featuresOnD,
      Scorer scorerOnD,
      ModelChoice.Choice choice,
      Function<LocalDate, Dataset<Row>> featuresAsOf) {
    Map<String, Double> metrics = new LinkedHashMap<>();
    List<Dataset<Row>> cached = new ArrayList<>();
    try {
      Dataset<Row> out =
          classify(
              wh,
              settings,
              d,
              scored,
              featuresOnD,
              scorerOnD,
              choice,
              featuresAsOf,
              metrics,
              cached);
      if (out != null) {
        return new Outcome(out, metrics);
      }
    } finally {
      cached.forEach(Dataset::unpersist);
    }
    metrics.put(ModelRuns.CHURN_CLASSIFIER_USED, 0.0);
    return new Outcome(
        scored.withColumn(CustomerValue.CHURN_PROBABILITY, col(CustomerValue.P_NO_PURCHASE_MODEL)),
        metrics);
  }

  /** The scored rows with the classifier's probability, or null when the model's figure stays. */
  private static Dataset<Row> classify(
      Warehouse wh,
      ValueSettings settings,
      LocalDate d,
      Dataset<Row> scored,
      Dataset<Row> featuresOnD,
      Scorer scorerOnD,
      ModelChoice.Choice choice,
      Function<LocalDate, Dataset<Row>> featuresAsOf,
      Map<String, Double> metrics,
      List<Dataset<Row>> cached) {
    ChurnSettings churn = settings.churn();
    ClvSettings clv = settings.clv();
    int h = churn.horizonDays();
    double unitDays = clv.timeUnit().days();
    FitResult fitC1 = choice.chosen().cutoffFit();
    if (choice.atCutoff() == null || fitC1 == null) {
      return notTrained(
          metrics,
          ModelRuns.CHURN_NOT_TRAINED + "no_fit_at_d_minus_h",
          "the transaction model could not be fitted as of "
              + choice.cutoff()
              + " (D − churn.horizon-days)");
    }
    LocalDate c1 = choice.cutoff();
    LocalDate c2 = d.minusDays(2L * h);
    // The model's own figure is measured out of time whenever the D − h cutoff allows it,
    // classifier or not.
    Scorer scorerC1 = new Scorer(choice.chosen().type(), fitC1.params(), null, 1, 0, unitDays);
    Dataset<Row> valid =
        ChurnFeatures.build(wh, choice.atCutoff(), c1, h, unitDays, scorerC1, true)
            .persist(StorageLevel.MEMORY_AND_DISK());
    cached.add(valid);
    String tooFewValid = tooFew(valid, "validation", c1, metrics);
    if (tooFewValid != null) {
      return notTrained(metrics, ModelRuns.CHURN_NOT_TRAINED + "too_few_customers", tooFewValid);
    }
    ChurnMetrics.measure(
        valid,
        ChurnFeatures.P_QUIET_MODEL,
        ChurnFeatures.LABEL,
        ModelRuns.CHURN_MODEL_PREFIX,
        metrics);
    Dataset<Row> atC2 = featuresAsOf.apply(c2).persist(StorageLevel.MEMORY_AND_DISK());
    cached.add(atC2);
    FitResult fitC2;
    try {
      List<Pattern> patterns = BtydFit.patterns(atC2, 7.0 / unitDays);
      long repeat = patterns.stream().filter(p -> p.x() > 0).mapToLong(Pattern::count).sum();
      if (repeat < clv.minRepeatBuyers()) {
        return notTrained(
            metrics,
            ModelRuns.CHURN_NOT_TRAINED + "history_too_short",
            String.format(
                Locale.ROOT,
                "%d repeat buyers as of %s (D − 2 × churn.horizon-days), fewer than clv.min-repeat-buyers",
                repeat,
                c2));
      }
      fitC2 = choice.chosen().type().fit(patterns, new ModelFitter());
    } catch (ModelException e) {
      return notTrained(
          metrics, ModelRuns.CHURN_NOT_TRAINED + "no_fit_at_d_minus_2h", e.getMessage());
    }
    Scorer scorerC2 = new Scorer(choice.chosen().type(), fitC2.params(), null, 1, 0, unitDays);
    Dataset<Row> train =
        ChurnFeatures.build(wh, atC2, c2, h, unitDays, scorerC2, true)
            .persist(StorageLevel.MEMORY_AND_DISK());
    cached.add(train);
    String tooFew = tooFew(train, "train", c2, metrics);
    if (tooFew != null) {
      return notTrained(metrics, ModelRuns.CHURN_NOT_TRAINED + "too_few_customers", tooFew);
    }
    PipelineModel first = ChurnClassifier.train(train);
    Dataset<Row> validScored =
        ChurnClassifier.score(first, valid).persist(StorageLevel.MEMORY_AND_DISK());
    cached.add(validScored);
    Dataset<Row> crossed = ChurnClassifier.crossCalibrated(validScored, churn.seed());
    ChurnMetrics.measure(
        crossed,
        ChurnClassifier.CALIBRATED,
        ChurnFeatures.LABEL,
        ModelRuns.CHURN_CLASSIFIER_PREFIX,
        metrics);
    ChurnMetrics.measure(
        validScored,
        ChurnClassifier.RAW,
        ChurnFeatures.LABEL,
        ModelRuns.CHURN_UNCALIBRATED_PREFIX,
        metrics);
    ChurnClassifier.Calibration calibration = ChurnClassifier.calibrate(validScored);
    metrics.put(ModelRuns.CHURN_CALIBRATION_INTERCEPT, calibration.intercept());
    metrics.put(ModelRuns.CHURN_CALIBRATION_SLOPE, calibration.slope());
    double classifierAuc = metrics.get(ModelRuns.CHURN_CLASSIFIER_PREFIX + ModelRuns.ROC_AUC);
    double modelAuc = metrics.get(ModelRuns.CHURN_MODEL_PREFIX + ModelRuns.ROC_AUC);
    double classifierBrier = metrics.get(ModelRuns.CHURN_CLASSIFIER_PREFIX + ModelRuns.BRIER);
    double modelBrier = metrics.get(ModelRuns.CHURN_MODEL_PREFIX + ModelRuns.BRIER);
    metrics.put(ModelRuns.CHURN_CLASSIFIER_TRAINED, 1.0);
    if (!(classifierAuc >= modelAuc + churn.minAucGain() && classifierBrier <= modelBrier)) {
      LOG.info(
          "value: churn_probability from the transaction model: out of time the classifier scores ROC AUC {} "
              + "and Brier {} against the model's {} and {} (churn.min-auc-gain = {})",
          fmt(classifierAuc),
          fmt(classifierBrier),
          fmt(modelAuc),
          fmt(modelBrier),
          churn.minAucGain());
      return null;
    }
    PipelineModel refit = ChurnClassifier.train(valid);
    Dataset<Row> onD = ChurnFeatures.build(wh, featuresOnD, d, h, unitDays, scorerOnD, false);
    Dataset<Row> probability =
        ChurnClassifier.score(refit, onD)
            .select(
                col(CustomerFeatures.CUSTOMER_ID),
                calibration.apply(col(ChurnClassifier.RAW)).as(CustomerValue.CHURN_PROBABILITY));
    metrics.put(ModelRuns.CHURN_CLASSIFIER_USED, 1.0);
    LOG.info(
        "value: churn_probability from the classifier: out of time ROC AUC {} and Brier {} against the model's "
            + "{} and {}",
        fmt(classifierAuc),
        fmt(classifierBrier),
        fmt(modelAuc),
        fmt(modelBrier));
    return scored.join(probability, CustomerFeatures.CUSTOMER_ID);
  }

  /**
   * Why a labelled set is too small (null when it is not), with its size and realised share in
   * metrics.
   */
  private static String tooFew(
      Dataset<Row> labelled, String name, LocalDate c, Map<String, Double> metrics) {
    Row r = labelled.agg(count(lit(1)), sum(col(ChurnFeatures.LABEL))).first();
    long n = r.getLong(0);
    double quiet = r.isNullAt(1) ? 0 : r.getDouble(1);
    metrics.put(ModelRuns.churnSet(name, ModelRuns.CUSTOMERS), (double) n);
    if (n > 0) {
      metrics.put(ModelRuns.churnSet(name, ModelRuns.REALISED_SHARE), quiet / n);
    }
    if (n < MIN_CUSTOMERS || quiet < MIN_PER_OUTCOME || n - quiet < MIN_PER_OUTCOME) {
      return String.format(
          Locale.ROOT,
          "%d customers as of %s, %.0f of them quiet in the next churn.horizon-days: "
              + "fewer than %d customers or %d of either outcome",
          n,
          c,
          quiet,
          MIN_CUSTOMERS,
          MIN_PER_OUTCOME);
    }
    return null;
  }

  private static Dataset<Row> notTrained(Map<String, Double> metrics, String key, String why) {
    LOG.warn(
        "value: churn classifier not trained, churn_probability = p_no_purchase_model: {}", why);
    metrics.put(ModelRuns.CHURN_CLASSIFIER_TRAINED, 0.0);
    metrics.put(key, 1.0);
    return null;
  }

  private static String fmt(double v) {
    return String.format(Locale.ROOT, "%.3f", v);
  }
}
