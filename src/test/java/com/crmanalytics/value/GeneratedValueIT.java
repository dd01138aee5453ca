package com.crmanalytics.value;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.sum;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.crmanalytics.config.ModelTimeUnit;
import com.crmanalytics.contract.CampaignTouches;
import com.crmanalytics.contract.CustomerFeatures;
import com.crmanalytics.contract.CustomerValue;
import com.crmanalytics.contract.ModelRuns;
import com.crmanalytics.contract.ServiceContacts;
import com.crmanalytics.features.FeaturesStage;
import com.crmanalytics.generate.ExtractFormat;
import com.crmanalytics.generate.ExtractGenerator;
import com.crmanalytics.generate.GeneratorOptions;
import com.crmanalytics.generate.GeneratorParams;
import com.crmanalytics.ingest.IngestStage;
import com.crmanalytics.model.FitResult;
import com.crmanalytics.model.ModelFitter;
import com.crmanalytics.model.Pattern;
import com.crmanalytics.model.TransactionModel;
import com.crmanalytics.model.TransactionModelType;
import com.crmanalytics.pipeline.RunContext;
import com.crmanalytics.testing.TestSpark;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * crm value on generated data with known BG/NBD parameters and churn signal in the service
 * contacts. An integration test (failsafe, {@code mvn verify}): 20,000 customers for parameter
 * recovery and 3,000 through ingest, features and value take minutes, too long for {@code mvn
 * test}'s quick loop.
 */
class GeneratedValueIT {
  private static final LocalDate FROM = LocalDate.of(2024, 11, 24);
  private static final LocalDate TO = LocalDate.of(2026, 11, 23);

  @TempDir Path tmp;

  private static GeneratorOptions options(long customers, Path out, long seed) {
    return new GeneratorOptions(
        customers, FROM, TO, seed, out, ExtractFormat.csv, 0, 0, GeneratorParams.CDNOW);
  }

  /**
   * 20,000 generated customers, summarised by the production summary (FeaturesStage) as of D1 = D2
   * − 26 weeks and D2, fitted on the driver as crm value does.
   *
   * <p>Tolerances: with 20k customers (about 7.5k repeat buyers) the standard errors of the MLEs
   * are a few percent for r and α and larger for a and b, which trade off against each other (only
   * a/(a+b), the mean drop-out probability, is sharply identified), so: r and α within 15 %,
   * a/(a+b) within 0.05 absolute, a and b within 40 %. The holdout total sums thousands of
   * customers' expectations, so its sampling error is a few percent (heavy buyers dominate it):
   * within 5 % of the actual, as the issue asks. Measured over generator seeds (20k customers,
   * 26-week holdout): seed 42 −0.9 %, seed 7 +2.9 %, seed 11 +7.6 % (there even the true parameters
   * over-forecast by 5.5 %, so that is the realised holdout's own noise, not the fit). The test
   * uses seed 42; RECOVERY_SEED=n in the environment runs another.
   */
  @Test
  void fittedParametersAreCloseToTheGeneratorsTruthAndTheHoldoutTotalWithin5Percent() {
    Path out = tmp.resolve("gen");
    new ExtractGenerator(
            options(
                20_000, out, Long.parseLong(System.getenv().getOrDefault("RECOVERY_SEED", "42"))))
        .run();
    SparkSession spark = TestSpark.session();
    Dataset<Row> orders =
        spark
            .read()
            .option("header", "true")
            .schema(
                "order_id string, line_no int, customer_id string, order_ts timestamp, product_id string, "
                    + "category string, quantity int, unit_price decimal(18,2), amount decimal(18,2), cost decimal(18,2), "
                    + "currency string, channel string, region string, status string")
            .csv(out.resolve(TO.toString()).resolve("orders").toString());
    Dataset<Row> noService = spark.createDataFrame(List.of(), ServiceContacts.CONTRACT.schema());
    Dataset<Row> noCampaigns = spark.createDataFrame(List.of(), CampaignTouches.CONTRACT.schema());
    LocalDate d1 = TO.minusWeeks(26);
    Dataset<Row> cal =
        FeaturesStage.transform(orders, noService, noCampaigns, d1, 365, ModelTimeUnit.WEEK)
            .select(
                CustomerFeatures.CUSTOMER_ID,
                CustomerFeatures.X,
                CustomerFeatures.T_X,
                CustomerFeatures.T)
            .cache();
    Dataset<Row> end =
        FeaturesStage.transform(orders, noService, noCampaigns, TO, 365, ModelTimeUnit.WEEK)
            .select(col(CustomerFeatures.CUSTOMER_ID), col(CustomerFeatures.X).as("x_end"));

    List<Pattern> patterns = BtydFit.patterns(cal);
    FitResult fit = TransactionModelType.BG_NBD.fit(patterns, new ModelFitter());
    TransactionModel model = TransactionModelType.BG_NBD.create(fit.params());
    double t = ChronoUnit.DAYS.between(d1, TO) / 7.0;
    double predicted =
        patterns.stream()
            .mapToDouble(p -> p.count() * model.expectedTransactions(p.x(), p.tx(), p.T(), t))
            .sum();
    double actual =
        cal.filter(col(CustomerFeatures.T).gt(0))
            .join(end, CustomerFeatures.CUSTOMER_ID)
            .agg(sum(col("x_end").minus(col(CustomerFeatures.X))))
            .first()
            .getLong(0);
    TransactionModel truthModel =
        TransactionModelType.BG_NBD.create(
            Map.of("r", 0.2426, "alpha", 4.4135, "a", 0.7929, "b", 2.4259));
    System.out.printf(
        "predicted with the true parameters: %.1f%n",
        patterns.stream()
            .mapToDouble(p -> p.count() * truthModel.expectedTransactions(p.x(), p.tx(), p.T(), t))
            .sum());
    System.out.printf(
        "recovery: %s (n %d, %d patterns, %d evaluations); holdout %.0f weeks: predicted %.1f, actual %.0f%n",
        fit.params(), fit.n(), fit.patterns(), fit.evaluations(), t, predicted, actual);
    cal.unpersist();

    GeneratorParams truth = GeneratorParams.CDNOW;
    assertThat(fit.param("r")).isCloseTo(truth.r(), within(0.15 * truth.r()));
    assertThat(fit.param("alpha")).isCloseTo(truth.alpha(), within(0.15 * truth.alpha()));
    assertThat(fit.param("a") / (fit.param("a") + fit.param("b")))
        .isCloseTo(truth.a() / (truth.a() + truth.b()), within(0.05));
    assertThat(fit.param("a")).isCloseTo(truth.a(), within(0.4 * truth.a()));
    assertThat(fit.param("b")).isCloseTo(truth.b(), within(0.4 * truth.b()));
    assertThat(predicted).isCloseTo(actual, within(0.05 * actual));
  }

  /**
   * A few thousand customers through ingest, features and value: the classifier and the model's own
   * P(no purchase) are both checked out of time, and the model's figure ranks better than chance.
   */
  @Test
  void churnIsCheckedOutOfTimeOnGeneratedData() {
    Path landing = tmp.resolve("landing");
    new ExtractGenerator(options(3_000, landing, 5)).run();
    RunContext ctx = TestSpark.context(TO, landing, tmp.resolve("warehouse"), Map.of());
    TestSpark.run(IngestStage::from, ctx);
    TestSpark.run(FeaturesStage::from, ctx);
    ValueStage.Result result = TestSpark.run(ValueStage::from, ctx);
    Map<String, Double> m = result.churnMetrics();
    System.out.println("generated churn metrics: " + m);
    assertThat(m.get(ModelRuns.CHURN_CLASSIFIER_TRAINED)).isEqualTo(1.0);
    assertThat(m.get(ModelRuns.CHURN_MODEL_PREFIX + ModelRuns.ROC_AUC)).isGreaterThan(0.6);
    assertThat(m)
        .containsKeys(
            ModelRuns.CHURN_CLASSIFIER_PREFIX + ModelRuns.ROC_AUC,
            ModelRuns.CHURN_CLASSIFIER_PREFIX + ModelRuns.PR_AUC,
            ModelRuns.CHURN_CLASSIFIER_PREFIX + ModelRuns.BRIER,
            ModelRuns.CHURN_MODEL_PREFIX + ModelRuns.PR_AUC,
            ModelRuns.CHURN_MODEL_PREFIX + ModelRuns.BRIER,
            ModelRuns.CHURN_CLASSIFIER_USED);
    Row run = ctx.warehouse().read(ModelRuns.CONTRACT).filter("model = 'churn'").first();
    assertThat(run.getJavaMap(run.fieldIndex(ModelRuns.METRICS)))
        .containsEntry(
            ModelRuns.CHURN_MODEL_PREFIX + ModelRuns.ROC_AUC,
            m.get(ModelRuns.CHURN_MODEL_PREFIX + ModelRuns.ROC_AUC));
    Dataset<Row> values = ctx.warehouse().read(CustomerValue.CONTRACT);
    assertThat(values.count()).isEqualTo(result.customers());
    Row chosen =
        ctx.warehouse()
            .read(ModelRuns.CONTRACT)
            .filter("metrics['" + ModelRuns.CHOSEN + "'] = 1")
            .first();
    Map<String, Double> tx = chosen.getJavaMap(chosen.fieldIndex(ModelRuns.METRICS));
    System.out.println("generated " + chosen.getAs(ModelRuns.MODEL) + " metrics: " + tx);
    // Measured (seed 5): 479 of 1,489 previous-window buyers bought again (r 0.322); over the
    // 90-day churn horizon
    // 631 repeat purchases against 663.0 predicted (+5 %), correlation 0.677.
    // The generated history is shorter than the baseline's two windows: no Gupta & Lehmann
    // baseline, and why.
    assertThat(tx)
        .containsEntry("baseline.available", 0.0)
        .containsEntry(ModelRuns.BASELINE_HISTORY_TOO_SHORT, 1.0)
        .containsEntry("holdout.available", 1.0);
    // the retention is still measured and recorded; it is only not used for a value
    assertThat(tx.get("baseline.retained_customers") / tx.get("baseline.previous_window_customers"))
        .isBetween(0.2, 0.5);
    assertThat(tx).doesNotContainKey("sum_clv_baseline");
    assertThat(tx.get("holdout.predicted_total"))
        .isCloseTo(tx.get("holdout.actual_total"), within(0.10 * tx.get("holdout.actual_total")));
    assertThat(tx.get("holdout.correlation")).isGreaterThan(0.5);
    assertThat(values.select(CustomerValue.RISK_BAND).distinct().count()).isGreaterThan(1);
  }
}
