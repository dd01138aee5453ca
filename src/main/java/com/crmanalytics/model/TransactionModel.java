package com.crmanalytics.model;

import java.util.Map;

/**
 * A fitted "buy till you die" transaction model (BG/NBD or Pareto/NBD); all times ({@code tx}, {@code T},
 * {@code t}) are in the model's time unit, e.g. weeks, and {@code x} is the number of repeat transactions.
 */
public interface TransactionModel {

  /** Configuration name, e.g. {@code bg-nbd}. */
  String name();

  /** Parameters in their documented order (rate parameters first). */
  Map<String, Double> params();

  /** Log-likelihood of one customer's (x, t_x, T). */
  double logLikelihood(int x, double tx, double T);

  /** Σ count · ln L over the patterns; throws {@link ModelException} naming a pattern whose ln L is not finite. */
  double logLikelihood(PatternSet patterns);

  /** Probability the customer is still active at T. */
  double pAlive(int x, double tx, double T);

  /** Expected number of transactions in (T, T + t]. */
  double expectedTransactions(int x, double tx, double T, double t);

  /** Expected repeat transactions in (0, t] for a customer just acquired. */
  double expectedTransactionsNewCustomer(double t);
}
