package com.crmanalytics.value;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.least;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.pmod;
import static org.apache.spark.sql.functions.round;
import static org.apache.spark.sql.functions.xxhash64;

import com.crmanalytics.config.ClvSettings;
import com.crmanalytics.contract.CustomerFeatures;
import com.crmanalytics.error.Errors;
import com.crmanalytics.model.FitResult;
import com.crmanalytics.model.GammaGamma;
import com.crmanalytics.model.ModelException;
import com.crmanalytics.model.ModelFitter;
import com.crmanalytics.model.Pattern;
import com.crmanalytics.model.SpendPattern;
import com.crmanalytics.model.TransactionModelType;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fits the transaction model ({@code clv.model}) and Gamma-Gamma on the BTYD summary columns of
 * customer_features (x, t_x, T, m_x): the distinct (x, t_x, T) patterns and (x, m_x) spend patterns
 * are counted in Spark and collected, and the likelihoods run on the driver over them.
 */
public final class BtydFit {
  private static final Logger LOG = LoggerFactory.getLogger(BtydFit.class);

  /**
   * Above this many distinct spend patterns Gamma-Gamma is fitted on a seeded hash sample of the
   * repeat buyers (about this many): its three parameters are pinned down long before, and
   * collecting millions of distinct m_x to the driver buys nothing (the fit itself costs ~15 ns per
   * pattern and evaluation, ~600 evaluations: about 1 s at 130k patterns).
   */
  static final long MAX_SPEND_PATTERNS = 200_000;

  /** The fitted transaction and spend models, with the scorer built from them. */
  public record Fits(FitResult transactions, FitResult spend, long repeatBuyers, Scorer scorer) {}

  private BtydFit() {}

  /**
   * Fits {@code clv.model} (or, under auto, the model {@link ModelChoice} keeps by the same rule as
   * the nightly run) and Gamma-Gamma on the summary of date {@code d} (customer_features rows), as
   * crm evaluate does.
   *
   * @throws com.crmanalytics.error.CrmException exit 3 with too few repeat buyers or a failed fit
   */
  public static Fits fit(Dataset<Row> features, LocalDate d, ClvSettings clv) {
    List<Pattern> patterns = patterns(features, 7.0 / clv.timeUnit().days());
    long repeatBuyers = checkRepeatBuyers(patterns, d, clv);
    TransactionModelType type =
        clv.auto() ? ModelChoice.byAic(patterns, d) : TransactionModelType.fromConfig(clv.model());
    FitResult tx = fitTransactions(type, patterns, d);
    FitResult spend = fitSpend(features, d);
    Scorer scorer =
        new Scorer(
            type,
            tx.params(),
            spend.params(),
            clv.horizonMonths(),
            clv.annualDiscountRate(),
            clv.timeUnit().days());
    return new Fits(tx, spend, repeatBuyers, scorer);
  }

  /** The customers with a repeat purchase; exit 3 when fewer than clv.min-repeat-buyers. */
  static long checkRepeatBuyers(List<Pattern> patterns, LocalDate d, ClvSettings clv) {
    long repeatBuyers = patterns.stream().filter(p -> p.x() > 0).mapToLong(Pattern::count).sum();
    if (repeatBuyers < clv.minRepeatBuyers()) {
      throw Errors.modelFit(
          String.format(
              Locale.ROOT,
              "%d customers with a repeat purchase on or before %s, fewer than clv.min-repeat-buyers = %d: too little "
                  + "data to fit a transaction model (nothing written)",
              repeatBuyers,
              d,
              clv.minRepeatBuyers()),
          null);
    }
    return repeatBuyers;
  }

  /**
   * One transaction model's fit; exit 3 naming the model and the cause when it fails, a warning
   * when it does not converge (converged = false in what the caller records).
   */
  static FitResult fitTransactions(TransactionModelType type, List<Pattern> patterns, LocalDate d) {
    FitResult fit;
    try {
      fit = type.fit(patterns, new ModelFitter());
    } catch (ModelException e) {
      throw Errors.modelFit(
          type.configName() + ": " + e.getMessage() + " (as of " + d + "; nothing written)", e);
    }
    if (!fit.converged()) {
      // Used as it is, as the nightly value stage does when no model converges: said here and in
      // model_runs.
      LOG.warn(
          "{} did not converge on the purchases up to {}: {} ({}); its numbers are uncertain",
          type.configName(),
          d,
          fit.diagnostic(),
          fit.params());
    }
    return fit;
  }

  /** Gamma-Gamma on the repeat buyers' spend; exit 3 naming the cause when it fails. */
  static FitResult fitSpend(Dataset<Row> features, LocalDate d) {
    try {
      return GammaGamma.fit(spendPatterns(features), new ModelFitter());
    } catch (ModelException e) {
      throw Errors.modelFit(
          "gamma-gamma: " + e.getMessage() + " (as of " + d + "; nothing written)", e);
    }
  }

  /**
   * Above this many distinct (x, t_x, T) the fit runs on patterns with t_x and T rounded to whole
   * weeks. Below it the patterns are exact: the likelihood costs ~25 ns of CPU per pattern and
   * evaluation and a fit takes ~750 evaluations, so at 1M customers over two years in days (~320k
   * patterns) BG/NBD fits in ~3 s and Pareto/NBD in ~6 s on the shared 2-core machine
   * (bench/README.md, "Model fit at 1M customers"). The cap only bounds what is collected to the
   * driver and the fit time (~20 s of CPU at the cap) on far longer or larger histories.
   */
  static final long MAX_PATTERNS = 1_000_000;

  /**
   * Distinct (x, t_x, T) in weeks with their counts; customers first seen on D (T = 0) carry no
   * information.
   */
  public static List<Pattern> patterns(Dataset<Row> features) {
    return patterns(features, 1);
  }

  /**
   * The same, rounding t_x and T to multiples of {@code weekInUnits} (7 for days, 1 for weeks) when
   * there are more than {@link #MAX_PATTERNS} distinct exact patterns.
   */
  public static List<Pattern> patterns(Dataset<Row> features, double weekInUnits) {
    Dataset<Row> known = features.filter(col(CustomerFeatures.T).gt(0));
    Dataset<Row> grouped =
        known
            .groupBy(CustomerFeatures.X, CustomerFeatures.T_X, CustomerFeatures.T)
            .agg(count(lit(1)).as("n"));
    if (grouped.count() > MAX_PATTERNS) {
      Column bigT =
          greatest(round(col(CustomerFeatures.T).divide(weekInUnits)), lit(1.0))
              .multiply(weekInUnits);
      Column tx =
          least(round(col(CustomerFeatures.T_X).divide(weekInUnits)).multiply(weekInUnits), bigT);
      grouped =
          known
              .groupBy(
                  col(CustomerFeatures.X), tx.as(CustomerFeatures.T_X), bigT.as(CustomerFeatures.T))
              .agg(count(lit(1)).as("n"));
    }
    List<Pattern> patterns = new ArrayList<>();
    for (Row r : grouped.collectAsList()) {
      patterns.add(new Pattern(r.getInt(0), r.getDouble(1), r.getDouble(2), r.getLong(3)));
    }
    return patterns;
  }

  /**
   * Distinct (x, m_x) of repeat buyers with m_x > 0, with their counts (sampled above
   * MAX_SPEND_PATTERNS).
   */
  public static List<SpendPattern> spendPatterns(Dataset<Row> features) {
    Dataset<Row> spend =
        features
            .filter(col(CustomerFeatures.X).gt(0).and(col(CustomerFeatures.M_X).gt(0)))
            .groupBy(CustomerFeatures.X, CustomerFeatures.M_X)
            .agg(count(lit(1)).as("n"));
    long distinct = spend.count();
    if (distinct > MAX_SPEND_PATTERNS) {
      long buckets = 1_000_000;
      long keep = buckets * MAX_SPEND_PATTERNS / distinct;
      spend =
          spend.filter(
              pmod(xxhash64(col(CustomerFeatures.X), col(CustomerFeatures.M_X)), lit(buckets))
                  .lt(keep));
    }
    List<SpendPattern> patterns = new ArrayList<>();
    for (Row r : spend.collectAsList()) {
      patterns.add(new SpendPattern(r.getInt(0), r.getDouble(1), r.getLong(2)));
    }
    return patterns;
  }
}
