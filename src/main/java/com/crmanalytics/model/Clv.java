package com.crmanalytics.model;

import java.util.function.DoubleUnaryOperator;

/**
 * Discounted customer lifetime value over a horizon of {@code horizonMonths} months at an annual discount rate
 * (a fraction, e.g. 0.10), with the model's time unit given as its length in days (7 for weeks, 1 for days).
 *
 * <p>CLV = Σ_{k=1..H} margin · E[M] · (E(k months) − E((k−1) months)) / (1 + d_month)^k with
 * d_month = (1 + d)^(1/12) − 1, one month = {@value #DAYS_PER_MONTH} days and discounting at month end.
 */
public record Clv(int horizonMonths, double annualDiscountRate, double unitDays) {

  public static final double DAYS_PER_MONTH = 30.4375;

  public Clv {
    Checks.check(horizonMonths >= 1, "CLV horizon must be >= 1 month, got %s", horizonMonths);
    Checks.check(Double.isFinite(annualDiscountRate) && annualDiscountRate >= 0,
        "CLV annual discount rate must be finite and >= 0, got %s", annualDiscountRate);
    Checks.check(Double.isFinite(unitDays) && unitDays > 0, "CLV time unit must be > 0 days, got %s", unitDays);
  }

  /** Monthly rate equivalent to an annual rate: (1 + d)^(1/12) − 1. */
  public static double monthlyRate(double annualRate) {
    Checks.check(Double.isFinite(annualRate) && annualRate > -1, "Annual rate must be > -1, got %s", annualRate);
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
  public double value(TransactionModel model, int x, double tx, double T, double expectedSpend, double margin) {
    return value(t -> model.expectedTransactions(x, tx, T, t), expectedSpend, margin);
  }

  /**
   * Discounted CLV in currency units given E(t), the expected transactions in the next t time units.
   *
   * @param expectedSpend E[M] per transaction, currency units
   * @param margin margin ratio (1.0 = revenue CLV)
   */
  public double value(DoubleUnaryOperator expectedBy, double expectedSpend, double margin) {
    Checks.check(Double.isFinite(expectedSpend) && expectedSpend >= 0,
        "CLV expected spend must be finite and >= 0, got %s", expectedSpend);
    Checks.check(Double.isFinite(margin), "CLV margin must be finite, got %s", margin);
    double discount = 1 + monthlyRate(annualDiscountRate);
    double month = monthInUnits();
    double previous = expectedBy.applyAsDouble(0);
    double sum = 0;
    for (int k = 1; k <= horizonMonths; k++) {
      double current = expectedBy.applyAsDouble(k * month);
      sum += (current - previous) / Math.pow(discount, k);
      previous = current;
    }
    return Checks.finite(margin * expectedSpend * sum, "CLV (spend %s, margin %s, %s)", expectedSpend, margin, this);
  }

  /**
   * Gupta & Lehmann retention baseline m · r / (1 + d − r): margin m per period (currency), retention rate r in
   * [0, 1] and discount rate d >= 0 per period.
   */
  public static double retentionBaseline(double margin, double retention, double discountRate) {
    Checks.check(Double.isFinite(margin), "Baseline margin must be finite, got %s", margin);
    Checks.check(retention >= 0 && retention <= 1, "Retention rate must be in [0, 1], got %s", retention);
    Checks.check(Double.isFinite(discountRate) && discountRate >= 0,
        "Discount rate must be finite and >= 0, got %s", discountRate);
    Checks.check(1 + discountRate - retention > 0,
        "Retention baseline undefined: 1 + d − r = 0 (r=%s, d=%s)", retention, discountRate);
    return margin * retention / (1 + discountRate - retention);
  }
}
