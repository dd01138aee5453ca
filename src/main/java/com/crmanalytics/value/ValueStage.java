package com.crmanalytics.value;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import com.crmanalytics.config.ClvSettings;
import com.crmanalytics.config.PipelineConfig;
import com.crmanalytics.contract.CustomerFeatures;
import com.crmanalytics.contract.CustomerValue;
import com.crmanalytics.contract.ModelRuns;
import com.crmanalytics.error.Errors;
import com.crmanalytics.features.IncrementalFeatures;
import com.crmanalytics.io.Warehouse;
import com.crmanalytics.model.FitResult;
import com.crmanalytics.model.Pattern;
import com.crmanalytics.pipeline.RunContext;
import com.crmanalytics.pipeline.RunLog.Counts;
import com.crmanalytics.pipeline.Stage;
import com.crmanalytics.pipeline.StageResult;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;

/**
 * Stage {@code value}: from {@code customer_features} at {@code as_of_date = D} (the BTYD summary
 * x, t_x, T, m_x built from silver orders on or before D), picks and fits the transaction model
 * ({@link ModelChoice}) and Gamma-Gamma, and writes {@code customer_value} for D (one row per
 * customer of the features: P(alive), expected purchases, clv, clv_lifetime, value at risk ({@link
 * ValueColumns}), p_no_purchase_model and churn_probability ({@link ChurnProbability})) and the
 * {@code model_runs} rows of every transaction model fitted, gamma-gamma and churn for D ({@link
 * ValueRuns}). Also from silver orders on or before D: the Gupta &amp; Lehmann baseline ({@link
 * ValueBaseline}). Everything is computed and checked for finiteness ({@link ValueGate}) before the
 * first write; a fit that cannot be made, or a customer that cannot be scored, writes nothing (exit
 * 3, naming the cause or the customer).
 */
public final class ValueStage implements Stage<ValueStage.Result> {
  public static final String STAGE = "value";
  public static final String CHURN = ModelRuns.CHURN;

  /**
   * The columns of customer_features the stage uses at its cutoff dates (the holdout, the churn
   * classifier's sets, the tracking chart). Selecting only these lets Spark drop the rest of the
   * recompute: the service and campaign aggregations and the money sums (at 1M customers the
   * patterns of D and both cutoffs took 37 s of Spark job time instead of 90–116 s, the results
   * unchanged to the bit).
   */
  static final List<String> AT_CUTOFF =
      List.of(
          CustomerFeatures.CUSTOMER_ID,
          CustomerFeatures.RECENCY_DAYS,
          CustomerFeatures.TENURE_DAYS,
          CustomerFeatures.X,
          CustomerFeatures.T_X,
          CustomerFeatures.T);

  /**
   * What one run of the stage did: the fits of the chosen model and Gamma-Gamma, the models'
   * choice, the summary of the run and the churn row's metrics.
   */
  public record Result(
      long customers,
      BtydFit.Fits fits,
      ModelChoice.Choice choice,
      ValueSummary summary,
      Map<String, Double> churnMetrics,
      String message)
      implements StageResult {
    @Override
    public Counts counts() {
      return new Counts(customers, customers, null, null);
    }
  }

  private final ValueSettings settings;

  public ValueStage(ValueSettings settings) {
    this.settings = settings;
  }

  /** The stage with its settings from {@code config}. */
  public static ValueStage from(PipelineConfig config) {
    return new ValueStage(ValueSettings.from(config));
  }

  @Override
  public String name() {
    return STAGE;
  }

  @Override
  public Result run(RunContext ctx) {
    LocalDate d = ctx.businessDate();
    Warehouse wh = ctx.warehouse();
    ClvSettings clv = settings.clv();
    Dataset<Row> features =
        ctx.persist(
            wh.read(CustomerFeatures.CONTRACT)
                .filter(col(CustomerFeatures.AS_OF_DATE).equalTo(lit(d))));
    long customers = features.count();
    if (customers == 0) {
      throw Errors.missingInput(
          "customer_features for " + d + " (run: crm features --date " + d + ")",
          wh.path(CustomerFeatures.CONTRACT));
    }
    List<Pattern> patterns = BtydFit.patterns(features, 7.0 / clv.timeUnit().days());
    long repeatBuyers = BtydFit.checkRepeatBuyers(patterns, d, clv);
    Function<LocalDate, Dataset<Row>> featuresAsOf =
        c ->
            IncrementalFeatures.storedOrRecomputed(
                    ctx,
                    c,
                    settings.windowDays(),
                    clv.timeUnit(),
                    settings.configHash(),
                    settings.incrementalFromCustomers())
                .select(AT_CUTOFF.stream().map(functions::col).toArray(Column[]::new));
    ModelChoice.Choice choice =
        ModelChoice.choose(wh, settings, d, features, patterns, featuresAsOf);
    ctx.release(choice.atCutoff());
    FitResult spend = BtydFit.fitSpend(features, d);
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
            settings.quietUnits());
    BtydFit.Fits fits = new BtydFit.Fits(choice.chosen().fit(), spend, repeatBuyers, scorer);

    ValueBaseline.Estimate baseline = ValueBaseline.estimate(wh, d, settings.windowDays(), clv);
    Dataset<Row> scored =
        ValueBaseline.add(
            ValueColumns.score(features, scorer, choice.chosen().type().configName(), clv),
            col(ValueColumns.MARGIN),
            baseline.perWindowMargin());
    ChurnProbability.Outcome churn =
        ChurnProbability.add(wh, settings, d, scored, features, scorer, choice, featuresAsOf);
    Dataset<Row> values = ctx.persist(ValueColumns.finish(churn.rows(), settings.churn()));
    ValueGate.Totals totals = ValueGate.check(values, features, scorer, baseline.available(), d);
    ValueSummary summary =
        new ValueSummary(
            customers,
            repeatBuyers,
            fits.transactions(),
            totals,
            baseline,
            ValueInterval.compute(features, choice, spend, clv, totals));

    ValueOutlook.Outlook outlook = ValueOutlook.compute(wh, d, choice, spend, features, clv);
    wh.replaceDate(CustomerValue.CONTRACT, CustomerValue.AS_OF_DATE, d, values);
    ValueRuns.write(
        ctx, d, choice, spend, clv, settings.churn(), summary.metrics(), churn.metrics());
    ValueOutlook.write(ctx, d, outlook);
    return new Result(
        customers,
        fits,
        choice,
        summary,
        churn.metrics(),
        message(d, customers, fits, choice, churn));
  }

  /** The stage's line: what was valued, with which model chosen how, and the holdout check. */
  private String message(
      LocalDate d,
      long customers,
      BtydFit.Fits fits,
      ModelChoice.Choice choice,
      ChurnProbability.Outcome churn) {
    return String.format(
            Locale.ROOT,
            "%d customers valued as of %s with %s (%s; chosen %s), gamma-gamma; P(alive) from %s; churn_probability "
                + "from %s",
            customers,
            d,
            choice.chosen().type().configName(),
            params(fits.transactions()),
            !settings.clv().auto()
                ? "by clv.model"
                : choice.byHoldout() ? "by holdout error" : "by AIC",
            choice.hasLeft().type().configName(),
            churn.classifierUsed() ? "the classifier" : "the transaction model")
        + holdoutSummary(choice);
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
