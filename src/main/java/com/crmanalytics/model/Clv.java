package com.crmanalytics.model;

import java.util.function.DoubleUnaryOperator;

/**
 * Discounted customer lifetime value over a horizon of {@code horizonMonths} months at an annual
 * discount rate (a fraction, e.g. 0.10), with the model's time unit given as its length in days (7
 * for weeks, 1 for days).
 *
 * <p>CLV = Σ_{k=1..H} margin · E[M] · (E(k months) − E((k−1) months)) / (1 + d_month)^k with
 * d_month = (1 + d)^(1/12) − 1, one month = {@value #DAYS_PER_MONTH} days and discounting at month
 * end.
 *
 * <p>Lifetime value ({@link #lifetimeValue}) is the same sum over the whole expected future: month
 * by month until a month's discounted increment is below {@value #LIFETIME_TOLERANCE} of the
 * running sum, and at most {@value #LIFETIME_CAP_MONTHS} months (100 years), which bounds the work
 * for customers who never drop out and a zero discount rate (whose lifetime value is otherwise
 * infinite).
 */
public record Clv(int horizonMonths, double annualDiscountRate, double unitDays) {

  public static final double DAYS_PER_MONTH = 30.4375;

  /** Lifetime value stops when a month adds less than this fraction of the running sum. */
  public static final double LIFETIME_TOLERANCE = 1e-9;

  /** Lifetime value sums at most this many months. */
  public static final int LIFETIME_CAP_MONTHS = 1200;

  public Clv {
    Checks.check(horizonMonths >= 1, "CLV horizon must be >= 1 month, got %s", horizonMonths);
    Checks.check(
        Double.isFinite(annualDiscountRate) && annualDiscountRate >= 0,
        "CLV annual discount rate must be finite and >= 0, got %s",
        annualDiscountRate);
    Checks.check(
        Double.isFinite(unitDays) && unitDays > 0,
        "CLV time unit must be > 0 days, got %s",
        unitDays);
  }

  /** Monthly rate equivalent to an annual rate: (1 + d)^(1/12) − 1. */
  public static double monthlyRate(double annualRate) {
    Checks.check(
        Double.isFinite(annualRate) && annualRate > -1,
        "Annual rate must be > -1, got %s",
        annualRate);
    return Math.expm1(Math.log1p(annualRate) / 12);
  }

  /** One month in the model's time unit. */
  public double monthInUnits() {
    return DAYS_PER_MONTH / unitDays;
  }

  /**
   * Discounted CLV in currency units for a customer of {@code model}.
   *
   * @param expectedSpend E[M] per transaction, currency units
   * @param margin margin ratio (1.0 = revenue CLV)
   */
  public double value(
      TransactionModel model, int x, double tx, double T, double expectedSpend, double margin) {
    return value(t -> model.expectedTransactions(x, tx, T, t), expectedSpend, margin);
  }

  /**
   * Discounted CLV in currency units given E(t), the expected transactions in the next t time
   * units.
   *
   * @param expectedSpend E[M] per transaction, currency units
   * @param margin margin ratio (1.0 = revenue CLV)
   */
  public double value(DoubleUnaryOperator expectedBy, double expectedSpend, double margin) {
    checkSpend(expectedSpend, margin);
    return Checks.finite(
        margin * expectedSpend * discountedTransactions(expectedBy, horizonMonths, false),
        "CLV (spend %s, margin %s, %s)",
        expectedSpend,
        margin,
        this);
  }

  /**
   * Discounted lifetime value in currency units for a customer of {@code model} (see the class
   * comment).
   */
  public double lifetimeValue(
      TransactionModel model, int x, double tx, double T, double expectedSpend, double margin) {
    return lifetimeValue(t -> model.expectedTransactions(x, tx, T, t), expectedSpend, margin);
  }

  /**
   * Discounted lifetime value in currency units given E(t): the monthly discounted sum to
   * convergence, at most {@value #LIFETIME_CAP_MONTHS} months; never below {@link
   * #value(DoubleUnaryOperator, double, double)} for a non-negative margin.
   */
  public double lifetimeValue(DoubleUnaryOperator expectedBy, double expectedSpend, double margin) {
    checkSpend(expectedSpend, margin);
    return Checks.finite(
        margin * expectedSpend * discountedTransactions(expectedBy, LIFETIME_CAP_MONTHS, true),
        "lifetime CLV (spend %s, margin %s, %s)",
        expectedSpend,
        margin,
        this);
  }

  /**
   * Σ_k (E(k months) − E((k−1) months)) / (1 + d_month)^k for k = 1..months, or until converged.
   */
  private double discountedTransactions(
      DoubleUnaryOperator expectedBy, int months, boolean untilConverged) {
    double discount = 1 + monthlyRate(annualDiscountRate);
    double month = monthInUnits();
    double previous = expectedBy.applyAsDouble(0);
    double sum = 0;
    for (int k = 1; k <= months; k++) {
      double current = expectedBy.applyAsDouble(k * month);
      double increment = (current - previous) / Math.pow(discount, k);
      sum += increment;
      previous = current;
      if (untilConverged
          && k >= horizonMonths
          && Math.abs(increment) <= LIFETIME_TOLERANCE * Math.abs(sum)) {
        break;
      }
    }
    return sum;
  }

  private static void checkSpend(double expectedSpend, double margin) {
    Checks.check(
        Double.isFinite(expectedSpend) && expectedSpend >= 0,
        "CLV expected spend must be finite and >= 0, got %s",
        expectedSpend);
    Checks.check(Double.isFinite(margin), "CLV margin must be finite, got %s", margin);
  }

  /**
   * Gupta & Lehmann retention baseline m · r / (1 + d − r): margin m per period (currency),
   * retention rate r in [0, 1] and discount rate d >= 0 per period.
   */
  public static double retentionBaseline(double margin, double retention, double discountRate) {
    Checks.check(Double.isFinite(margin), "Baseline margin must be finite, got %s", margin);
    Checks.check(
        retention >= 0 && retention <= 1, "Retention rate must be in [0, 1], got %s", retention);
    Checks.check(
        Double.isFinite(discountRate) && discountRate >= 0,
        "Discount rate must be finite and >= 0, got %s",
        discountRate);
    Checks.check(
        1 + discountRate - retention > 0,
        "Retention baseline undefined: 1 + d − r = 0 (r=%s, d=%s)",
        retention,
        discountRate);
    return margin * retention / (1 + discountRate - retention);
  }
}
