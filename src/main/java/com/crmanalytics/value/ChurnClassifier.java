package com.crmanalytics.value;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.exp;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.least;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.log;
import static org.apache.spark.sql.functions.pmod;
import static org.apache.spark.sql.functions.xxhash64;

import com.crmanalytics.contract.CustomerFeatures;
import org.apache.spark.ml.Pipeline;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.ml.PipelineStage;
import org.apache.spark.ml.classification.LogisticRegression;
import org.apache.spark.ml.classification.LogisticRegressionModel;
import org.apache.spark.ml.feature.StandardScaler;
import org.apache.spark.ml.feature.VectorAssembler;
import org.apache.spark.ml.functions;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The supervised churn model (Spark MLlib): a logistic regression on the standardised {@link
 * ChurnFeatures} with the label "no purchase in the horizon after the cutoff", and its Platt
 * calibration: a one-feature logistic regression of the label on the logit of the classifier's
 * score, fitted on customers the classifier did not learn from (a later cutoff), which corrects a
 * shift between the periods.
 */
final class ChurnClassifier {
  /** Output of {@link #score}: the classifier's uncalibrated probability of no purchase. */
  static final String RAW = "_quiet_raw";

  /** Output of {@link Calibration#apply}: the calibrated probability. */
  static final String CALIBRATED = "_quiet_calibrated";

  private static final String VECTOR = "_features";
  private static final String SCALED = "_scaled";
  private static final String OUT = "_probability_vector";
  private static final String LOGIT = "_logit_raw";
  private static final double CLAMP = 1e-6;

  /** Platt scaling: P = 1 / (1 + exp(−(intercept + slope · logit(raw)))). */
  record Calibration(double intercept, double slope) {
    Column apply(Column raw) {
      return lit(1.0).divide(lit(1.0).plus(exp(lit(-intercept).minus(logit(raw).multiply(slope)))));
    }
  }

  private ChurnClassifier() {}

  /** Trains on {@code labelled} ({@link ChurnFeatures} with {@link ChurnFeatures#LABEL}). */
  static PipelineModel train(Dataset<Row> labelled) {
    LogisticRegression lr =
        new LogisticRegression()
            .setFeaturesCol(SCALED)
            .setLabelCol(ChurnFeatures.LABEL)
            .setProbabilityCol(OUT)
            .setMaxIter(100)
            .setRegParam(0.001)
            .setElasticNetParam(0);
    Pipeline pipeline =
        new Pipeline()
            .setStages(
                new PipelineStage[] {
                  new VectorAssembler()
                      .setInputCols(ChurnFeatures.FEATURES.toArray(String[]::new))
                      .setOutputCol(VECTOR),
                  new StandardScaler()
                      .setInputCol(VECTOR)
                      .setOutputCol(SCALED)
                      .setWithMean(true)
                      .setWithStd(true),
                  lr
                });
    return pipeline.fit(labelled);
  }

  /** Adds {@link #RAW} to rows with the feature columns. */
  static Dataset<Row> score(PipelineModel model, Dataset<Row> rows) {
    return model
        .transform(rows)
        .withColumn(RAW, functions.vector_to_array(col(OUT), "float64").getItem(1))
        .drop(VECTOR, SCALED, OUT, "rawPrediction", "prediction");
  }

  /** Platt scaling of {@link #RAW} against {@link ChurnFeatures#LABEL} on {@code scored}. */
  static Calibration calibrate(Dataset<Row> scored) {
    Dataset<Row> one =
        new VectorAssembler()
            .setInputCols(new String[] {LOGIT})
            .setOutputCol(VECTOR)
            .transform(scored.withColumn(LOGIT, logit(col(RAW))));
    LogisticRegressionModel platt =
        new LogisticRegression()
            .setFeaturesCol(VECTOR)
            .setLabelCol(ChurnFeatures.LABEL)
            .setRegParam(0)
            .setMaxIter(100)
            .fit(one);
    return new Calibration(platt.intercept(), platt.coefficients().apply(0));
  }

  /**
   * {@link #CALIBRATED} for every row of {@code scored}, each from a calibration fitted on the
   * other of two seeded folds of the customers (cross-fitting), so the calibrated probabilities can
   * be measured on the same customers without having been fitted to them.
   */
  static Dataset<Row> crossCalibrated(Dataset<Row> scored, long seed) {
    Column fold = pmod(xxhash64(col(CustomerFeatures.CUSTOMER_ID), lit(seed)), lit(2));
    Dataset<Row> a = scored.filter(fold.equalTo(0));
    Dataset<Row> b = scored.filter(fold.equalTo(1));
    Calibration onA = calibrate(a);
    Calibration onB = calibrate(b);
    return a.withColumn(CALIBRATED, onB.apply(col(RAW)))
        .unionByName(b.withColumn(CALIBRATED, onA.apply(col(RAW))));
  }

  private static Column logit(Column p) {
    Column c = least(greatest(p, lit(CLAMP)), lit(1 - CLAMP));
    return log(c.divide(lit(1.0).minus(c)));
  }
}
