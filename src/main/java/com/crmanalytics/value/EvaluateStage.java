package com.crmanalytics.value;

import static org.apache.spark.sql.functions.abs;
import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.covar_pop;
import static org.apache.spark.sql.functions.least;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.stddev_pop;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.try_divide;

import com.crmanalytics.contract.CustomerFeatures;
import com.crmanalytics.contract.ModelRuns;
import com.crmanalytics.contract.PipelineRuns;
import com.crmanalytics.error.Errors;
import com.crmanalytics.features.FeaturesStage;
import com.crmanalytics.io.Warehouse;
import com.crmanalytics.pipeline.RunContext;
import com.crmanalytics.pipeline.RunLog.Counts;
import java.sql.Date;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.storage.StorageLevel;

/**
 * Stage {@code evaluate}: fits {@code clv.model} on the summary of silver orders as of the
 * calibration end D1, predicts each of those customers' repeat transactions in (D1, D2], compares
 * with what the orders of (D1, D2] show, and records the fit and the comparison in {@code
 * model_runs} ({@code as_of_date = D1}, {@code model = '<clv.model>-holdout'}). Both summaries come
 * from {@link FeaturesStage#asOf}.
 */
public final class EvaluateStage {
  public static final String STAGE = "evaluate";

  /** Calibration purchases of the last "x or more" group of the conditional-expectation table. */
  public static final int MAX_X_GROUP = 7;

  private static final String ACTUAL = "_actual";
  private static final String PREDICTED = "_predicted";
  private static final String GROUP = "_x_group";
  private static final String X_LATER = "_x_later";

  /** One row of the conditional-expectation table: mean holdout transactions by calibration x. */
  public record Group(int x, long customers, double actualMean, double predictedMean) {}

  /**
   * Predicted against actual repeat transactions in a holdout of {@code lengthUnits} time units:
   * totals, the per-customer correlation and mean absolute error, the table by calibration x, and
   * all of it as {@code metrics} under the {@code holdout.*} names of model_runs (non-finite values
   * left out).
   */
  public record Comparison(
      long customers,
      double lengthUnits,
      double actualTotal,
      double predictedTotal,
      double correlation,
      double meanAbsoluteError,
      List<Group> byX,
      Map<String, Double> metrics) {}

  /** The outcome: the fit, totals, correlation, mean absolute error and the table by x. */
  public record Result(
      BtydFit.Fits fits,
      double holdoutLength,
      long customers,
      double actualTotal,
      double predictedTotal,
      double correlation,
      double meanAbsoluteError,
      List<Group> byX,
      Map<String, Double> metrics) {}

  private EvaluateStage() {}

  public static Result run(RunContext ctx, LocalDate calibrationEnd, LocalDate holdoutEnd) {
    if (!holdoutEnd.isAfter(calibrationEnd)) {
      throw Errors.usage(
          "--holdout-end ("
              + holdoutEnd
              + ") must be after --calibration-end ("
              + calibrationEnd
              + ")");
    }
    Instant started = Instant.now();
    ctx.spark()
        .sparkContext()
        .setJobGroup(STAGE, STAGE + " " + calibrationEnd + ".." + holdoutEnd, false);
    Warehouse wh = ctx.warehouse();
    ValueSettings config = ValueSettings.from(ctx.config());
    try {
      int window = config.windowDays();
      Dataset<Row> calibration =
          FeaturesStage.asOf(wh, calibrationEnd, window, config.clv().timeUnit())
              .select(
                  CustomerFeatures.CUSTOMER_ID,
                  CustomerFeatures.X,
                  CustomerFeatures.T_X,
                  CustomerFeatures.T,
                  CustomerFeatures.M_X)
              .persist(StorageLevel.MEMORY_AND_DISK());
      BtydFit.Fits fits = BtydFit.fit(calibration, calibrationEnd, config.clv());
      double t =
          ChronoUnit.DAYS.between(calibrationEnd, holdoutEnd)
              / (double) config.clv().timeUnit().days();
      Dataset<Row> later =
          FeaturesStage.asOf(wh, holdoutEnd, window, config.clv().timeUnit())
              .select(CustomerFeatures.CUSTOMER_ID, CustomerFeatures.X);
      Comparison holdout = compare(calibration, later, fits.scorer(), t);
      calibration.unpersist();
      Map<String, Double> metrics = holdout.metrics();
      Map<String, Double> params = new LinkedHashMap<>(fits.transactions().params());
      params.put(ModelRuns.TIME_UNIT_DAYS, (double) config.clv().timeUnit().days());
      params.put(
          ModelRuns.HOLDOUT_DAYS, (double) ChronoUnit.DAYS.between(calibrationEnd, holdoutEnd));
      String model = fits.transactions().model() + "-holdout";
      Row run =
          RowFactory.create(
              ctx.runId(),
              Date.valueOf(calibrationEnd),
              model,
              params,
              fits.transactions().logLikelihood(),
              fits.transactions().n(),
              fits.transactions().converged(),
              fits.transactions().iterations(),
              metrics,
              null);
      wh.replaceDate(
          ModelRuns.CONTRACT,
          ModelRuns.AS_OF_DATE,
          calibrationEnd,
          ModelRuns.MODEL,
          List.of(model),
          ctx.spark().createDataFrame(List.of(run), ModelRuns.CONTRACT.schema()));
      Result result =
          new Result(
              fits,
              t,
              holdout.customers(),
              holdout.actualTotal(),
              holdout.predictedTotal(),
              holdout.correlation(),
              holdout.meanAbsoluteError(),
              holdout.byX(),
              metrics);
      ctx.log()
          .record(
              STAGE,
              PipelineRuns.SUCCEEDED,
              started,
              new Counts(result.customers(), result.customers(), null, null),
              String.format(
                  Locale.ROOT,
                  "%s holdout %s..%s: actual %.0f, predicted %.1f, correlation %.3f",
                  model,
                  calibrationEnd,
                  holdoutEnd,
                  result.actualTotal(),
                  result.predictedTotal(),
                  result.correlation()));
      return result;
    } catch (RuntimeException e) {
      ctx.log().record(STAGE, PipelineRuns.FAILED, started, Counts.NONE, e.getMessage());
      throw e;
    } finally {
      ctx.spark().sparkContext().clearJobGroup();
    }
  }

  /**
   * Compares, for each customer of {@code calibration} (customer_id, x, t_x, T as of the
   * calibration end), the repeat transactions {@code scorer} expects in the next {@code t} time
   * units with those that happened: x in {@code later} (customer_id, x as of the holdout end) minus
   * x at the calibration end, since every purchase day after the calibration end of a customer
   * already known then is a repeat transaction. Used by {@code crm evaluate} and by the value
   * stage's nightly check over the churn horizon.
   *
   * @throws com.crmanalytics.error.CrmException exit 3 when a prediction is not a finite number
   */
  public static Comparison compare(
      Dataset<Row> calibration, Dataset<Row> later, Scorer scorer, double t) {
    Dataset<Row> joined =
        calibration
            .join(
                later.select(
                    col(CustomerFeatures.CUSTOMER_ID), col(CustomerFeatures.X).as(X_LATER)),
                CustomerFeatures.CUSTOMER_ID)
            .withColumn(ACTUAL, col(X_LATER).minus(col(CustomerFeatures.X)).cast("double"))
            .withColumn(
                PREDICTED,
                scorer
                    .expectedUdf()
                    .apply(
                        col(CustomerFeatures.X),
                        col(CustomerFeatures.T_X),
                        col(CustomerFeatures.T),
                        lit(t)))
            .withColumn(GROUP, least(col(CustomerFeatures.X), lit(MAX_X_GROUP)))
            .select(ACTUAL, PREDICTED, GROUP)
            .persist(StorageLevel.MEMORY_AND_DISK());
    try {
      // corr divides by zero under ANSI SQL when nobody (or everybody alike) bought in the holdout:
      // null instead
      Column pearson =
          try_divide(
              covar_pop(col(ACTUAL), col(PREDICTED)),
              stddev_pop(col(ACTUAL)).multiply(stddev_pop(col(PREDICTED))));
      Row totals =
          joined
              .agg(
                  count(lit(1)),
                  sum(ACTUAL),
                  sum(PREDICTED),
                  pearson,
                  avg(abs(col(ACTUAL).minus(col(PREDICTED)))),
                  count(col(PREDICTED)))
              .first();
      if (totals.getLong(5) != totals.getLong(0)) {
        throw Errors.modelFit(
            String.format(
                Locale.ROOT,
                "%d of %d holdout predictions are not finite numbers",
                totals.getLong(0) - totals.getLong(5),
                totals.getLong(0)),
            null);
      }
      List<Group> byX =
          joined
              .groupBy(GROUP)
              .agg(count(lit(1)), avg(ACTUAL), avg(PREDICTED))
              .orderBy(GROUP)
              .collectAsList()
              .stream()
              .map(r -> new Group(r.getInt(0), r.getLong(1), r.getDouble(2), r.getDouble(3)))
              .toList();
      long customers = totals.getLong(0);
      // No customers: the sums are null, and there is nothing to compare.
      double actual = totals.isNullAt(1) ? Double.NaN : totals.getDouble(1);
      double predicted = totals.isNullAt(2) ? Double.NaN : totals.getDouble(2);
      double correlation = totals.isNullAt(3) ? Double.NaN : totals.getDouble(3);
      double mae = totals.isNullAt(4) ? Double.NaN : totals.getDouble(4);
      Map<String, Double> metrics = new LinkedHashMap<>();
      metrics.put(ModelRuns.HOLDOUT_CUSTOMERS, (double) customers);
      metrics.put(ModelRuns.HOLDOUT_LENGTH_UNITS, t);
      metrics.put(ModelRuns.HOLDOUT_ACTUAL_TOTAL, actual);
      metrics.put(ModelRuns.HOLDOUT_PREDICTED_TOTAL, predicted);
      metrics.put(ModelRuns.HOLDOUT_CORRELATION, correlation);
      metrics.put(ModelRuns.HOLDOUT_MEAN_ABSOLUTE_ERROR, mae);
      for (Group g : byX) {
        String k = g.x() + (g.x() == MAX_X_GROUP ? "_plus" : "");
        metrics.put(ModelRuns.holdoutByX(k, ModelRuns.CUSTOMERS), (double) g.customers());
        metrics.put(ModelRuns.holdoutByX(k, ModelRuns.ACTUAL_MEAN), g.actualMean());
        metrics.put(ModelRuns.holdoutByX(k, ModelRuns.PREDICTED_MEAN), g.predictedMean());
      }
      metrics.values().removeIf(v -> !Double.isFinite(v));
      return new Comparison(customers, t, actual, predicted, correlation, mae, byX, metrics);
    } finally {
      joined.unpersist();
    }
  }
}
