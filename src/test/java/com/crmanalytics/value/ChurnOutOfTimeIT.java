package com.crmanalytics.value;

import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.to_date;
import static org.apache.spark.sql.functions.when;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.crmanalytics.contract.CustomerSegments;
import com.crmanalytics.contract.CustomerValue;
import com.crmanalytics.contract.ModelRuns;
import com.crmanalytics.contract.Orders;
import com.crmanalytics.features.FeaturesStage;
import com.crmanalytics.generate.ExtractFormat;
import com.crmanalytics.generate.ExtractGenerator;
import com.crmanalytics.generate.GeneratorOptions;
import com.crmanalytics.generate.GeneratorParams;
import com.crmanalytics.ingest.IngestStage;
import com.crmanalytics.pipeline.RunContext;
import com.crmanalytics.segment.SegmentStage;
import com.crmanalytics.testing.TestSpark;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The acceptance test of churn_probability out of time, on generated data built to expose
 * extrapolation: seven months of history up to the run date D, so at D many customers' tenure
 * exceeds every tenure the classifier saw at its training cutoff D − 2h (h = 60 days: about three
 * months of history there). The run is made for D while the data go on for another h days: the
 * realised share of customers without a purchase in (D, D + h] is what churn_probability, made as
 * of D, must forecast. The same run checks what the value stage records of it on generated data:
 * both models' out-of-time metrics in model_runs, the chosen transaction model's holdout, and no
 * retention baseline on seven months of history. An IT: about two minutes on a quiet machine.
 */
class ChurnOutOfTimeIT {
  private static final LocalDate FROM = LocalDate.of(2025, 1, 1);
  private static final LocalDate TO = LocalDate.of(2025, 9, 30);
  private static final int H = 60;
  private static final LocalDate D = TO.minusDays(H);

  @TempDir Path tmp;

  @Test
  void meanChurnProbabilityMatchesTheRealisedShareAndRanksTheSegments() {
    Path landing = tmp.resolve("landing");
    new ExtractGenerator(
            new GeneratorOptions(
                1_500, FROM, TO, 11, landing, ExtractFormat.csv, 0, 0, GeneratorParams.CDNOW))
        .run();
    Map<String, String> settings =
        new HashMap<>(
            Map.of("churn.horizon-days", String.valueOf(H), "clv.min-repeat-buyers", "30"));
    RunContext loadAll = TestSpark.context(TO, landing, tmp.resolve("warehouse"), settings);
    TestSpark.run(IngestStage::from, loadAll);
    RunContext ctx = TestSpark.context(D, landing, tmp.resolve("warehouse"), settings);
    TestSpark.run(FeaturesStage::from, ctx);
    TestSpark.run(SegmentStage::from, ctx);
    ValueStage.Result result = TestSpark.run(ValueStage::from, ctx);
    Map<String, Double> m = result.churnMetrics();
    System.out.println("out-of-time churn metrics: " + m);
    System.out.println("value: " + result.message());

    Dataset<Row> values =
        ctx.warehouse()
            .read(CustomerValue.CONTRACT)
            .filter(col(CustomerValue.AS_OF_DATE).equalTo(lit(D)));
    Dataset<Row> later =
        ctx.warehouse()
            .read(Orders.CONTRACT)
            .withColumn("_day", to_date(col(Orders.ORDER_TS)))
            .filter(
                col("_day")
                    .gt(lit(D))
                    .and(col("_day").leq(lit(D.plusDays(H))))
                    .and(col(Orders.AMOUNT).geq(0)))
            .select(Orders.CUSTOMER_ID)
            .distinct()
            .withColumn("_bought", lit(1));
    Row r =
        values
            .join(later, CustomerValue.CUSTOMER_ID, "left")
            .agg(
                count(lit(1)),
                avg(col(CustomerValue.CHURN_PROBABILITY)),
                avg(when(col("_bought").isNull(), 1.0).otherwise(0.0)),
                avg(col(CustomerValue.P_NO_PURCHASE_MODEL)))
            .first();
    double predicted = r.getDouble(1);
    double realised = r.getDouble(2);
    System.out.printf(
        "as of %s: %d customers, mean churn_probability %.4f (model %.4f), realised quiet share %.4f%n",
        D, r.getLong(0), predicted, r.getDouble(3), realised);
    assertThat(predicted).isCloseTo(realised, within(0.05));

    Map<String, Double> bySegment = new HashMap<>();
    for (Row s :
        values
            .join(
                ctx.warehouse()
                    .read(CustomerSegments.CONTRACT)
                    .filter(col(CustomerSegments.AS_OF_DATE).equalTo(lit(D))),
                CustomerValue.CUSTOMER_ID)
            .groupBy(CustomerSegments.SEGMENT)
            .agg(avg(CustomerValue.CHURN_PROBABILITY))
            .collectAsList()) {
      bySegment.put(s.getString(0), s.getDouble(1));
    }
    System.out.println("mean churn probability by segment: " + bySegment);
    assertThat(bySegment.get("champions")).isLessThan(bySegment.get("lost"));

    // Both sets of out-of-time metrics are recorded, and which one was used.
    assertThat(m)
        .containsKeys(
            ModelRuns.CHURN_CLASSIFIER_USED,
            ModelRuns.CHURN_MODEL_PREFIX + ModelRuns.ROC_AUC,
            ModelRuns.CHURN_CLASSIFIER_PREFIX + ModelRuns.ROC_AUC,
            ModelRuns.CHURN_CLASSIFIER_PREFIX + ModelRuns.BRIER,
            ModelRuns.CHURN_MODEL_PREFIX + ModelRuns.BRIER,
            ModelRuns.CHURN_MODEL_PREFIX + "decile.10.realised");
    assertThat(m.get(ModelRuns.CHURN_CLASSIFIER_TRAINED)).isEqualTo(1.0);
    assertThat(m.get(ModelRuns.CHURN_MODEL_PREFIX + ModelRuns.ROC_AUC)).isGreaterThan(0.6);
    assertThat(m)
        .containsKeys(
            ModelRuns.CHURN_CLASSIFIER_PREFIX + ModelRuns.PR_AUC,
            ModelRuns.CHURN_MODEL_PREFIX + ModelRuns.PR_AUC);

    // What the run recorded in model_runs: the churn row, the chosen transaction model's row.
    Row churn = ctx.warehouse().read(ModelRuns.CONTRACT).filter("model = 'churn'").first();
    assertThat(churn.getJavaMap(churn.fieldIndex(ModelRuns.METRICS)))
        .containsEntry(
            ModelRuns.CHURN_MODEL_PREFIX + ModelRuns.ROC_AUC,
            m.get(ModelRuns.CHURN_MODEL_PREFIX + ModelRuns.ROC_AUC));
    assertThat(values.count()).isEqualTo(result.customers());
    Row chosen =
        ctx.warehouse()
            .read(ModelRuns.CONTRACT)
            .filter("metrics['" + ModelRuns.CHOSEN + "'] = 1")
            .first();
    Map<String, Double> tx = chosen.getJavaMap(chosen.fieldIndex(ModelRuns.METRICS));
    System.out.println("generated " + chosen.getAs(ModelRuns.MODEL) + " metrics: " + tx);
    // Seven months of history: no Gupta & Lehmann baseline (it needs two years), and why.
    assertThat(tx)
        .containsEntry("baseline.available", 0.0)
        .containsEntry(ModelRuns.BASELINE_HISTORY_TOO_SHORT, 1.0)
        .containsEntry("holdout.available", 1.0);
    assertThat(tx).doesNotContainKey("sum_clv_baseline");
    assertThat(tx.get("holdout.predicted_total"))
        .isCloseTo(tx.get("holdout.actual_total"), within(0.10 * tx.get("holdout.actual_total")));
    assertThat(tx.get("holdout.correlation")).isGreaterThan(0.5);
    assertThat(values.select(CustomerValue.RISK_BAND).distinct().count()).isGreaterThan(1);
  }
}
