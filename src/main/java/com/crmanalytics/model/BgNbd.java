package com.crmanalytics.model;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.DoubleUnaryOperator;

/**
 * BG/NBD transaction model (Fader, Hardie & Lee 2005): transaction rates ~ Gamma(shape r, rate α),
 * α in the model's time unit (e.g. weeks); dropout probability after each transaction ~ Beta(a, b),
 * a and b dimensionless.
 *
 * <p>The expectation formulas divide by a − 1; for |a − 1| < {@value #A_GUARD} they interpolate
 * linearly between a = 1 ∓ {@value #A_GUARD}, which is the formula's continuous 0/0 limit to about
 * 1e-8 relative.
 */
public record BgNbd(double r, double alpha, double a, double b) implements TransactionModel {

  public static final String NAME = "bg-nbd";
  static final double A_GUARD = 1e-4;

  /** How E[X(T, T+t)] of the BG/NBD family names itself in errors: model, x, t_x, T, t, params. */
  static final String EXPECTED = "%s E[X(T, T+t)] (x=%s, t_x=%s, T=%s, t=%s) at %s";

  public BgNbd {
    Checks.positive(NAME, "r", r);
    Checks.positive(NAME, "alpha", alpha);
    Checks.positive(NAME, "a", a);
    Checks.positive(NAME, "b", b);
  }

  /** From a map with keys r, alpha, a, b (as {@link #params()} returns). */
  public static BgNbd fromParams(Map<String, Double> p) {
    return new BgNbd(
        Checks.required(p, "r"),
        Checks.required(p, "alpha"),
        Checks.required(p, "a"),
        Checks.required(p, "b"));
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
    p.put("a", a);
    p.put("b", b);
    return p;
  }

  @Override
  public double logLikelihood(int x, double tx, double T) {
    Pattern.of(x, tx, T);
    double head = head(x);
    double a1 = -r * Math.log1p(T / alpha) - x * Math.log(alpha + T);
    double a2 =
        x > 0
            ? Math.log(a)
                - Math.log(b + x - 1)
                - r * Math.log1p(tx / alpha)
                - x * Math.log(alpha + tx)
            : Double.NEGATIVE_INFINITY;
    return Checks.finite(
        head + LogMath.addExp(a1, a2), "%s ln L(x=%s, t_x=%s, T=%s) at %s", NAME, x, tx, T, this);
  }

  /**
   * The terms of ln L that depend on x only, without cancellation for large r or b: ln Γ(r+x)/Γ(r)
   * + ln B(a, b+x) − ln B(a, b). The factor α^r/(α + t)^(r+x) is taken as −r·ln(1 + t/α) − x·ln(α +
   * t) for the same reason.
   */
  private double head(int x) {
    return LogMath.lnGammaRatio(r, x) + LogMath.lnGammaRatio(b, x) - LogMath.lnGammaRatio(a + b, x);
  }

  /**
   * Σ count · ln L over the patterns. With h(x) the terms of ln L that depend on x only, ln L =
   * ln(e^{h + A1} + e^{h + A2}) where h + A1 depends on (x, T) and h + A2 on (x, t_x): both are
   * computed once per distinct (x, t) pair, and per pattern only the log-sum-exp remains.
   */
  @Override
  public double logLikelihood(PatternSet patterns) {
    return patterns.betaGeometricSum(
        r,
        alpha,
        this::head,
        x -> x > 0 ? Math.log(a) - Math.log(b + x - 1) : Double.NEGATIVE_INFINITY,
        this);
  }

  @Override
  public double pAlive(int x, double tx, double T) {
    Pattern.of(x, tx, T);
    if (x == 0) {
      return 1;
    }
    return LogMath.logistic(
        Math.log(a) - Math.log(b + x - 1) + (r + x) * Math.log((alpha + T) / (alpha + tx)));
  }

  /**
   * P(alive) · (a + b + x − 1)/(a − 1) · [1 − ((α + T)/(α + T + t))^(r+x) · 2F1(r + x, b + x; a + b
   * + x − 1; z)] with z = t/(α + T + t), checked (heavy buyers, implausible values, failures) and
   * if need be replaced by {@link DropoutQuadrature}.
   */
  @Override
  public double expectedTransactions(int x, double tx, double T, double t) {
    Checks.horizon(t);
    double alive = pAlive(x, tx, T);
    double z = t / (alpha + T + t);
    double logRatio = (r + x) * -Math.log1p(t / (alpha + T));
    double e;
    try {
      e =
          nearOne(
                  a,
                  aa ->
                      (aa + b + x - 1)
                          / (aa - 1)
                          * Hypergeometric.oneMinusScaled(
                              logRatio, r + x, b + x, aa + b + x - 1, z))
              * alive;
    } catch (ModelException e2f1) {
      throw ModelException.cannotCompute(e2f1, EXPECTED, NAME, x, tx, T, t, this);
    }
    e = DropoutQuadrature.checked(e, alive, r + x, t / (alpha + T), a, b + x);
    return Checks.finite(e, EXPECTED, NAME, x, tx, T, t, this);
  }

  @Override
  public double expectedTransactionsNewCustomer(double t) {
    Checks.horizon(t);
    double z = t / (alpha + t);
    double logRatio = r * -Math.log1p(t / alpha);
    double e =
        nearOne(
            a,
            aa ->
                (aa + b - 1)
                    / (aa - 1)
                    * Hypergeometric.oneMinusScaled(logRatio, r, b, aa + b - 1, z));
    return Checks.finite(e, "%s E[X(t)] (t=%s) at %s", NAME, t, this);
  }

  /** f(a), or its linear interpolation across a = 1 where the formula is 0/0. */
  static double nearOne(double a, DoubleUnaryOperator f) {
    if (Math.abs(a - 1) >= A_GUARD) {
      return f.applyAsDouble(a);
    }
    double lo = f.applyAsDouble(1 - A_GUARD);
    double hi = f.applyAsDouble(1 + A_GUARD);
    return lo + (a - (1 - A_GUARD)) / (2 * A_GUARD) * (hi - lo);
  }
}
