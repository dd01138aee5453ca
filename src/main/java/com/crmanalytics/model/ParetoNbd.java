package com.crmanalytics.model;

import static org.hipparchus.special.Gamma.logGamma;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Pareto/NBD transaction model (Schmittlein, Morrison & Colombo 1987; likelihood as in Fader & Hardie's note
 * "A Note on Deriving the Pareto/NBD Model and Related Expressions"): transaction rates ~ Gamma(r, α) and
 * dropout rates ~ Gamma(s, β), with α and β in the model's time unit (e.g. weeks), r and s dimensionless.
 *
 * <p>The likelihood term A0 uses 2F1 with argument (α − β)/(α + t) when α >= β, else its mirror
 * (β − α)/(β + t), and is computed in logs.
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
    return new ParetoNbd(Checks.required(p, "r"), Checks.required(p, "alpha"), Checks.required(p, "s"),
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
    double head = logGamma(r + x) - logGamma(r) + r * Math.log(alpha) + s * Math.log(beta);
    double alive = -(r + x) * Math.log(alpha + T) - s * Math.log(beta + T);
    double gone = Math.log(s) - Math.log(r + s + x) + logA0(x, tx, T);
    return Checks.finite(head + LogMath.addExp(alive, gone), "%s ln L(x=%s, t_x=%s, T=%s) at %s",
        NAME, x, tx, T, this);
  }

  @Override
  public double pAlive(int x, double tx, double T) {
    Pattern.of(x, tx, T);
    double logOdds = Math.log(s) - Math.log(r + s + x) + (r + x) * Math.log(alpha + T) + s * Math.log(beta + T)
        + logA0(x, tx, T);
    return LogMath.logistic(logOdds);
  }

  @Override
  public double expectedTransactions(int x, double tx, double T, double t) {
    Checks.horizon(t);
    double e = (r + x) * (beta + T) / (alpha + T) * LogMath.powerDifference(t / (beta + T), s - 1) * pAlive(x, tx, T);
    return Checks.finite(e, "%s E[X(T, T+t)] (x=%s, t_x=%s, T=%s, t=%s) at %s", NAME, x, tx, T, t, this);
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
    double atTx = Hypergeometric.log(rsx, b2, rsx + 1, diff / (max + tx)) - rsx * Math.log(max + tx);
    double atT = Hypergeometric.log(rsx, b2, rsx + 1, diff / (max + T)) - rsx * Math.log(max + T);
    return LogMath.subExp(atTx, atT);
  }
}
