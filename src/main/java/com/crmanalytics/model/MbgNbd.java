package com.crmanalytics.model;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * MBG/NBD transaction model (Batislam, Denizel & Filiztekin 2007, with Wagner & Hoppe's 2008
 * erratum): as BG/NBD (rates ~ Gamma(r, α), α in the model's time unit; dropout probability p ~
 * Beta(a, b)), except that a customer may also drop out right after the first purchase, so a
 * customer without a repeat purchase can have left too.
 *
 * <p>Per customer, L = B(a, b + x + 1)/B(a, b) · Γ(r + x)α^r/Γ(r) · [(α + T)^−(r+x) + a/(b + x) ·
 * (α + t_x)^−(r+x)], the second term present for every x (for BG/NBD only for x > 0). Expectations
 * divide by a − 1 and are interpolated across a = 1 as {@link BgNbd} does.
 */
public record MbgNbd(double r, double alpha, double a, double b) implements TransactionModel {

  public static final String NAME = "mbg-nbd";

  public MbgNbd {
    Checks.positive(NAME, "r", r);
    Checks.positive(NAME, "alpha", alpha);
    Checks.positive(NAME, "a", a);
    Checks.positive(NAME, "b", b);
  }

  /** From a map with keys r, alpha, a, b (as {@link #params()} returns). */
  public static MbgNbd fromParams(Map<String, Double> p) {
    return new MbgNbd(
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

  /**
   * The terms of ln L that depend on x only, without cancellation for large r or b: ln Γ(r+x)/Γ(r)
   * + ln B(a, b+x+1) − ln B(a, b). The factor α^r/(α + t)^(r+x) is taken as −r·ln(1 + t/α) − x·ln(α
   * + t) for the same reason.
   */
  private double head(int x) {
    return LogMath.lnGammaRatio(r, x)
        + LogMath.lnGammaRatio(b, x + 1)
        - LogMath.lnGammaRatio(a + b, x + 1);
  }

  @Override
  public double logLikelihood(int x, double tx, double T) {
    Pattern.of(x, tx, T);
    double head = head(x);
    double alive = -r * Math.log1p(T / alpha) - x * Math.log(alpha + T);
    double gone =
        Math.log(a) - Math.log(b + x) - r * Math.log1p(tx / alpha) - x * Math.log(alpha + tx);
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
   * Σ count · ln L over the patterns, with the per-(x, t) terms computed once per pair as in {@link
   * BgNbd}.
   */
  @Override
  public double logLikelihood(PatternSet patterns) {
    return patterns.betaGeometricSum(
        r, alpha, this::head, x -> Math.log(a) - Math.log(b + x), this);
  }

  /** 1 / (1 + a/(b + x) · ((α + T)/(α + t_x))^(r+x)); below 1 also for x = 0. */
  @Override
  public double pAlive(int x, double tx, double T) {
    Pattern.of(x, tx, T);
    return LogMath.logistic(
        Math.log(a) - Math.log(b + x) + (r + x) * Math.log((alpha + T) / (alpha + tx)));
  }

  /**
   * P(alive) · (a + b + x)/(a − 1) · [1 − ((α + T)/(α + T + t))^(r+x) · 2F1(r + x, b + x + 1; a + b
   * + x; z)] with z = t/(α + T + t), checked (heavy buyers, implausible values, failures) and if
   * need be replaced by {@link DropoutQuadrature}.
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
          BgNbd.nearOne(
                  a,
                  aa ->
                      (aa + b + x)
                          / (aa - 1)
                          * -Math.expm1(
                              logRatio + Hypergeometric.log(r + x, b + x + 1, aa + b + x, z)))
              * alive;
    } catch (ModelException e2f1) {
      throw ModelException.cannotCompute(e2f1, BgNbd.EXPECTED, NAME, x, tx, T, t, this);
    }
    e = DropoutQuadrature.checked(e, alive, r + x, t / (alpha + T), a, b + x + 1);
    return Checks.finite(e, BgNbd.EXPECTED, NAME, x, tx, T, t, this);
  }

  /** b/(a − 1) · [1 − (α/(α + t))^r · 2F1(r, b + 1; a + b; t/(α + t))]. */
  @Override
  public double expectedTransactionsNewCustomer(double t) {
    Checks.horizon(t);
    double z = t / (alpha + t);
    double logRatio = r * -Math.log1p(t / alpha);
    double e =
        BgNbd.nearOne(
            a,
            aa -> b / (aa - 1) * -Math.expm1(logRatio + Hypergeometric.log(r, b + 1, aa + b, z)));
    return Checks.finite(e, "%s E[X(t)] (t=%s) at %s", NAME, t, this);
  }
}
