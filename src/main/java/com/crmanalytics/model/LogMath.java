package com.crmanalytics.model;

/** Small log-space helpers shared by the models. */
final class LogMath {

  private LogMath() {}

  /** ln(e^u + e^v), exact when either is −∞. */
  static double addExp(double u, double v) {
    double max = Math.max(u, v);
    if (max == Double.NEGATIVE_INFINITY) {
      return max;
    }
    return max + Math.log1p(Math.exp(Math.min(u, v) - max));
  }

  /**
   * ln(e^u + e^v) to a few 1e-16 absolute rather than relative: Math.log(1 + w) instead of Math.log1p(w), w <= 1.
   * That is all a likelihood sum needs (each term's error is far below an ulp of the sum), and Math.log is a JIT
   * intrinsic at about half the cost of Math.log1p on Java 17. −∞ when both are −∞.
   */
  static double addExpForSum(double u, double v) {
    double max = Math.max(u, v);
    if (max == Double.NEGATIVE_INFINITY) {
      return max;
    }
    return max + Math.log(1 + Math.exp(-Math.abs(u - v)));
  }

  /** ln(e^u − e^v) for u >= v; −∞ when they are equal. */
  static double subExp(double u, double v) {
    return v >= u ? Double.NEGATIVE_INFINITY : u + Math.log(-Math.expm1(v - u));
  }

  /** 1 / (1 + e^z) without overflow. */
  static double logistic(double z) {
    return z > 0 ? Math.exp(-z) / (1 + Math.exp(-z)) : 1 / (1 + Math.exp(z));
  }

  /**
   * (1 − (1 + u)^−k) / k for u >= 0, continuous at k = 0 where it is ln(1 + u): the Pareto/NBD expectation
   * factor with k = s − 1, so s ≈ 1 needs no special case.
   */
  static double powerDifference(double u, double k) {
    double l = Math.log1p(u);
    return Math.abs(k * l) < 1e-8 ? l * (1 - k * l / 2) : -Math.expm1(-k * l) / k;
  }
}
