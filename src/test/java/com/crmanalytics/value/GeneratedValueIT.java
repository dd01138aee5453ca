package com.crmanalytics.value;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.sum;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.crmanalytics.config.ModelTimeUnit;
import com.crmanalytics.contract.CampaignTouches;
import com.crmanalytics.contract.CustomerFeatures;
import com.crmanalytics.contract.ServiceContacts;
import com.crmanalytics.features.FeaturesStage;
import com.crmanalytics.generate.ExtractFormat;
import com.crmanalytics.generate.ExtractGenerator;
import com.crmanalytics.generate.GeneratorOptions;
import com.crmanalytics.generate.GeneratorParams;
import com.crmanalytics.model.FitResult;
import com.crmanalytics.model.ModelFitter;
import com.crmanalytics.model.Pattern;
import com.crmanalytics.model.TransactionModel;
import com.crmanalytics.model.TransactionModelType;
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
 * crm value's fit on generated data with known BG/NBD parameters. An integration test (failsafe,
 * {@code mvn verify}): 20,000 customers, too many for {@code mvn test}'s quick loop. The churn
 * figures on generated data are checked out of time by {@link ChurnOutOfTimeIT}.
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
}
