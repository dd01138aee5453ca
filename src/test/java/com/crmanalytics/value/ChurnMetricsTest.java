package com.crmanalytics.value;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.crmanalytics.contract.ModelRuns;
import com.crmanalytics.testing.TestSpark;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.ml.evaluation.BinaryClassificationEvaluator;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

/** The out-of-time measures of a churn probability, on four hand-checked customers. */
class ChurnMetricsTest {
  @Test
  void aucBrierMeansAndDecilesAreTheHandComputedOnes() {
    StructType schema =
        new StructType().add("p", DataTypes.DoubleType).add("quiet", DataTypes.DoubleType);
    Dataset<Row> rows =
        TestSpark.session()
            .createDataFrame(
                List.of(
                    RowFactory.create(0.1, 0.0),
                    RowFactory.create(0.4, 0.0),
                    RowFactory.create(0.35, 1.0),
                    RowFactory.create(0.8, 1.0)),
                schema);
    Map<String, Double> m = new LinkedHashMap<>();
    ChurnMetrics.measure(rows, "p", "quiet", "churn.x.", m);
    // 3 of the 4 (quiet, bought) pairs are ordered right
    assertThat(m.get("churn.x." + ModelRuns.ROC_AUC)).isCloseTo(0.75, within(1e-12));
    // precision-recall points (0, 1) (1/2, 1) (1/2, 1/2) (1, 2/3) (1, 1/2), trapezoids
    assertThat(m.get("churn.x." + ModelRuns.PR_AUC)).isCloseTo(19.0 / 24, within(1e-12));
    assertThat(m.get("churn.x." + ModelRuns.BRIER))
        .isCloseTo((0.01 + 0.16 + 0.4225 + 0.04) / 4, within(1e-12));
    assertThat(m.get("churn.x." + ModelRuns.MEAN_PREDICTED)).isCloseTo(0.4125, within(1e-12));
    assertThat(m.get("churn.x." + ModelRuns.REALISED_SHARE)).isEqualTo(0.5);
    assertThat(m.get("churn.x.decile.1.predicted")).isEqualTo(0.1);
    assertThat(m.get("churn.x.decile.1.realised")).isEqualTo(0.0);
    assertThat(m.get("churn.x.decile.4.realised")).isEqualTo(1.0);
    assertThat(m).doesNotContainKey("churn.x." + ModelRuns.TOP_DECILE_LIFT);
  }

  @Test
  void bothAreasAreMllibsEvaluatorsOnACurveOfManyBinsAndTies() {
    // 5,000 customers, scores on a grid of 4,000 values: ties, and over 2,000 distinct scores, so
    // that the curve of 1,000 bins groups them as the evaluator does. The areas are the
    // evaluator's to the last bit.
    Dataset<Row> rows =
        TestSpark.session()
            .range(5_000)
            .selectExpr("cast(floor(rand(7) * 4000) / 4000 as double) as p")
            .selectExpr("p", "cast(rand(8) < 0.2 + 0.6 * p as double) as quiet")
            .cache();
    Map<String, Double> m = new LinkedHashMap<>();
    ChurnMetrics.measure(rows, "p", "quiet", "churn.x.", m);
    BinaryClassificationEvaluator evaluator =
        new BinaryClassificationEvaluator().setLabelCol("quiet").setRawPredictionCol("p");
    assertThat(m.get("churn.x." + ModelRuns.ROC_AUC))
        .isEqualTo(evaluator.setMetricName("areaUnderROC").evaluate(rows));
    assertThat(m.get("churn.x." + ModelRuns.PR_AUC))
        .isEqualTo(evaluator.setMetricName("areaUnderPR").evaluate(rows));
    rows.unpersist();
  }
}
