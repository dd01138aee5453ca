package com.crmanalytics.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hipparchus.linear.MatrixUtils;
import org.hipparchus.random.CorrelatedRandomVectorGenerator;
import org.hipparchus.random.GaussianRandomGenerator;
import org.hipparchus.random.Well19937c;

/**
 * Seeded draws of the fitted transaction and Gamma-Gamma parameters from their asymptotic normal
 * (log-parameters ~ N(ln estimate, inverse observed information), the two fits independently): the
 * parameter uncertainty behind every interval of the value stage ({@link EquityInterval}, {@link
 * Forecast}). The same fits, count and seed give the same draws, so the intervals of one run
 * describe the same uncertainty.
 */
final class ParameterDraws {
  private static final int MAX_REDRAWS_PER_DRAW = 10;

  /**
   * The largest standard deviation of a log-parameter drawn from: at 2 the 5%–95% range of its
   * draws already spans a factor of e^6.6 ≈ 700 (a small base's fit with a standard error as large
   * as its estimate, log-SD about 1, still gets its wide interval). Beyond it the data do not pin
   * the parameter down (real extracts: the drop-out parameters of a store whose customers rarely
   * leave, standard error ten times the estimate), the draws span orders of magnitude, an interval
   * from them says nothing, and computing it costs minutes of series that converge slowly or not at
   * all.
   */
  static final double MAX_LOG_SD = 2.0;

  /** One draw: the transaction model and the spend model at drawn parameters. */
  record Draw(TransactionModel transactions, GammaGamma spend) {}

  private ParameterDraws() {}

  /**
   * {@code n} draws; a Gamma-Gamma draw with q <= 1 (mean spend undefined) is replaced by the next
   * one.
   *
   * @param what what the interval is of, for the messages ("customer equity", ...)
   * @throws ModelException if a fit has no covariance, or q is too close to 1 to draw from
   */
  static List<Draw> draw(
      TransactionModelType type,
      FitResult transactions,
      FitResult spend,
      int n,
      long seed,
      String what) {
    for (FitResult fit : List.of(transactions, spend)) {
      Checks.check(
          fit.hasCovariance(),
          "No interval for %s: the %s fit has no covariance of its parameters (%s)",
          what,
          fit.model(),
          fit.diagnostic().isEmpty() ? "information matrix not available" : fit.diagnostic());
    }
    for (FitResult fit : List.of(transactions, spend)) {
      double[][] cov = fit.logCovariance();
      int i = 0;
      for (String name : fit.params().keySet()) {
        double sd = Math.sqrt(cov[i][i]);
        Checks.check(
            sd <= MAX_LOG_SD,
            "the data do not pin down the %s parameter %s (estimate %s, standard error %s; its"
                + " logarithm's is %s, above %s, so the draws would span orders of magnitude)",
            fit.model(),
            name,
            fmt(fit.params().get(name)),
            fmt(fit.standardError(name)),
            fmt(sd),
            MAX_LOG_SD);
        i++;
      }
    }
    double[][] txDraws = logNormal(transactions, n, seed);
    double[][] ggDraws = logNormal(spend, n * MAX_REDRAWS_PER_DRAW, seed + 1);
    List<Draw> out = new ArrayList<>(n);
    int next = 0;
    for (int d = 0; d < n; d++) {
      while (next < ggDraws.length && !(Math.exp(ggDraws[next][1]) > 1)) {
        next++; // q <= 1: mean spend undefined; such draws are redrawn
      }
      Checks.check(
          next < ggDraws.length,
          "No interval for %s: the Gamma-Gamma q is too close to 1 "
              + "(q = %s, SE %s), so most parameter draws have no mean spend",
          what,
          spend.params().get("q"),
          spend.standardError("q"));
      out.add(
          new Draw(
              type.create(natural(transactions, txDraws[d])),
              GammaGamma.fromParams(natural(spend, ggDraws[next++]))));
    }
    return out;
  }

  /** {@code n} draws of the log-parameters from N(ln estimate, covariance), seeded. */
  private static double[][] logNormal(FitResult fit, int n, long seed) {
    double[] mean = fit.params().values().stream().mapToDouble(Math::log).toArray();
    CorrelatedRandomVectorGenerator generator =
        new CorrelatedRandomVectorGenerator(
            mean,
            MatrixUtils.createRealMatrix(fit.logCovariance()),
            1e-12,
            new GaussianRandomGenerator(new Well19937c(seed)));
    double[][] out = new double[n][];
    for (int i = 0; i < n; i++) {
      out[i] = generator.nextVector();
    }
    return out;
  }

  private static String fmt(double v) {
    return String.format(java.util.Locale.ROOT, "%.4g", v);
  }

  private static Map<String, Double> natural(FitResult fit, double[] logParams) {
    Map<String, Double> p = new LinkedHashMap<>();
    int i = 0;
    for (String name : fit.params().keySet()) {
      p.put(name, Math.exp(logParams[i++]));
    }
    return p;
  }
}
