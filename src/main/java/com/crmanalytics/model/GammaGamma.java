package com.crmanalytics.model;

import static org.hipparchus.special.Gamma.logGamma;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Gamma-Gamma spend model (Fader & Hardie 2013): transaction values ~ Gamma(p, ν) with ν ~ Gamma(q,
 * γ); p and q are dimensionless, γ is in currency units, and expected spend needs q > 1.
 */
public record GammaGamma(double p, double q, double gamma) {

  public static final String NAME = "gamma-gamma";
  static final List<String> PARAM_NAMES = List.of("p", "q", "gamma");

  public GammaGamma {
    Checks.positive(NAME, "p", p);
    Checks.positive(NAME, "q", q);
    Checks.positive(NAME, "gamma", gamma);
  }

  /** From a map with keys p, q, gamma (as {@link #params()} returns). */
  public static GammaGamma fromParams(Map<String, Double> params) {
    return new GammaGamma(
        Checks.required(params, "p"),
        Checks.required(params, "q"),
        Checks.required(params, "gamma"));
  }

  /**
   * Maximum-likelihood fit on repeat buyers; rejects a fit with q <= 1 (mean spend undefined). γ is
   * fitted in units of the customers' mean spend (γ / mean m_x), so the fitter's bounds mean the
   * same in every currency; the result is in currency units again (parameter, standard error; the
   * log-covariance is unchanged by the rescaling).
   */
  public static FitResult fit(List<SpendPattern> patterns, ModelFitter fitter) {
    Checks.check(!patterns.isEmpty(), "%s fit needs at least one spend pattern", NAME);
    long n = SpendPattern.customers(patterns);
    double meanSpend = patterns.stream().mapToDouble(sp -> sp.mx() * sp.count()).sum() / n;
    List<double[]> starts =
        List.of(new double[] {1, 1, 1 / meanSpend}, new double[] {2, 3, 1}, new double[] {5, 5, 3});
    SpendPatternSet set = SpendPatternSet.of(patterns);
    FitResult scaled =
        fitter.fit(
            NAME,
            PARAM_NAMES,
            v -> new GammaGamma(v[0], v[1], v[2] * meanSpend).logLikelihood(set),
            n,
            patterns.size(),
            starts);
    Map<String, Double> params = new LinkedHashMap<>(scaled.params());
    params.put("gamma", params.get("gamma") * meanSpend);
    Map<String, Double> se = new LinkedHashMap<>(scaled.standardErrors());
    se.computeIfPresent("gamma", (k, v) -> v * meanSpend);
    FitResult fit =
        new FitResult(
            NAME,
            params,
            scaled.logLikelihood(),
            n,
            scaled.patterns(),
            scaled.iterations(),
            scaled.evaluations(),
            scaled.converged(),
            se,
            scaled.logCovariance(),
            scaled.diagnostic().replace("gamma = ", "gamma / mean spend = "));
    double q = fit.params().get("q");
    Checks.check(
        q > 1,
        "%s fit gave q = %s <= 1: the mean spend γp/(q−1) is undefined, so expected spend "
            + "cannot be computed for these %s customers",
        NAME,
        q,
        fit.n());
    return fit;
  }

  public Map<String, Double> params() {
    Map<String, Double> m = new LinkedHashMap<>();
    m.put("p", p);
    m.put("q", q);
    m.put("gamma", gamma);
    return m;
  }

  /**
   * Log-likelihood of one repeat buyer with x >= 1 repeat transactions of mean value m_x > 0
   * (currency).
   */
  public double logLikelihood(int x, double mx) {
    SpendPattern.of(x, mx);
    double px = p * x;
    double ll =
        head(px)
            + (px - 1) * Math.log(mx)
            + px * Math.log(x)
            - px * Math.log(gamma + x * mx)
            - q * Math.log1p(x * mx / gamma);
    return Checks.finite(ll, "%s ln L(x=%s, m_x=%s) at %s", NAME, x, mx, this);
  }

  /** Σ count · ln L over the patterns. */
  public double logLikelihood(List<SpendPattern> patterns) {
    return patterns.isEmpty() ? 0 : logLikelihood(SpendPatternSet.of(patterns));
  }

  /**
   * Σ count · ln L with the per-x terms once per distinct x and ln m_x precomputed: per pattern one
   * logarithm. Each pattern's ln L has exactly the bits of {@link #logLikelihood(int, double)};
   * only the order of the sum differs.
   */
  double logLikelihood(SpendPatternSet patterns) {
    int nx = patterns.xs.length;
    double[] head = new double[nx];
    double[] pxMinusOne = new double[nx];
    double[] pxLogX = new double[nx];
    double[] pxs = new double[nx];
    double[] xd = new double[nx];
    for (int k = 0; k < nx; k++) {
      int x = patterns.xs[k];
      double px = p * x;
      head[k] = head(px);
      pxMinusOne[k] = px - 1;
      pxLogX[k] = px * Math.log(x);
      pxs[k] = px;
      xd[k] = x;
    }
    int[] xIndex = patterns.xIndex;
    double[] mx = patterns.mx;
    double[] logMx = patterns.logMx;
    double[] count = patterns.count;
    double[] partial =
        Chunks.chunkSums(
            patterns.size(),
            (from, to) -> {
              double sum = 0;
              for (int i = from; i < to; i++) {
                int k = xIndex[i];
                double spent = xd[k] * mx[i];
                sum +=
                    count[i]
                        * (head[k]
                            + pxMinusOne[k] * logMx[i]
                            + pxLogX[k]
                            - pxs[k] * Math.log(gamma + spent)
                            - q * Math.log1p(spent / gamma));
              }
              return sum;
            });
    double total = Chunks.total(partial);
    if (Double.isFinite(total)) {
      return total;
    }
    for (int i : Chunks.firstChunkNotFinite(partial, patterns.size())) {
      logLikelihood(patterns.xs[xIndex[i]], mx[i]);
    }
    throw new ModelException(
        String.format(
            Locale.ROOT,
            "%s ln L summed over %d spend patterns at %s is %s",
            NAME,
            patterns.size(),
            this,
            total));
  }

  /**
   * ln Γ(px + q) − ln Γ(px) − ln Γ(q), as a ratio from the larger argument so that a large p or q
   * does not cancel; q·ln γ − (px + q)·ln(γ + x·m_x) is taken as −q·ln(1 + x·m_x/γ) − px·ln(γ +
   * x·m_x) for the same reason.
   */
  private double head(double px) {
    return px >= q
        ? LogMath.lnGammaRatio(px, q) - logGamma(q)
        : LogMath.lnGammaRatio(q, px) - logGamma(px);
  }

  /** Population mean transaction value γp/(q − 1), in currency units. */
  public double populationMean() {
    Checks.check(q > 1, "%s mean spend γp/(q−1) needs q > 1, got q = %s", NAME, q);
    return gamma * p / (q - 1);
  }

  /** E[M | x, m_x] in currency units; the population mean when x = 0 (m_x is then ignored). */
  public double expectedSpend(int x, double mx) {
    Checks.check(x >= 0, "%s expected spend needs x >= 0, got %s", NAME, x);
    double mean = populationMean();
    if (x == 0) {
      return mean;
    }
    Checks.check(
        Double.isFinite(mx) && mx >= 0,
        "%s expected spend needs finite m_x >= 0, got %s (x=%s)",
        NAME,
        mx,
        x);
    double w = p * x / (p * x + q - 1);
    return w * mx + (1 - w) * mean;
  }
}
