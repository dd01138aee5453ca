package com.crmanalytics.value;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import com.crmanalytics.config.ChurnSettings;
import com.crmanalytics.config.ClvSettings;
import com.crmanalytics.config.PipelineConfig;
import com.crmanalytics.contract.CustomerFeatures;
import com.crmanalytics.contract.CustomerValue;
import com.crmanalytics.contract.ModelRuns;
import com.crmanalytics.contract.PipelineRuns;
import com.crmanalytics.error.Errors;
import com.crmanalytics.io.Warehouse;
import com.crmanalytics.model.FitResult;
import com.crmanalytics.model.ModelException;
import com.crmanalytics.model.Pattern;
import com.crmanalytics.pipeline.RunContext;
import com.crmanalytics.pipeline.RunLog.Counts;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.storage.StorageLevel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stage {@code value}: from {@code customer_features} at {@code as_of_date = D} (the BTYD summary
 * x, t_x, T, m_x built from silver orders on or before D), picks and fits the transaction model
 * ({@link ModelChoice}) and Gamma-Gamma, and writes {@code customer_value} for D (one row per
 * customer of the features: P(alive), expected purchases, clv, clv_lifetime, value at risk,
 * p_no_purchase_model and churn_probability ({@link ChurnProbability})) and the {@code model_runs}
 * rows of every transaction model fitted, gamma-gamma and churn for D ({@link ValueRuns}). Also
 * from silver orders on or before D: the Gupta &amp; Lehmann baseline ({@link ValueBaseline}).
 * Everything is computed and checked for finiteness before the first write; a fit that cannot be
 * made, or a customer that cannot be scored, writes nothing (exit 3, naming the cause or the
 * customer).
 */
public final class ValueStage {
  private static final Logger LOG = LoggerFactory.getLogger(ValueStage.class);
  public static final String STAGE = "value";
  public static final String CHURN = ModelRuns.CHURN;

  private static final String SCORES = "_scores";
  private static final String MARGIN = "_margin";

  /**
   * What one run of the stage did: the fits of the chosen model and Gamma-Gamma, the models'
   * choice, the transaction model's summary metrics and the churn metrics.
   */
  public record Result(
      long customers,
      BtydFit.Fits fits,
      ModelChoice.Choice choice,
      Map<String, Double> summary,
      Map<String, Double> churnMetrics,
      String message) {}

  private ValueStage() {}

  public static Result run(RunContext ctx) {
    Instant started = Instant.now();
    LocalDate d = ctx.businessDate();
    ctx.spark().sparkContext().setJobGroup(STAGE, STAGE + " " + d, false);
    Warehouse wh = ctx.warehouse();
    PipelineConfig config = ctx.config();
    ClvSettings clv = config.clv();
    Dataset<Row> values = null;
    Dataset<Row> features = null;
    ModelChoice.Choice choice = null;
    try {
      features =
          wh.read(CustomerFeatures.CONTRACT)
              .filter(col(CustomerFeatures.AS_OF_DATE).equalTo(lit(d)))
              .persist(StorageLevel.MEMORY_AND_DISK());
      long customers = features.count();
      if (customers == 0) {
        throw Errors.missingInput(
            "customer_features for " + d + " (run: crm features --date " + d + ")",
            wh.path(CustomerFeatures.CONTRACT));
      }
      List<Pattern> patterns = BtydFit.patterns(features, 7.0 / clv.timeUnit().days());
      long repeatBuyers = BtydFit.checkRepeatBuyers(patterns, d, clv);
      choice = ModelChoice.choose(wh, config, d, features, patterns);
      FitResult spend = BtydFit.fitSpend(features, d);
      double quietUnits = config.churn().horizonDays() / (double) clv.timeUnit().days();
      Scorer scorer =
          new Scorer(
              choice.chosen().type(),
              choice.chosen().fit().params(),
              choice.hasLeft().type(),
              choice.hasLeft().fit().params(),
              spend.params(),
              clv.horizonMonths(),
              clv.annualDiscountRate(),
              clv.timeUnit().days(),
              quietUnits);
      BtydFit.Fits fits = new BtydFit.Fits(choice.chosen().fit(), spend, repeatBuyers, scorer);
      Map<String, Double> summary = new LinkedHashMap<>();
      Double perWindowMargin =
          ValueBaseline.perWindowMargin(wh, d, config.rfm().windowDays(), clv, summary);
      Dataset<Row> scored =
          ValueBaseline.add(
              score(features, scorer, choice.chosen().type().configName(), clv),
              col(MARGIN),
              perWindowMargin);
      Map<String, Double> churnMetrics = new LinkedHashMap<>();
      Dataset<Row> withChurn =
          ChurnProbability.add(wh, config, d, scored, features, scorer, choice, churnMetrics);
      values = finish(withChurn, config.churn()).persist(StorageLevel.MEMORY_AND_DISK());
      Row check =
          values
              .agg(
                  count(lit(1)),
                  sum(when(notFinite(perWindowMargin != null), 1).otherwise(0)),
                  sum(col(CustomerValue.CLV)),
                  sum(col(CustomerValue.EXPECTED_PURCHASES)),
                  sum(col(CustomerValue.CLV_AT_RISK)),
                  sum(col(CustomerValue.CLV_BASELINE)),
                  sum(col(CustomerValue.CLV_LIFETIME)),
                  sum(lit(1.0).minus(col(CustomerValue.P_ALIVE))),
                  sum(col(CustomerValue.CHURN_PROBABILITY)))
              .first();
      if (check.getLong(1) > 0) {
        throw unscorable(
            values,
            features,
            scorer,
            perWindowMargin != null,
            check.getLong(1),
            check.getLong(0),
            d);
      }
      summary.put(ModelRuns.CUSTOMERS, (double) customers);
      summary.put(ModelRuns.REPEAT_BUYERS, (double) repeatBuyers);
      summary.put(ModelRuns.PATTERNS, (double) fits.transactions().patterns());
      summary.put(ModelRuns.EVALUATIONS, (double) fits.transactions().evaluations());
      summary.put(ModelRuns.SUM_CLV, check.getDouble(2));
      summary.put(ModelRuns.SUM_EXPECTED_PURCHASES, check.getDouble(3));
      summary.put(ModelRuns.SUM_CLV_AT_RISK, check.getDouble(4));
      if (!check.isNullAt(5)) {
        summary.put(ModelRuns.SUM_CLV_BASELINE, check.getDouble(5));
      }
      summary.put(ModelRuns.SUM_CLV_LIFETIME, check.getDouble(6));
      summary.put(ModelRuns.EXPECTED_LOST, check.getDouble(7));
      summary.put(ModelRuns.EXPECTED_QUIET, check.getDouble(8));
      summary.putAll(ValueInterval.compute(features, choice, spend, clv, summary));
      ValueOutlook.Outlook outlook = ValueOutlook.compute(ctx, d, choice, spend, features);
      wh.replaceDate(CustomerValue.CONTRACT, CustomerValue.AS_OF_DATE, d, values);
      ValueRuns.write(ctx, d, choice, spend, clv, config.churn(), summary, churnMetrics);
      ValueOutlook.write(ctx, d, outlook);
      String message =
          String.format(
                  Locale.ROOT,
                  "%d customers valued as of %s with %s (%s; chosen %s), gamma-gamma; P(alive) from %s; churn_probability "
                      + "from %s",
                  customers,
                  d,
                  choice.chosen().type().configName(),
                  params(fits.transactions()),
                  !clv.auto() ? "by clv.model" : choice.byHoldout() ? "by holdout error" : "by AIC",
                  choice.hasLeft().type().configName(),
                  Double.valueOf(1.0).equals(churnMetrics.get(ModelRuns.CHURN_CLASSIFIER_USED))
                      ? "the classifier"
                      : "the transaction model")
              + holdoutSummary(choice);
      LOG.info("value: {}", message);
      ctx.log()
          .record(
              STAGE,
              PipelineRuns.SUCCEEDED,
              started,
              new Counts(customers, customers, null, null),
              message);
      return new Result(customers, fits, choice, summary, churnMetrics, message);
    } catch (RuntimeException e) {
      ctx.log().record(STAGE, PipelineRuns.FAILED, started, Counts.NONE, e.getMessage());
      throw e;
    } finally {
      if (values != null) {
        values.unpersist();
      }
      if (features != null) {
        features.unpersist();
      }
      if (choice != null && choice.atCutoff() != null) {
        choice.atCutoff().unpersist();
      }
      ctx.spark().sparkContext().clearJobGroup();
    }
  }

  /**
   * Adds p_alive, expected_purchases, expected_avg_spend, clv, clv_lifetime, p_no_purchase_model
   * and the value if still active (margin × discounted value) to features.
   */
  static Dataset<Row> score(Dataset<Row> features, Scorer scorer, String model, ClvSettings clv) {
    Column s = col(SCORES);
    Column margin = col(MARGIN);
    return features
        .withColumn(
            SCORES,
            scorer
                .udf()
                .apply(
                    col(CustomerFeatures.X),
                    col(CustomerFeatures.T_X),
                    col(CustomerFeatures.T),
                    col(CustomerFeatures.M_X)))
        .withColumn(MARGIN, coalesce(col(CustomerFeatures.MARGIN_RATE), lit(clv.marginRate())))
        .withColumn(CustomerValue.P_ALIVE, s.getItem(Scorer.P_ALIVE))
        .withColumn(CustomerValue.EXPECTED_PURCHASES, s.getItem(Scorer.EXPECTED))
        .withColumn(CustomerValue.EXPECTED_AVG_SPEND, s.getItem(Scorer.SPEND))
        .withColumn(CustomerValue.CLV, s.getItem(Scorer.CLV_PER_MARGIN).multiply(margin))
        .withColumn(
            CustomerValue.CLV_LIFETIME, s.getItem(Scorer.CLV_LIFETIME_PER_MARGIN).multiply(margin))
        .withColumn(CustomerValue.P_NO_PURCHASE_MODEL, s.getItem(Scorer.P_NO_PURCHASE))
        // Value at risk = P(has left) × the value if still active, from the same (has-left) model.
        .withColumn(
            CustomerValue.CLV_AT_RISK,
            lit(1.0)
                .minus(s.getItem(Scorer.P_ALIVE))
                .multiply(s.getItem(Scorer.VALUE_IF_ACTIVE_PER_MARGIN))
                .multiply(margin))
        .withColumn(CustomerValue.MODEL, lit(model));
  }

  /** Risk band of churn_probability, in the columns of customer_value. */
  private static Dataset<Row> finish(Dataset<Row> rows, ChurnSettings churn) {
    Column p = col(CustomerValue.CHURN_PROBABILITY);
    return CustomerValue.CONTRACT.conform(
        rows.withColumn(
            CustomerValue.RISK_BAND,
            when(p.geq(churn.highFrom()), "high")
                .when(p.geq(churn.mediumFrom()), "medium")
                .otherwise("low")));
  }

  /**
   * Exit 3 naming the first customer (by id) whose scores are not finite numbers, with its summary
   * and the model's reason, scored again on the driver.
   */
  private static RuntimeException unscorable(
      Dataset<Row> values,
      Dataset<Row> features,
      Scorer scorer,
      boolean baselineAvailable,
      long bad,
      long all,
      LocalDate d) {
    Row first =
        values
            .filter(notFinite(baselineAvailable))
            .select(CustomerValue.CUSTOMER_ID)
            .join(features, CustomerFeatures.CUSTOMER_ID)
            .orderBy(CustomerFeatures.CUSTOMER_ID)
            .first();
    int x = first.getAs(CustomerFeatures.X);
    double tx = first.getAs(CustomerFeatures.T_X);
    double bigT = first.getAs(CustomerFeatures.T);
    Double mx = first.getAs(CustomerFeatures.M_X);
    String why;
    try {
      scorer.scoreOrThrow(x, tx, bigT, mx);
      why = "its churn probability or baseline is not a finite number";
    } catch (ModelException e) {
      why = e.getMessage();
    }
    return Errors.modelFit(
        String.format(
            Locale.ROOT,
            "customer %s (x = %d, t_x = %s, T = %s, m_x = %s) cannot be "
                + "scored as of %s: %s (%d of %d customers affected; nothing written)",
            first.getAs(CustomerFeatures.CUSTOMER_ID),
            x,
            tx,
            bigT,
            mx,
            d,
            why,
            bad,
            all),
        null);
  }

  /**
   * True where a value column is null, NaN or infinite; clv_baseline may be null only when it is
   * not available (then it is null for everyone).
   */
  private static Column notFinite(boolean baselineAvailable) {
    Column bad = lit(false);
    for (String c :
        List.of(
            CustomerValue.P_ALIVE,
            CustomerValue.EXPECTED_PURCHASES,
            CustomerValue.EXPECTED_AVG_SPEND,
            CustomerValue.CLV,
            CustomerValue.CLV_LIFETIME,
            CustomerValue.P_NO_PURCHASE_MODEL,
            CustomerValue.CHURN_PROBABILITY,
            CustomerValue.CLV_AT_RISK,
            CustomerValue.CLV_BASELINE)) {
      Column v = col(c);
      if (!c.equals(CustomerValue.CLV_BASELINE) || baselineAvailable) {
        bad = bad.or(v.isNull());
      }
      bad =
          bad.or(v.isNaN())
              .or(v.equalTo(Double.POSITIVE_INFINITY))
              .or(v.equalTo(Double.NEGATIVE_INFINITY));
    }
    return bad;
  }

  static String params(FitResult fit) {
    StringBuilder b = new StringBuilder();
    fit.params()
        .forEach(
            (k, v) ->
                b.append(b.length() == 0 ? "" : " ")
                    .append(k)
                    .append(' ')
                    .append(String.format(Locale.ROOT, "%.4f", v)));
    return b.toString();
  }

  /**
   * "; holdout over the churn horizon: A repeat purchases, P predicted" for the stage's message,
   * when available.
   */
  private static String holdoutSummary(ModelChoice.Choice choice) {
    EvaluateStage.Comparison h = choice.chosen().holdout();
    return h == null
        ? ""
        : String.format(
            Locale.ROOT,
            "; holdout over the churn horizon: %.0f repeat purchases, %.1f predicted",
            h.actualTotal(),
            h.predictedTotal());
  }
}
