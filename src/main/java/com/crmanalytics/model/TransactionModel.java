package com.crmanalytics.model;

import java.util.Map;

/**
 * A fitted "buy till you die" transaction model (BG/NBD, MBG/NBD or Pareto/NBD); all times ({@code
 * tx}, {@code T}, {@code t}) are in the model's time unit, e.g. weeks, and {@code x} is the number
 * of repeat transactions.
 */
public interface TransactionModel {

  /** Configuration name, e.g. {@code bg-nbd}. */
  String name();

  /** Parameters in their documented order (rate parameters first). */
  Map<String, Double> params();

  /** Log-likelihood of one customer's (x, t_x, T). */
  double logLikelihood(int x, double tx, double T);

  /**
   * Σ count · ln L over the patterns; throws {@link ModelException} naming a pattern whose ln L is
   * not finite.
   */
  double logLikelihood(PatternSet patterns);

  /** Probability the customer is still active at T. */
  double pAlive(int x, double tx, double T);

  /** Expected number of transactions in (T, T + t]. */
  double expectedTransactions(int x, double tx, double T, double t);

  /** Expected repeat transactions in (0, t] for a customer just acquired. */
  double expectedTransactionsNewCustomer(double t);

  /**
   * Probability of no purchase in (T, T + h], h in the model's time unit: L(x, t_x, T + h) / L(x,
   * t_x, T), since the likelihood of (x, t_x, T + h) is that of the same history followed by no
   * purchase up to T + h. Computed as exp(ln L(T + h) − ln L(T)); 1 at h = 0, in [0, 1], decreasing
   * in h.
   */
  default double pNoPurchase(int x, double tx, double T, double h) {
    Checks.horizon(h);
    if (h == 0) {
      return 1;
    }
    double p = Math.exp(logLikelihood(x, tx, T + h) - logLikelihood(x, tx, T));
    return Checks.finite(
        Math.min(1, p), "%s P(no purchase in %s | x=%s, t_x=%s, T=%s)", name(), h, x, tx, T);
  }
}
