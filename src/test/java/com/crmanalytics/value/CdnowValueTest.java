package com.crmanalytics.value;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.crmanalytics.contract.CustomerFeatures;
import com.crmanalytics.contract.CustomerValue;
import com.crmanalytics.contract.ModelRuns;
import com.crmanalytics.io.Warehouse;
import com.crmanalytics.model.TransactionModel;
import com.crmanalytics.model.TransactionModelType;
import com.crmanalytics.testing.Cdnow;
import com.crmanalytics.testing.Crm;
import com.crmanalytics.testing.Crm.Result;
import com.crmanalytics.testing.TestSpark;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The published CDNOW results end to end, through the CLI as a user runs it: the sample ingested
 * with conf/profiles/cdnow.conf, features and value as of 1997-09-30 in weeks, evaluate over the
 * 39-week holdout. Skipped with a message where ../shared/datasets/cdnow is absent.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CdnowValueTest {
  private static final String CAL = "1997-09-30";
  private static final String HOLDOUT_END = "1998-06-30";

  @TempDir static Path tmp;

  static Result crm(String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.addAll(
        List.of(
            "--conf",
            "conf/profiles/cdnow.conf",
            "--landing",
            tmp.resolve("landing").toString(),
            "--warehouse",
            tmp.resolve("warehouse").toString()));
    Result result = Crm.run(all);
    System.out.print(result.out());
    System.err.print(result.err());
    return result;
  }

  @BeforeAll
  static void ingest() throws IOException {
    Path sample = Cdnow.sample();
    TestSpark.session();
    Path folder =
        Files.createDirectories(tmp.resolve("landing").resolve(HOLDOUT_END).resolve("orders"));
    Files.copy(sample, folder.resolve(sample.getFileName()));
    assertThat(crm("ingest", "--date", HOLDOUT_END).exit()).isZero();
    assertThat(crm("features", "--date", CAL, "--set", "clv.time-unit=week").exit()).isZero();
  }

  private static Warehouse warehouse() {
    return new Warehouse(TestSpark.session(), tmp.resolve("warehouse").toString());
  }

  private static Map<String, Double> params(String model) {
    Row run =
        warehouse()
            .read(ModelRuns.CONTRACT)
            .filter("as_of_date = DATE'" + CAL + "' AND model = '" + model + "'")
            .first();
    return run.getJavaMap(run.fieldIndex(ModelRuns.PARAMS));
  }

  private static Row run(String model) {
    return warehouse()
        .read(ModelRuns.CONTRACT)
        .filter("as_of_date = DATE'" + CAL + "' AND model = '" + model + "'")
        .first();
  }

  private static void close(Map<String, Double> params, String name, double published) {
    assertThat(params.get(name)).as(name).isCloseTo(published, within(1e-3 * published));
  }

  @Test
  @Order(1)
  void bgNbdAndGammaGammaReproduceThePaper() {
    Result value =
        crm("value", "--date", CAL, "--set", "clv.time-unit=week", "--set", "clv.model=bg-nbd");
    assertThat(value.exit()).as(value.err()).isZero();
    assertThat(value.out())
        .containsPattern("(?m)^value +succeeded 2357 customers valued as of " + CAL);

    Map<String, Double> bg = params("bg-nbd");
    close(bg, "r", 0.2426);
    close(bg, "alpha", 4.4135);
    close(bg, "a", 0.7929);
    close(bg, "b", 2.4259);
    Row bgRun = run("bg-nbd");
    assertThat(bgRun.getDouble(bgRun.fieldIndex(ModelRuns.LOG_LIKELIHOOD)))
        .isCloseTo(-9582.43, within(0.01));
    assertThat(bgRun.<Long>getAs(ModelRuns.N_CUSTOMERS)).isEqualTo(2357L);
    assertThat(bgRun.<Boolean>getAs(ModelRuns.CONVERGED)).isTrue();
    assertThat(bg).containsKeys("se.r", "se.alpha", "se.a", "se.b");
    // BG/NBD gives every one-time buyer P(alive) = 1: P(alive) (has left = 1 − P(alive)) comes from
    // MBG/NBD, fitted
    // beside it, which reproduces lifetimes' ModifiedBetaGeoFitter on CDNOW.
    Map<String, Double> mbg = params("mbg-nbd");
    close(mbg, "r", 0.5248);
    close(mbg, "alpha", 6.1830);
    close(mbg, "a", 0.8914);
    close(mbg, "b", 1.6140);
    Row mbgRun = run("mbg-nbd");
    assertThat(mbgRun.getDouble(mbgRun.fieldIndex(ModelRuns.LOG_LIKELIHOOD)))
        .isCloseTo(-9582.13, within(0.01));
    assertThat(mbgRun.<String, Double>getJavaMap(mbgRun.fieldIndex(ModelRuns.METRICS)))
        .containsEntry(ModelRuns.HAS_LEFT_MODEL, 1.0)
        .containsEntry(ModelRuns.CHOSEN, 0.0);

    Map<String, Double> gg = params("gamma-gamma");
    close(gg, "p", 6.2496);
    close(gg, "q", 3.7442);
    close(gg, "gamma", 15.4435);
    Row ggRun = run("gamma-gamma");
    assertThat(ggRun.<Long>getAs(ModelRuns.N_CUSTOMERS)).isEqualTo(946L);
    assertThat(ggRun.getDouble(ggRun.fieldIndex(ModelRuns.LOG_LIKELIHOOD)))
        .isCloseTo(-4055.92, within(0.01));

    // Customer 1: the stored summary row and the recorded parameters give the paper's 39-week
    // numbers.
    Row c1 =
        warehouse()
            .read(CustomerFeatures.CONTRACT)
            .filter("as_of_date = DATE'" + CAL + "' AND customer_id = '0001'")
            .first();
    int x = c1.getAs(CustomerFeatures.X);
    double tx = c1.getAs(CustomerFeatures.T_X);
    double bigT = c1.getAs(CustomerFeatures.T);
    assertThat(x).isEqualTo(2);
    assertThat(tx).isCloseTo(30.43, within(0.01));
    assertThat(bigT).isCloseTo(38.86, within(0.01));
    TransactionModel model = TransactionModelType.BG_NBD.create(bg);
    assertThat(model.expectedTransactions(x, tx, bigT, 39)).isCloseTo(1.226, within(0.0005));
    Row v1 =
        warehouse()
            .read(CustomerValue.CONTRACT)
            .filter("as_of_date = DATE'" + CAL + "' AND customer_id = '0001'")
            .first();
    assertThat(model.pAlive(x, tx, bigT)).isCloseTo(0.727, within(0.0005));
    assertThat(v1.getDouble(v1.fieldIndex(CustomerValue.P_ALIVE)))
        .isCloseTo(TransactionModelType.MBG_NBD.create(mbg).pAlive(x, tx, bigT), within(1e-12));
    assertThat(v1.<String>getAs(CustomerValue.MODEL)).isEqualTo("bg-nbd");

    Dataset<Row> values =
        warehouse().read(CustomerValue.CONTRACT).filter("as_of_date = DATE'" + CAL + "'");
    assertThat(values.count()).isEqualTo(2357);
    assertThat(
            values
                .filter(
                    "isnan(clv) OR isnan(p_alive) OR isnan(expected_purchases) OR isnan(churn_probability)"
                        + " OR clv_at_risk IS NULL OR abs(clv) = double('infinity')")
                .count())
        .isZero();
    assertThat(
            values
                .filter(
                    "p_alive < 0 OR p_alive > 1 OR churn_probability < 0 OR churn_probability > 1")
                .count())
        .isZero();
    Row churn = run(ValueStage.CHURN);
    Map<String, Double> metrics = churn.getJavaMap(churn.fieldIndex(ModelRuns.METRICS));
    System.out.println("CDNOW churn metrics: " + metrics);
    assertThat(metrics).containsKey(ModelRuns.CHURN_CLASSIFIER_USED);

    // Everyone's first purchase is in Q1 1997: nobody bought in the previous 365-day window, so no
    // baseline.
    Map<String, Double> txMetrics = bgRun.getJavaMap(bgRun.fieldIndex(ModelRuns.METRICS));
    System.out.println("CDNOW bg-nbd metrics: " + txMetrics);
    assertThat(txMetrics)
        .containsEntry("baseline.available", 0.0)
        .containsEntry("baseline.previous_window_customers", 0.0)
        .containsEntry(ModelRuns.BASELINE_HISTORY_TOO_SHORT, 1.0)
        .doesNotContainKey("sum_clv_baseline");
    assertThat(values.filter("clv_baseline IS NOT NULL").count()).isZero();
    // The nightly holdout: the fit as of 1997-07-02 (D − 90 days) against (1997-07-02, 1997-09-30].
    assertThat(txMetrics)
        .containsEntry("holdout.available", 1.0)
        .containsEntry("holdout.customers", 2357.0);
    assertThat(txMetrics.get("holdout.length_units")).isCloseTo(90 / 7.0, within(1e-12));
  }

  @Test
  @Order(2)
  void paretoNbdReproducesThePaper() {
    Result value =
        crm("value", "--date", CAL, "--set", "clv.time-unit=week", "--set", "clv.model=pareto-nbd");
    assertThat(value.exit()).as(value.err()).isZero();
    Map<String, Double> pn = params("pareto-nbd");
    close(pn, "r", 0.5533);
    close(pn, "alpha", 10.5776);
    close(pn, "s", 0.6062);
    close(pn, "beta", 11.6679);
    Row pnRun = run("pareto-nbd");
    assertThat(pnRun.getDouble(pnRun.fieldIndex(ModelRuns.LOG_LIKELIHOOD)))
        .isCloseTo(-9594.98, within(0.01));
    // A rerun for the date replaces every model row of it: no stale BG/NBD or MBG/NBD row claims to
    // be chosen.
    assertThat(
            warehouse()
                .read(ModelRuns.CONTRACT)
                .filter("as_of_date = DATE'" + CAL + "' AND model IN ('bg-nbd', " + "'mbg-nbd')")
                .count())
        .isZero();
    assertThat(pnRun.<String, Double>getJavaMap(pnRun.fieldIndex(ModelRuns.METRICS)))
        .containsEntry(ModelRuns.CHOSEN, 1.0)
        .containsEntry(ModelRuns.HAS_LEFT_MODEL, 1.0);
    assertThat(warehouse().read(CustomerValue.CONTRACT).filter("model = 'pareto-nbd'").count())
        .isEqualTo(2357);
  }

  @Test
  @Order(3)
  void evaluateShowsTheHoldoutNextToThePublishedNumbers() {
    Result eval =
        crm(
            "evaluate",
            "--calibration-end",
            CAL,
            "--holdout-end",
            HOLDOUT_END,
            "--set",
            "clv.model=bg-nbd");
    assertThat(eval.exit()).as(eval.err()).isZero();
    assertThat(eval.out()).containsPattern("actual repeat transactions +1882 +1882");
    assertThat(eval.out()).contains("0.626");
    Row run =
        warehouse()
            .read(ModelRuns.CONTRACT)
            .filter("as_of_date = DATE'" + CAL + "' AND model = 'bg-nbd-holdout'")
            .first();
    Map<String, Double> m = run.getJavaMap(run.fieldIndex(ModelRuns.METRICS));
    assertThat(m.get("holdout.actual_total")).isEqualTo(1882.0);
    assertThat(m.get("holdout.length_units")).isEqualTo(39.0);
    assertThat(m.get("holdout.customers")).isEqualTo(2357.0);
    // The paper's correlation between each customer's actual and conditionally expected holdout
    // purchases.
    assertThat(m.get("holdout.correlation")).isCloseTo(0.626, within(0.0005));
    // Σ of the per-customer conditional expectations: 1,653 against 1,882 actual. The paper's
    // conditional-expectation chart (FHL 2005, Figure 4) shows the same under-forecast for x =
    // 1..2.
    assertThat(m.get("holdout.predicted_total")).isCloseTo(1653.4, within(1.0));
    assertThat(m)
        .containsKeys(
            "holdout.by_x.0.actual_mean",
            "holdout.by_x.7_plus.predicted_mean",
            "holdout.mean_absolute_error");
    // Another data set (no clv.reference): no published column.
    Result other =
        crm(
            "evaluate",
            "--calibration-end",
            CAL,
            "--holdout-end",
            HOLDOUT_END,
            "--set",
            "clv.model=bg-nbd",
            "--set",
            "clv.reference=none");
    assertThat(other.exit()).as(other.err()).isZero();
    assertThat(other.out())
        .containsPattern("(?m)^actual repeat transactions +1882$")
        .doesNotContain("published");
  }
}
