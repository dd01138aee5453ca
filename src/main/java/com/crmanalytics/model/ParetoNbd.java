package com.crmanalytics.model;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Pareto/NBD transaction model (Schmittlein, Morrison & Colombo 1987; likelihood as in Fader &
 * Hardie's note "A Note on Deriving the Pareto/NBD Model and Related Expressions"): transaction
 * rates ~ Gamma(r, α) and dropout rates ~ Gamma(s, β), with α and β in the model's time unit (e.g.
 * weeks), r and s dimensionless.
 *
 * <p>The likelihood term A0 uses 2F1 with argument (α − β)/(α + t) when α >= β, else its mirror (β
 * − α)/(β + t), and is computed in logs.
 */
public record ParetoNbd(double r, double alpha, double s, double beta) implements TransactionModel {

  public static final String NAME = "pareto-nbd";

  public ParetoNbd {
    Checks.positive(NAME, "r", r);
    Checks.positive(NAME, "alpha", alpha);
    Checks.positive(NAME, "s", s);
    Checks.positive(NAME, "beta", beta);
  }

  /** From a map with keys r, alpha, s, beta (as {@link #params()} returns). */
  public static ParetoNbd fromParams(Map<String, Double> p) {
    return new ParetoNbd(
        Checks.required(p, "r"),
        Checks.required(p, "alpha"),
        Checks.required(p, "s"),
        Checks.required(p, "beta"));
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Map<String, Double> params() {
    Map<String, Double> p = new LinkedHashMap<>();
    p.put("r", r);
    p.put("alpha", alpha);
    p.put("s", s);
    p.put("beta", beta);
    return p;
  }

  @Override
  public double logLikelihood(int x, double tx, double T) {
    Pattern.of(x, tx, T);
    double head = LogMath.lnGammaRatio(r, x) + r * Math.log(alpha) + s * Math.log(beta);
    double alive = -(r + x) * Math.log(alpha + T) - s * Math.log(beta + T);
    double gone = Math.log(s) - Math.log(r + s + x) + logA0(x, tx, T);
    return Checks.finite(
        head + LogMath.addExp(alive, gone),
        "%s ln L(x=%s, t_x=%s, T=%s) at %s",
        NAME,
        x,
        tx,
        T,
        this);
  }

  /**
   * Σ count · ln L over the patterns. With h(x) the terms of ln L that depend on x only, ln L =
   * ln(e^{alive} + e^{gone(t_x)} − e^{gone(T)}) where alive = h − (r+x)·ln(α+T) − s·ln(β+T) and
   * gone(t) = h + ln s − ln(r+s+x) + the 2F1 term of A0 at t: all depend on (x, t) only and are
   * computed once per distinct (x, t) pair, with c = e^{gone(T) − alive}. Per pattern, ln L = alive
   * + ln(1 + e^{gone(t_x) − alive} − c): one exp and one log.
   *
   * <p>c is at most 1 (e^{gone(T)} is the likelihood of dropping out after T, bounded by that of
   * being alive at T), so the subtraction cannot cancel: its rounding error is a few ulps of 1 +
   * e^{gone(t_x) − alive} − c, and ln(1 + ·) is then accurate to a few 1e-16 absolute, all a sum
   * needs (see {@link LogMath#addExpForSum}). Where e^{gone(t_x) − alive} overflows, the pattern is
   * computed in logs as {@link #logLikelihood(int, double, double)} does.
   */
  @Override
  public double logLikelihood(PatternSet patterns) {
    int nx = patterns.xs.length;
    double[] head = new double[nx];
    double[] rx = new double[nx];
    double[] goneShift = new double[nx];
    double[] rsx = new double[nx];
    double[] b2 = new double[nx];
    boolean alphaLarger = alpha >= beta;
    double max = alphaLarger ? alpha : beta;
    double diff = Math.abs(alpha - beta);
    for (int k = 0; k < nx; k++) {
      int x = patterns.xs[k];
      head[k] = LogMath.lnGammaRatio(r, x) + r * Math.log(alpha) + s * Math.log(beta);
      rx[k] = r + x;
      rsx[k] = r + s + x;
      goneShift[k] = Math.log(s) - Math.log(r + s + x);
      b2[k] = alphaLarger ? s + 1 : r + x;
    }
    double[] logAlphaT = patterns.logShiftedTimes(alpha);
    double[] logBetaT = patterns.logShiftedTimes(beta);
    double[] times = patterns.times;
    int[] pairX = patterns.pairX;
    int[] pairTime = patterns.pairTime;
    double[] alive = new double[patterns.pairs()];
    double[] gone = new double[alive.length];
    double[] goneAfterT = new double[alive.length];
    Chunks.forChunks(
        alive.length,
        (from, to) -> {
          for (int j = from; j < to; j++) {
            int k = pairX[j];
            int t = pairTime[j];
            alive[j] = head[k] + (-rx[k] * logAlphaT[t] - s * logBetaT[t]);
            gone[j] = head[k] + (goneShift[k] + logA0Term(rsx[k], b2[k], max, diff, times[t]));
            goneAfterT[j] = Math.exp(gone[j] - alive[j]);
          }
        });
    int[] tPair = patterns.tPair;
    int[] txPair = patterns.txPair;
    double[] count = patterns.count;
    return patterns.sum(
        (from, to) -> {
          double sum = 0;
          for (int i = from; i < to; i++) {
            int t = tPair[i];
            double v = Math.exp(gone[txPair[i]] - alive[t]) - goneAfterT[t];
            // v > −0.5 fails for NaN, and for e^{gone(t_x) − alive} = ∞ (∞ − ∞)
            double ll =
                v > -0.5 && v < Double.POSITIVE_INFINITY
                    ? alive[t] + Math.log(1 + v)
                    : LogMath.addExp(alive[t], LogMath.subExp(gone[txPair[i]], gone[t]));
            sum += count[i] * ll;
          }
          return sum;
        },
        this);
  }

  @Override
  public double pAlive(int x, double tx, double T) {
    Pattern.of(x, tx, T);
    double logOdds =
        Math.log(s)
            - Math.log(r + s + x)
            + (r + x) * Math.log(alpha + T)
            + s * Math.log(beta + T)
            + logA0(x, tx, T);
    return LogMath.logistic(logOdds);
  }

  @Override
  public double expectedTransactions(int x, double tx, double T, double t) {
    Checks.horizon(t);
    double e =
        (r + x)
            * (beta + T)
            / (alpha + T)
            * LogMath.powerDifference(t / (beta + T), s - 1)
            * pAlive(x, tx, T);
    return Checks.finite(
        e, "%s E[X(T, T+t)] (x=%s, t_x=%s, T=%s, t=%s) at %s", NAME, x, tx, T, t, this);
  }

  @Override
  public double expectedTransactionsNewCustomer(double t) {
    Checks.horizon(t);
    double e = r * beta / alpha * LogMath.powerDifference(t / beta, s - 1);
    return Checks.finite(e, "%s E[X(t)] (t=%s) at %s", NAME, t, this);
  }

  /** ln A0 of the note: the difference of two 2F1 terms at t_x and T (−∞ when t_x = T). */
  private double logA0(int x, double tx, double T) {
    double rsx = r + s + x;
    boolean alphaLarger = alpha >= beta;
    double max = alphaLarger ? alpha : beta;
    double diff = Math.abs(alpha - beta);
    double b2 = alphaLarger ? s + 1 : r + x;
    return LogMath.subExp(logA0Term(rsx, b2, max, diff, tx), logA0Term(rsx, b2, max, diff, T));
  }

  /** One of A0's two terms: ln 2F1(r+s+x, b2; r+s+x+1; |α−β|/(max + t)) − (r+s+x)·ln(max + t). */
  private static double logA0Term(double rsx, double b2, double max, double diff, double t) {
    return Hypergeometric.log(rsx, b2, rsx + 1, diff / (max + t)) - rsx * Math.log(max + t);
  }
}
