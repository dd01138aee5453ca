package com.crmanalytics.model;

/**
 * Gupta &amp; Lehmann's simple retention CLV, {@code m · r / (1 + d − r)}, per year, from what was
 * measured over a window of {@code windowDays} days: the share of the previous window's buyers who
 * bought again in the next window (annualised as r_W^(365/W), the yearly rate with the same daily
 * retention; r_W itself when W = 365) and a customer's margin over the window (scaled by 365/W).
 * {@code annualDiscountRate} is d, a fraction per year.
 */
public record RetentionBaseline(double windowRetention, int windowDays, double annualDiscountRate) {

  public static final double DAYS_PER_YEAR = 365;

  public RetentionBaseline {
    Checks.check(
        windowRetention >= 0 && windowRetention <= 1,
        "Window retention rate must be in [0, 1], got %s",
        windowRetention);
    Checks.check(windowDays >= 1, "Retention window must be >= 1 day, got %s", windowDays);
    Checks.check(
        Double.isFinite(annualDiscountRate) && annualDiscountRate >= 0,
        "Annual discount rate must be finite and >= 0, got %s",
        annualDiscountRate);
  }

  /** r: the yearly retention rate, r_W^(365/W). */
  public double yearlyRetention() {
    return Math.pow(windowRetention, DAYS_PER_YEAR / windowDays);
  }

  /**
   * False when 1 + d − r = 0 (everyone retained and no discounting): the value would be infinite.
   */
  public boolean defined() {
    return 1 + annualDiscountRate - yearlyRetention() > 0;
  }

  /**
   * The baseline CLV of a customer whose margin over the window was {@code windowMargin}
   * (currency): m = windowMargin · 365/W a year, valued as m · r / (1 + d − r).
   *
   * @throws ModelException when the value is not {@link #defined()}
   */
  public double value(double windowMargin) {
    return Clv.retentionBaseline(
        windowMargin * DAYS_PER_YEAR / windowDays, yearlyRetention(), annualDiscountRate);
  }
}
