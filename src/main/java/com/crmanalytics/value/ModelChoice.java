package com.crmanalytics.value;

import com.crmanalytics.config.ClvSettings;
import com.crmanalytics.error.CrmException;
import com.crmanalytics.error.Errors;
import com.crmanalytics.io.Warehouse;
import com.crmanalytics.model.Clv;
import com.crmanalytics.model.FitResult;
import com.crmanalytics.model.ModelException;
import com.crmanalytics.model.ModelFitter;
import com.crmanalytics.model.Pattern;
import com.crmanalytics.model.TransactionModel;
import com.crmanalytics.model.TransactionModelType;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.storage.StorageLevel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The transaction model of a run. Under {@code clv.model = auto} BG/NBD, MBG/NBD and Pareto/NBD are
 * fitted on the summary of D and each is refitted at the cutoff D − churn.horizon-days and asked to
 * predict every customer's repeat purchases in (cutoff, D]: the model with the smallest mean
 * absolute error per customer is kept. When the history before the cutoff is too short to fit
 * there, the smallest AIC on D decides (all three have four parameters, so that is the largest
 * log-likelihood). A candidate whose fit fails or cannot score every customer pattern is dropped
 * with a warning naming the cause; with none left the run stops (exit 3). A fit that did not
 * converge (a parameter at a bound, a failed gradient test, a singular information matrix) is used
 * only when no candidate converged, with a warning. An explicit model is the only candidate. Also
 * picks the has-left model (P(alive)): the chosen one, or MBG/NBD (else Pareto/NBD) when the chosen
 * one is BG/NBD, which gives every customer without a repeat purchase P(alive) = 1.
 *
 * <p>Long because the choice is one decision whose steps (fit on D, refit at the cutoff, compare on
 * the holdout, fall back to AIC, drop what cannot score, pick the has-left model) share the {@link
 * Candidate} record; apart from comments the class is about 230 lines.
 */
final class ModelChoice {
  private static final Logger LOG = LoggerFactory.getLogger(ModelChoice.class);
  static final List<TransactionModelType> AUTO_CANDIDATES =
      List.of(
          TransactionModelType.BG_NBD,
          TransactionModelType.MBG_NBD,
          TransactionModelType.PARETO_NBD);

  /**
   * One candidate: its fit on D (null when it failed), why it was dropped (null when valid), and
   * its check on the holdout (cutoff fit and comparison; null when there was none).
   */
  record Candidate(
      TransactionModelType type,
      FitResult fit,
      String dropped,
      FitResult cutoffFit,
      EvaluateStage.Comparison holdout) {
    boolean valid() {
      return dropped == null;
    }

    double aic() {
      return 2 * type.paramNames().size() - 2 * fit.logLikelihood();
    }

    /** (predicted − actual) / actual over the holdout; NaN without one. */
    double totalError() {
      return holdout == null || holdout.actualTotal() == 0
          ? Double.NaN
          : (holdout.predictedTotal() - holdout.actualTotal()) / holdout.actualTotal();
    }
  }

  /**
   * The outcome: the chosen and the has-left candidates, every candidate, whether the holdout
   * decided (else AIC), the cutoff and the features as of the cutoff (persisted; null when the
   * history is too short; the caller unpersists).
   */
  record Choice(
      Candidate chosen,
      Candidate hasLeft,
      List<Candidate> candidates,
      boolean byHoldout,
      LocalDate cutoff,
      Dataset<Row> atCutoff) {}

  private ModelChoice() {}

  /**
   * @param featuresAsOf the customer_features of an earlier date as a recompute would give them
   *     ({@link com.crmanalytics.features.IncrementalFeatures#storedOrRecomputed})
   */
  static Choice choose(
      Warehouse wh,
      ValueSettings settings,
      LocalDate d,
      Dataset<Row> onD,
      List<Pattern> patterns,
      Function<LocalDate, Dataset<Row>> featuresAsOf) {
    ClvSettings clv = settings.clv();
    List<TransactionModelType> types =
        clv.auto() ? AUTO_CANDIDATES : List.of(TransactionModelType.fromConfig(clv.model()));
    double quietUnits = settings.churn().horizonDays() / (double) clv.timeUnit().days();
    double horizonUnits = clv.horizonMonths() * Clv.DAYS_PER_MONTH / clv.timeUnit().days();
    List<Candidate> fitted = new ArrayList<>();
    for (TransactionModelType type : types) {
      fitted.add(fitOnD(type, patterns, d, horizonUnits, quietUnits));
    }
    if (fitted.stream().noneMatch(Candidate::valid)) {
      throw Errors.modelFit(
          "no transaction model could be fitted on the purchases up to "
              + d
              + ": "
              + String.join("; ", fitted.stream().map(Candidate::dropped).toList())
              + " (nothing written)",
          null);
    }
    LocalDate cutoff = d.minusDays(settings.churn().horizonDays());
    Dataset<Row> atCutoff = featuresAsOf.apply(cutoff).persist(StorageLevel.MEMORY_AND_DISK());
    List<Candidate> candidates = new ArrayList<>();
    try {
      List<Pattern> cutoffPatterns = BtydFit.patterns(atCutoff, 7.0 / clv.timeUnit().days());
      long repeatAtCutoff =
          cutoffPatterns.stream().filter(p -> p.x() > 0).mapToLong(Pattern::count).sum();
      for (Candidate c : fitted) {
        candidates.add(
            c.valid() && repeatAtCutoff >= clv.minRepeatBuyers()
                ? withHoldout(c, cutoffPatterns, atCutoff, onD, cutoff, quietUnits)
                : c);
      }
    } catch (RuntimeException e) {
      atCutoff.unpersist();
      throw e;
    }
    List<Candidate> scorable = candidates.stream().filter(Candidate::valid).toList();
    List<Candidate> converged = scorable.stream().filter(c -> c.fit().converged()).toList();
    List<Candidate> valid = converged.isEmpty() ? scorable : converged;
    if (converged.isEmpty()) {
      LOG.warn(
          "value: no transaction model converged on the purchases up to {} (see the warnings above): the best "
              + "of {} is used as it is, with converged = false in model_runs; its numbers are uncertain and the 90% "
              + "interval says how much",
          d, scorable.stream().map(c -> c.type().configName()).toList());
    }
    List<Candidate> checked = valid.stream().filter(c -> c.holdout() != null).toList();
    boolean byHoldout = !checked.isEmpty();
    Candidate chosen =
        byHoldout
            ? checked.stream()
                .min(Comparator.comparingDouble(c -> c.holdout().meanAbsoluteError()))
                .orElseThrow()
            : valid.stream().min(Comparator.comparingDouble(Candidate::aic)).orElseThrow();
    if (clv.auto()) {
      LOG.info(
          "value: clv.model = auto chose {} by {} among {}",
          chosen.type().configName(),
          byHoldout
              ? "holdout mean absolute error"
              : "AIC (no holdout: too little history before " + cutoff + ")",
          valid.stream().map(c -> c.type().configName()).toList());
    }
    Candidate hasLeft = hasLeft(chosen, candidates, patterns, d, horizonUnits, quietUnits);
    if (!byHoldout) {
      atCutoff.unpersist();
      return new Choice(chosen, hasLeft, candidates, false, cutoff, null);
    }
    return new Choice(chosen, hasLeft, candidates, true, cutoff, atCutoff);
  }

  /**
   * The model with the smallest AIC on the patterns (crm evaluate under auto, where no nightly
   * holdout exists).
   */
  static TransactionModelType byAic(List<Pattern> patterns, LocalDate d) {
    List<Candidate> fitted =
        AUTO_CANDIDATES.stream().map(t -> fitOnD(t, patterns, d, 0, 0)).toList();
    return fitted.stream()
        .filter(Candidate::valid)
        .min(Comparator.comparingDouble(Candidate::aic))
        .map(Candidate::type)
        .orElseThrow(
            () ->
                Errors.modelFit(
                    "no transaction model could be fitted on the purchases up to "
                        + d
                        + ": "
                        + String.join("; ", fitted.stream().map(Candidate::dropped).toList()),
                    null));
  }

  private static Candidate fitOnD(
      TransactionModelType type,
      List<Pattern> patterns,
      LocalDate d,
      double horizonUnits,
      double quietUnits) {
    try {
      FitResult fit = type.fit(patterns, new ModelFitter());
      if (!fit.converged()) {
        // Kept, but used only when no candidate converged (then with a warning and converged =
        // false in model_runs):
        // a young business gets an uncertain answer, whose interval says how uncertain, rather than
        // none.
        LOG.warn(
            "value: {} did not converge on the purchases up to {}: {} ({})",
            type.configName(),
            d,
            fit.diagnostic(),
            fit.params());
      }
      Optional<String> unscorable =
          unscorable(type.create(fit.params()), patterns, horizonUnits, quietUnits);
      if (unscorable.isPresent()) {
        return drop(type, fit, type.configName() + " cannot score " + unscorable.get());
      }
      return new Candidate(type, fit, null, null, null);
    } catch (ModelException e) {
      return drop(type, null, type.configName() + ": " + e.getMessage());
    }
  }

  private static Candidate drop(TransactionModelType type, FitResult fit, String why) {
    LOG.warn("value: transaction model dropped: {}", why);
    return new Candidate(type, fit, why, null, null);
  }

  /**
   * The first pattern whose P(alive), expected purchases over the CLV horizon or P(no purchase)
   * over the churn horizon is not a finite number, described; empty when all are.
   */
  static Optional<String> unscorable(
      TransactionModel model, List<Pattern> patterns, double horizonUnits, double quietUnits) {
    for (Pattern p : patterns) {
      try {
        double[] v = {
          model.pAlive(p.x(), p.tx(), p.T()),
          model.expectedTransactions(p.x(), p.tx(), p.T(), horizonUnits),
          model.pNoPurchase(p.x(), p.tx(), p.T(), quietUnits)
        };
        for (double s : v) {
          if (!Double.isFinite(s)) {
            throw new ModelException("a score is not a finite number");
          }
        }
      } catch (ModelException e) {
        return Optional.of(
            String.format(
                Locale.ROOT,
                "the %d customers with x = %d, t_x = %s, T = %s: %s",
                p.count(),
                p.x(),
                p.tx(),
                p.T(),
                e.getMessage()));
      }
    }
    return Optional.empty();
  }

  /**
   * The candidate refitted at the cutoff and compared with (cutoff, D]; unchanged when the cutoff
   * fit fails.
   */
  private static Candidate withHoldout(
      Candidate c,
      List<Pattern> cutoffPatterns,
      Dataset<Row> atCutoff,
      Dataset<Row> onD,
      LocalDate cutoff,
      double quietUnits) {
    try {
      FitResult fit = c.type().fit(cutoffPatterns, new ModelFitter());
      if (!fit.converged()) {
        LOG.warn(
            "value: the holdout check of {} uses a fit at {} that did not converge: {}",
            c.type().configName(),
            cutoff,
            fit.diagnostic());
      }
      Scorer scorer = new Scorer(c.type(), fit.params(), null, 1, 0, 1);
      EvaluateStage.Comparison holdout = EvaluateStage.compare(atCutoff, onD, scorer, quietUnits);
      return new Candidate(c.type(), c.fit(), null, fit, holdout);
    } catch (ModelException | CrmException e) {
      LOG.warn(
          "value: no holdout check of {} at {}: {}", c.type().configName(), cutoff, e.getMessage());
      return c;
    }
  }

  private static Candidate hasLeft(
      Candidate chosen,
      List<Candidate> candidates,
      List<Pattern> patterns,
      LocalDate d,
      double horizonUnits,
      double quietUnits) {
    if (chosen.type() != TransactionModelType.BG_NBD) {
      return chosen;
    }
    for (TransactionModelType type :
        List.of(TransactionModelType.MBG_NBD, TransactionModelType.PARETO_NBD)) {
      Candidate c =
          candidates.stream()
              .filter(k -> k.type() == type)
              .findFirst()
              .orElseGet(() -> fitOnD(type, patterns, d, horizonUnits, quietUnits));
      if (c.valid()) {
        return c;
      }
    }
    LOG.warn(
        "value: neither MBG/NBD nor Pareto/NBD could be fitted: P(alive) comes from BG/NBD, which gives every "
            + "customer without a repeat purchase P(alive) = 1");
    return chosen;
  }
}
