package com.crmanalytics.value;

import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.ntile;
import static org.apache.spark.sql.functions.pow;

import com.crmanalytics.contract.ModelRuns;
import java.util.Map;
import org.apache.spark.mllib.evaluation.BinaryClassificationMetrics;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import scala.Tuple3;

/**
 * How well a probability of "no purchase in the horizon" did against what happened: ROC AUC, PR AUC
 * (quiet customers as the positive class), Brier score, mean predicted against the realised share,
 * lift of the top decile, and calibration by decile of the prediction (mean predicted and realised
 * share per decile, 1 = lowest).
 */
final class ChurnMetrics {
  static final int DECILES = 10;

  /** The ROC and PR curves' points (MLlib's BinaryClassificationEvaluator's default numBins). */
  private static final int BINS = 1000;

  private ChurnMetrics() {}

  /**
   * Adds the measures of column {@code score} against {@code label} under {@code prefix} (e.g.
   * churn.model.).
   */
  static void measure(
      Dataset<Row> rows, String score, String label, String prefix, Map<String, Double> metrics) {
    Dataset<Row> scored =
        rows.select(col(score).cast("double").as("_s"), col(label).cast("double").as("_y"))
            .withColumn("_decile", ntile(DECILES).over(Window.orderBy(col("_s"))))
            .persist();
    try {
      // Both areas from one curve: MLlib's BinaryClassificationEvaluator computes the curve again
      // for each metric; this is its computation (unit weights, its default 1,000 bins) once.
      BinaryClassificationMetrics curve =
          new BinaryClassificationMetrics(
              scored
                  .select("_s", "_y")
                  .javaRDD()
                  .map(r -> new Tuple3<Object, Object, Object>(r.getDouble(0), r.getDouble(1), 1.0))
                  .rdd(),
              BINS);
      try {
        metrics.put(prefix + ModelRuns.ROC_AUC, curve.areaUnderROC());
        metrics.put(prefix + ModelRuns.PR_AUC, curve.areaUnderPR());
      } finally {
        curve.unpersist();
      }
      Row all = scored.agg(avg("_s"), avg("_y"), avg(pow(col("_s").minus(col("_y")), 2))).first();
      metrics.put(prefix + ModelRuns.MEAN_PREDICTED, all.getDouble(0));
      metrics.put(prefix + ModelRuns.REALISED_SHARE, all.getDouble(1));
      metrics.put(prefix + ModelRuns.BRIER, all.getDouble(2));
      double top = Double.NaN;
      for (Row r :
          scored.groupBy("_decile").agg(count(lit(1)), avg("_s"), avg("_y")).collectAsList()) {
        String k = prefix + ModelRuns.DECILE + r.getInt(0) + ".";
        metrics.put(k + ModelRuns.PREDICTED, r.getDouble(2));
        metrics.put(k + ModelRuns.REALISED, r.getDouble(3));
        if (r.getInt(0) == DECILES) {
          top = r.getDouble(3);
        }
      }
      if (all.getDouble(1) > 0 && Double.isFinite(top)) {
        metrics.put(prefix + ModelRuns.TOP_DECILE_LIFT, top / all.getDouble(1));
      }
    } finally {
      scored.unpersist();
    }
  }
}
