package com.crmanalytics.generate;

/**
 * The parameters of the generative process: BG/NBD purchasing (r, α in weeks, a, b) and Gamma-Gamma
 * spend (p, q, γ in the currency). Defaults are the published CDNOW estimates (models.md).
 */
public record GeneratorParams(
    double r, double alpha, double a, double b, double p, double q, double gamma) {
  public static final GeneratorParams CDNOW =
      new GeneratorParams(0.2426, 4.4135, 0.7929, 2.4259, 6.2496, 3.7442, 15.4435);

  /** Population mean spend per transaction, γ·p/(q−1). */
  public double meanSpend() {
    return gamma * p / (q - 1);
  }

  /** Mean purchase rate per week, r/α. */
  public double meanRatePerWeek() {
    return r / alpha;
  }

  /** Mean drop-out probability after a repeat purchase, a/(a+b). */
  public double meanDropout() {
    return a / (a + b);
  }
}
