package com.crmanalytics.value;

import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.pmod;
import static org.apache.spark.sql.functions.pow;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;
import static org.apache.spark.sql.functions.xxhash64;

import com.crmanalytics.config.ChurnSettings;
import com.crmanalytics.contract.CustomerFeatures;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.ml.Pipeline;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.ml.PipelineStage;
import org.apache.spark.ml.classification.LogisticRegression;
import org.apache.spark.ml.evaluation.BinaryClassificationEvaluator;
import org.apache.spark.ml.feature.StandardScaler;
import org.apache.spark.ml.feature.VectorAssembler;
import org.apache.spark.ml.functions;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The supervised churn model (Spark MLlib): a logistic regression on standardised customer features
 * (RFM, tenure, BTYD summary, service and campaign behaviour, P(alive)) as of a cutoff, with the label
 * "no purchase in the churn horizon after the cutoff". Customers are split into train and test by a
 * seeded hash of their id, so a rerun trains and measures on the same customers.
 */
public final class ChurnClassifier {
  /** Label column: 1.0 = churned (no purchase in the horizon). */
  public static final String LABEL = "_churned";
  /** P(alive) from the transaction model, a feature and the baseline. */
  public static final String P_ALIVE = "_p_alive";
  /** Output: churn probability. */
  public static final String PROBABILITY = "_churn_probability";

  /** Feature columns (nulls read as 0). */
  static final List<String> FEATURES =
      List.of(
          CustomerFeatures.RECENCY_DAYS,
          CustomerFeatures.TENURE_DAYS,
          CustomerFeatures.FREQUENCY,
          CustomerFeatures.MONETARY,
          CustomerFeatures.LIFETIME_ORDERS,
          CustomerFeatures.LIFETIME_REVENUE,
          CustomerFeatures.RETURN_LINES,
          CustomerFeatures.X,
          CustomerFeatures.T_X,
          CustomerFeatures.T,
          CustomerFeatures.SERVICE_CONTACTS,
          CustomerFeatures.COMPLAINTS,
          CustomerFeatures.AVG_WAIT_SECONDS,
          CustomerFeatures.ABANDONED_CONTACTS,
          CustomerFeatures.AVG_SATISFACTION,
          CustomerFeatures.COST_TO_SERVE,
          CustomerFeatures.CAMPAIGN_TOUCHES,
          CustomerFeatures.CAMPAIGN_RESPONSES,
          CustomerFeatures.RESPONSE_RATE,
          P_ALIVE);

  private static final String VECTOR = "_features";
  private static final String SCALED = "_scaled";
  private static final String OUT = "_probability_vector";
  private static final String SCORE = "_score";

  /** A trained classifier and its holdout metrics (classifier and P(alive) baseline side by side). */
  public record Trained(PipelineModel model, Map<String, Double> metrics) {}

  private ChurnClassifier() {}

  /** The feature columns as doubles, nulls as 0 (a customer never rated has no satisfaction signal). */
  static Dataset<Row> prepare(Dataset<Row> rows) {
    Dataset<Row> out = rows;
    for (String f : FEATURES) {
      out = out.withColumn(f, coalesce(col(f).cast("double"), lit(0.0)));
    }
    return out;
  }

  /** True for the customers the classifier trains on. */
  static Column inTraining(ChurnSettings churn) {
    long buckets = 10_000;
    return pmod(xxhash64(col(CustomerFeatures.CUSTOMER_ID), lit(churn.seed())), lit(buckets))
        .lt((long) Math.round(churn.trainShare() * buckets));
  }

  /**
   * Trains on the training share of {@code labelled} (features as of the cutoff, {@link #P_ALIVE} and
   * {@link #LABEL}) and measures on the rest.
   */
  public static Trained train(Dataset<Row> labelled, ChurnSettings churn) {
    Dataset<Row> data = prepare(labelled);
    Dataset<Row> train = data.filter(inTraining(churn));
    Dataset<Row> test = data.filter(inTraining(churn).unary_$bang());
    LogisticRegression lr = new LogisticRegression()
        .setFeaturesCol(SCALED).setLabelCol(LABEL).setProbabilityCol(OUT)
        .setMaxIter(100).setRegParam(0.001).setElasticNetParam(0);
    Pipeline pipeline = new Pipeline().setStages(new PipelineStage[] {
        new VectorAssembler().setInputCols(FEATURES.toArray(String[]::new)).setOutputCol(VECTOR),
        new StandardScaler().setInputCol(VECTOR).setOutputCol(SCALED).setWithMean(true).setWithStd(true),
        lr});
    PipelineModel model = pipeline.fit(train);
    Dataset<Row> scored = score(model, test).persist();
    try {
      Map<String, Double> metrics = new LinkedHashMap<>();
      Row counts = scored.agg(count(lit(1)), sum(col(LABEL))).first();
      metrics.put("churn.train_customers", (double) train.count());
      metrics.put("churn.test_customers", (double) counts.getLong(0));
      metrics.put("churn.test_churn_rate", counts.getLong(0) == 0 ? 0 : counts.getDouble(1) / counts.getLong(0));
      measure(scored.withColumn(SCORE, col(PROBABILITY)), "churn.classifier.", metrics);
      measure(scored.withColumn(SCORE, lit(1.0).minus(col(P_ALIVE))), "churn.p_alive_baseline.", metrics);
      return new Trained(model, metrics);
    } finally {
      scored.unpersist();
    }
  }

  /** Adds {@link #PROBABILITY} (the churn probability) to rows with the feature columns. */
  public static Dataset<Row> score(PipelineModel model, Dataset<Row> rows) {
    Dataset<Row> out = model.transform(prepare(rows));
    return out.withColumn(PROBABILITY, functions.vector_to_array(col(OUT), "float64").getItem(1))
        .drop(VECTOR, SCALED, OUT, "rawPrediction", "prediction");
  }

  /** ROC AUC, PR AUC, lift in the top decile and Brier score of {@link #SCORE} against {@link #LABEL}. */
  private static void measure(Dataset<Row> scored, String prefix, Map<String, Double> metrics) {
    BinaryClassificationEvaluator evaluator = new BinaryClassificationEvaluator()
        .setLabelCol(LABEL).setRawPredictionCol(SCORE);
    metrics.put(prefix + "roc_auc", evaluator.setMetricName("areaUnderROC").evaluate(scored));
    metrics.put(prefix + "pr_auc", evaluator.setMetricName("areaUnderPR").evaluate(scored));
    double[] q = scored.stat().approxQuantile(SCORE, new double[] {0.9}, 0.001);
    Row rates = scored.agg(
            avg(col(LABEL)),
            avg(when(col(SCORE).geq(q.length == 0 ? 0 : q[0]), col(LABEL))),
            avg(pow(col(SCORE).minus(col(LABEL)), 2)))
        .first();
    double base = rates.isNullAt(0) ? 0 : rates.getDouble(0);
    double top = rates.isNullAt(1) ? 0 : rates.getDouble(1);
    metrics.put(prefix + "top_decile_lift", base > 0 ? top / base : 0);
    metrics.put(prefix + "brier", rates.isNullAt(2) ? 0 : rates.getDouble(2));
  }
}
