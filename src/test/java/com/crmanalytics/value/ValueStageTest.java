package com.crmanalytics.value;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.crmanalytics.contract.CustomerValue;
import com.crmanalytics.contract.ModelRuns;
import com.crmanalytics.contract.Orders;
import com.crmanalytics.contract.ReportForecast;
import com.crmanalytics.contract.ReportTracking;
import com.crmanalytics.error.CrmException;
import com.crmanalytics.error.ExitCode;
import com.crmanalytics.features.FeaturesStage;
import com.crmanalytics.pipeline.RunContext;
import com.crmanalytics.testing.Rows;
import com.crmanalytics.testing.TestSpark;
import java.nio.file.Path;
import java.sql.Date;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The value stage on tiny fixtures: its refusals (too little data is exit 3 and writes nothing),
 * the Gupta &amp; Lehmann baseline with a hand-computed retention rate, and the nightly holdout
 * check over the churn horizon.
 */
class ValueStageTest {
  @TempDir Path tmp;

  private static final LocalDate D = LocalDate.of(2026, 3, 31);

  /**
   * Orders up to D = 2026-03-31 (and one after). With rfm.window-days = 73 the last window is
   * (2026-01-17, D] and the previous one (2025-11-05, 2026-01-17]. Previous-window buyers: A, B, C,
   * E, H, J (6); of them A, B, H bought again in the last window (3): E only returned goods there,
   * J's second order is after D, G and I bought on or before 2025-11-05, F only in the last window.
   * B's lines carry costs (margin ratio 25/40); the others use clv.margin-rate.
   */
  private static void orders(RunContext ctx) {
    Rows rows = Rows.of(Orders.CONTRACT);
    Object[][] lines = {
      {"A", "2025-10-01T10:00:00Z", "20.00", null},
      {"A", "2025-12-01T10:00:00Z", "30.00", null},
      {"A", "2026-02-01T10:00:00Z", "40.00", null},
      {"A", "2026-02-25T10:00:00Z", "12.00", null},
      {"B", "2025-11-10T10:00:00Z", "15.00", "5.00"},
      {"B", "2026-03-20T10:00:00Z", "25.00", "10.00"},
      {"C", "2025-12-15T10:00:00Z", "50.00", null},
      {"C", "2025-10-15T10:00:00Z", "5.00", null},
      {"E", "2025-12-20T10:00:00Z", "40.00", null},
      {"E", "2026-02-10T10:00:00Z", "-15.00", null},
      {"F", "2026-02-15T10:00:00Z", "30.00", null},
      {"F", "2026-03-10T10:00:00Z", "20.00", null},
      {"G", "2025-10-20T10:00:00Z", "35.00", null},
      {"G", "2025-11-01T10:00:00Z", "10.00", null},
      {"G", "2025-10-25T10:00:00Z", "14.00", null},
      {"H", "2026-01-17T23:30:00Z", "12.00", null},
      {"H", "2026-03-31T23:59:00Z", "18.00", null},
      {"I", "2025-11-05T12:00:00Z", "22.00", null},
      {"I", "2026-02-20T10:00:00Z", "8.00", null},
      {"I", "2025-10-05T10:00:00Z", "9.00", null},
      {"J", "2025-12-01T10:00:00Z", "10.00", null},
      {"J", "2026-04-02T10:00:00Z", "99.00", null}
    };
    for (int i = 0; i < lines.length; i++) {
      rows.row(
          Orders.ORDER_ID,
          "O" + i,
          Orders.LINE_NO,
          1,
          Orders.CUSTOMER_ID,
          lines[i][0],
          Orders.ORDER_TS,
          lines[i][1],
          Orders.AMOUNT,
          lines[i][2],
          Orders.COST,
          lines[i][3]);
    }
    fillers(rows);
    ctx.warehouse().merge(Orders.CONTRACT, rows.dataset());
  }

  static final int FILLERS = 40;

  /**
   * Forty customers who first bought between 2025-08-10 and 2025-09-24 and then 0 to 6 times until
   * 2025-11-04 at most: after no window, baseline or holdout date that the hand computations use,
   * but with purchase rates spread enough for the honest fitter (nine customers alone make every
   * model run to a bound).
   */
  private static void fillers(Rows rows) {
    LocalDate last = LocalDate.of(2025, 11, 4);
    for (int i = 0; i < FILLERS; i++) {
      LocalDate day = LocalDate.of(2025, 8, 10).plusDays(5L * (i % 10));
      int spacing = 3 + 2 * (i % 4);
      for (int k = 0; k <= i % 7 && !day.isAfter(last); k++, day = day.plusDays(spacing)) {
        rows.row(
            Orders.ORDER_ID,
            "F" + i + "-" + k,
            Orders.LINE_NO,
            1,
            Orders.CUSTOMER_ID,
            "F" + i,
            Orders.ORDER_TS,
            day + "T10:00:00Z",
            Orders.AMOUNT,
            (10 + i) + ".00");
      }
    }
  }

  private RunContext context(Map<String, String> more) {
    Map<String, String> settings =
        new HashMap<>(
            Map.of(
                "clv.min-repeat-buyers",
                "3",
                "rfm.window-days",
                "73",
                "clv.margin-rate",
                "0.5",
                "clv.annual-discount-rate",
                "0.10"));
    settings.putAll(more);
    return TestSpark.context(D, tmp.resolve("landing"), tmp.resolve("warehouse"), settings);
  }

  private static Map<String, Double> transactionMetrics(RunContext ctx) {
    Row run =
        ctx.warehouse()
            .read(ModelRuns.CONTRACT)
            .filter("as_of_date = DATE'" + D + "' AND metrics['" + ModelRuns.CHOSEN + "'] = 1")
            .first();
    return run.getJavaMap(run.fieldIndex(ModelRuns.METRICS));
  }

  private static Map<String, Double> baselines(RunContext ctx) {
    Map<String, Double> byCustomer = new HashMap<>();
    for (Row r :
        ctx.warehouse()
            .read(CustomerValue.CONTRACT)
            .filter("as_of_date = DATE'" + D + "'")
            .select(CustomerValue.CUSTOMER_ID, CustomerValue.CLV_BASELINE)
            .collectAsList()) {
      byCustomer.put(r.getString(0), r.isNullAt(1) ? null : r.getDouble(1));
    }
    return byCustomer;
  }

  @Test
  void baselineClvUsesTheMeasuredRetentionAndTheHoldoutMatchesCrmEvaluate() {
    // An explicit model: crm evaluate under auto would choose by AIC at its calibration end, not by
    // the nightly holdout.
    RunContext ctx = context(Map.of("churn.horizon-days", "30", "clv.model", "bg-nbd"));
    orders(ctx);
    TestSpark.run(FeaturesStage::from, ctx);
    TestSpark.run(ValueStage::from, ctx);

    // r over 73 days = 3/6; per year r = 0.5^(365/73) = 0.5^5 = 0.03125; one unit of window margin
    // is worth
    // 365/73 · r / (1 + 0.10 − r) = 5 · 0.03125 / 1.06875.
    double perUnit = 5 * 0.03125 / 1.06875;
    Map<String, Double> m = transactionMetrics(ctx);
    assertThat(m)
        .containsEntry("baseline.available", 1.0)
        .containsEntry("baseline.previous_window_customers", 6.0)
        .containsEntry("baseline.retained_customers", 3.0)
        .containsEntry("baseline.window_retention_rate", 0.5);
    assertThat(m.get("baseline.retention_rate")).isCloseTo(0.03125, within(1e-15));

    // window net revenue (2026-01-17, D] × margin ratio × perUnit
    Map<String, Double> baseline = baselines(ctx);
    assertThat(baseline.get("A")).isCloseTo(52 * 0.5 * perUnit, within(1e-9));
    assertThat(baseline.get("B")).isCloseTo(25 * (25.0 / 40) * perUnit, within(1e-9));
    assertThat(baseline.get("C")).isEqualTo(0.0);
    assertThat(baseline.get("E")).isCloseTo(-15 * 0.5 * perUnit, within(1e-9));
    assertThat(baseline.get("H")).isCloseTo(18 * 0.5 * perUnit, within(1e-9));
    assertThat(baseline.get("J")).isEqualTo(0.0);
    assertThat(baseline).hasSize(9 + FILLERS);
    double sum = baseline.values().stream().mapToDouble(Double::doubleValue).sum();
    assertThat(m.get("sum_clv_baseline")).isCloseTo(sum, within(1e-9));
    assertThat(sum)
        .isCloseTo(
            (52 * 0.5 + 25 * 0.625 - 15 * 0.5 + 50 * 0.5 + 18 * 0.5 + 8 * 0.5) * perUnit,
            within(1e-9));

    // The nightly holdout over (2026-03-01, D]: B, F and H bought again, 9 customers (and the
    // fillers) were known at
    // the cutoff.
    assertThat(m)
        .containsEntry("holdout.available", 1.0)
        .containsEntry("holdout.customers", 9.0 + FILLERS)
        .containsEntry("holdout.actual_total", 3.0);
    assertThat(m.get("holdout.length_units")).isCloseTo(30 / 7.0, within(1e-12));
    assertThat(m.get("holdout.predicted_total")).isPositive();
    // The same comparison as crm evaluate over the same dates: the same fit, the same numbers under
    // the same names.
    Map<String, Double> evaluated = EvaluateStage.run(ctx, D.minusDays(30), D).metrics();
    assertThat(evaluated).containsKeys("holdout.by_x.0.customers", "holdout.by_x.1.predicted_mean");
    for (Map.Entry<String, Double> e : evaluated.entrySet()) {
      assertThat(m.get(e.getKey())).as(e.getKey()).isCloseTo(e.getValue(), within(1e-9));
    }
    assertThat(
            m.keySet().stream()
                .filter(k -> k.startsWith("holdout.") && !k.equals("holdout.available")))
        .containsExactlyInAnyOrderElementsOf(evaluated.keySet());
    assertThat(m.values()).allMatch(Double::isFinite);
    forecastAndTracking(ctx, m);
  }

  /**
   * report_forecast and report_tracking of the run: the twelve months add up to the customers'
   * expected purchases over the 12-month CLV horizon, and the tracking's holdout is the holdout
   * check's.
   */
  private static void forecastAndTracking(RunContext ctx, Map<String, Double> m) {
    List<Row> months =
        ctx.warehouse()
            .read(ReportForecast.CONTRACT)
            .filter("as_of_date = DATE'" + D + "'")
            .orderBy(ReportForecast.MONTH)
            .collectAsList();
    assertThat(months).hasSize(12);
    assertThat(months.get(0).<Date>getAs(ReportForecast.PERIOD_START).toLocalDate())
        .isEqualTo(D.plusDays(1));
    assertThat(months.get(11).<Date>getAs(ReportForecast.PERIOD_END).toLocalDate())
        .isEqualTo(D.plusDays(365));
    double purchases = months.stream().mapToDouble(r -> r.getAs(ReportForecast.PURCHASES)).sum();
    assertThat(purchases).isCloseTo(m.get("sum_expected_purchases"), within(1e-6 * purchases));
    for (Row r : months) {
      assertThat(r.<Double>getAs(ReportForecast.REVENUE)).isPositive();
      assertThat(r.<String>getAs(ReportForecast.MODEL)).isEqualTo("bg-nbd");
    }
    List<Row> points =
        ctx.warehouse()
            .read(ReportTracking.CONTRACT)
            .filter("as_of_date = DATE'" + D + "'")
            .orderBy(ReportTracking.POINT_DATE)
            .collectAsList();
    Row last = points.get(points.size() - 1);
    assertThat(last.<Date>getAs(ReportTracking.POINT_DATE).toLocalDate()).isEqualTo(D);
    LocalDate cutoff = D.minusDays(30);
    Row atCutoff =
        points.stream()
            .filter(r -> r.<Date>getAs(ReportTracking.POINT_DATE).toLocalDate().equals(cutoff))
            .findFirst()
            .orElseThrow();
    assertThat(atCutoff.<String>getAs(ReportTracking.PERIOD)).isEqualTo(ReportTracking.CALIBRATION);
    assertThat(last.<String>getAs(ReportTracking.PERIOD)).isEqualTo(ReportTracking.HOLDOUT);
    assertThat(last.<Long>getAs(ReportTracking.CUSTOMERS).doubleValue())
        .isEqualTo(m.get("holdout.customers"));
    // the repeat purchases after the cutoff are the holdout check's actual total
    assertThat(
            last.<Long>getAs(ReportTracking.ACTUAL) - atCutoff.<Long>getAs(ReportTracking.ACTUAL))
        .isEqualTo(m.get("holdout.actual_total").longValue());
    assertThat(points)
        .allMatch(r -> r.<Double>getAs(ReportTracking.EXPECTED) >= 0)
        .isSortedAccordingTo(
            java.util.Comparator.comparingDouble(r -> r.<Double>getAs(ReportTracking.EXPECTED)));
  }

  @Test
  void tooFewRepeatBuyersStopWithExit3AndWriteNothing() {
    LocalDate d = LocalDate.of(2026, 3, 31);
    RunContext ctx =
        TestSpark.context(
            d,
            tmp.resolve("landing"),
            tmp.resolve("warehouse"),
            Map.of("clv.min-repeat-buyers", "3"));
    ctx.warehouse()
        .merge(
            Orders.CONTRACT,
            Rows.of(Orders.CONTRACT)
                .row(
                    Orders.ORDER_ID,
                    "O1",
                    Orders.LINE_NO,
                    1,
                    Orders.CUSTOMER_ID,
                    "A",
                    Orders.ORDER_TS,
                    "2026-01-05T10:00:00Z",
                    Orders.AMOUNT,
                    "20.00")
                .row(
                    Orders.ORDER_ID,
                    "O2",
                    Orders.LINE_NO,
                    1,
                    Orders.CUSTOMER_ID,
                    "A",
                    Orders.ORDER_TS,
                    "2026-02-05T10:00:00Z",
                    Orders.AMOUNT,
                    "30.00")
                .row(
                    Orders.ORDER_ID,
                    "O3",
                    Orders.LINE_NO,
                    1,
                    Orders.CUSTOMER_ID,
                    "B",
                    Orders.ORDER_TS,
                    "2026-01-07T10:00:00Z",
                    Orders.AMOUNT,
                    "15.00")
                .row(
                    Orders.ORDER_ID,
                    "O4",
                    Orders.LINE_NO,
                    1,
                    Orders.CUSTOMER_ID,
                    "B",
                    Orders.ORDER_TS,
                    "2026-03-07T10:00:00Z",
                    Orders.AMOUNT,
                    "25.00")
                .row(
                    Orders.ORDER_ID,
                    "O5",
                    Orders.LINE_NO,
                    1,
                    Orders.CUSTOMER_ID,
                    "C",
                    Orders.ORDER_TS,
                    "2026-02-01T10:00:00Z",
                    Orders.AMOUNT,
                    "10.00")
                .dataset());
    TestSpark.run(FeaturesStage::from, ctx);

    assertThatThrownBy(() -> TestSpark.run(ValueStage::from, ctx))
        .isInstanceOf(CrmException.class)
        .hasMessageContaining("2 customers with a repeat purchase on or before 2026-03-31")
        .hasMessageContaining("clv.min-repeat-buyers = 3")
        .hasMessageContaining("nothing written")
        .satisfies(e -> assertThat(((CrmException) e).exitCode()).isEqualTo(ExitCode.DATA_QUALITY));
    assertThat(ctx.warehouse().exists(CustomerValue.CONTRACT)).isFalse();
    assertThat(ctx.warehouse().exists(ModelRuns.CONTRACT)).isFalse();
  }

  @Test
  void withoutPreviousWindowBuyersOrACutoffFitTheMetricsSayWhyAndNothingIsMadeUp() {
    // A 400-day window: the previous one, (2024-01-22, 2025-02-25], has no orders. A 240-day churn
    // horizon: at the
    // cutoff 2025-08-03 nobody has bought yet, too few to fit (clv.min-repeat-buyers = 3).
    RunContext ctx = context(Map.of("rfm.window-days", "400", "churn.horizon-days", "240"));
    orders(ctx);
    TestSpark.run(FeaturesStage::from, ctx);
    TestSpark.run(ValueStage::from, ctx);

    assertThat(baselines(ctx))
        .hasSize(9 + FILLERS)
        .allSatisfy((customer, value) -> assertThat(value).as(customer).isNull());
    Map<String, Double> m = transactionMetrics(ctx);
    assertThat(m)
        .containsEntry("baseline.available", 0.0)
        .containsEntry(ModelRuns.BASELINE_HISTORY_TOO_SHORT, 1.0)
        .containsEntry("baseline.previous_window_customers", 0.0)
        .containsEntry(ModelRuns.CHOSEN_BY_HOLDOUT, 0.0)
        .doesNotContainKeys("baseline.retention_rate", "sum_clv_baseline")
        .containsEntry("holdout.available", 0.0);
    assertThat(m.keySet())
        .filteredOn(k -> k.startsWith("holdout."))
        .containsExactly("holdout.available");
    // auto chose by AIC among the three models, each recorded with its fit
    assertThat(
            ctx.warehouse()
                .read(ModelRuns.CONTRACT)
                .filter("model IN ('bg-nbd', 'mbg-nbd', 'pareto-nbd')")
                .count())
        .isEqualTo(3);
    assertThat(m.values()).allMatch(Double::isFinite);
    Row churn = ctx.warehouse().read(ModelRuns.CONTRACT).filter("model = 'churn'").first();
    assertThat(churn.<String, Double>getJavaMap(churn.fieldIndex(ModelRuns.METRICS)))
        .containsEntry(ModelRuns.CHURN_CLASSIFIER_USED, 0.0)
        .containsEntry(ModelRuns.CHURN_CLASSIFIER_TRAINED, 0.0);
    // churn_probability is then the model's own P(no purchase in the horizon), for everyone
    assertThat(
            ctx.warehouse()
                .read(CustomerValue.CONTRACT)
                .filter("churn_probability != p_no_purchase_model OR churn_probability IS NULL")
                .count())
        .isZero();
  }

  @Test
  void scorerGivesFiniteScoresForEveryKindOfCustomer() {
    Scorer s =
        new Scorer(
            com.crmanalytics.model.TransactionModelType.BG_NBD,
            Map.of("r", 0.2426, "alpha", 4.4135, "a", 0.7929, "b", 2.4259),
            Map.of("p", 6.2496, "q", 3.7442, "gamma", 15.4435),
            12,
            0.10,
            7);
    // first seen on D, one-time buyer, repeat buyer, heavy buyer, repeat buyer with zero spend
    double[][] rows = {
      s.score(0, 0, 0, null),
      s.score(0, 0, 20, null),
      s.score(2, 30.43, 38.86, 20.0),
      s.score(150, 38, 38.5, 80.0),
      s.score(3, 10, 30, 0.0)
    };
    for (double[] r : rows) {
      assertThat(r).isNotNull();
      for (double v : r) {
        assertThat(v).isFinite();
      }
    }
    assertThat(rows[0][Scorer.P_ALIVE]).isEqualTo(1.0);
    assertThat(rows[2][Scorer.P_ALIVE])
        .isCloseTo(0.727, org.assertj.core.api.Assertions.within(0.0005));
    // population mean spend γp/(q−1) for x = 0
    assertThat(rows[1][Scorer.SPEND])
        .isCloseTo(15.4435 * 6.2496 / 2.7442, org.assertj.core.api.Assertions.within(1e-9));
  }
}
