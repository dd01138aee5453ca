package com.crmanalytics.model;

import static org.hipparchus.special.Gamma.logGamma;

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
   * ln(e^u + e^v) to a few 1e-16 absolute rather than relative: Math.log(1 + w) instead of
   * Math.log1p(w), w <= 1. That is all a likelihood sum needs (each term's error is far below an
   * ulp of the sum), and Math.log is a JIT intrinsic at about half the cost of Math.log1p on Java
   * 17. −∞ when both are −∞.
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
   * (1 − (1 + u)^−k) / k for u >= 0, continuous at k = 0 where it is ln(1 + u): the Pareto/NBD
   * expectation factor with k = s − 1, so s ≈ 1 needs no special case.
   */
  static double powerDifference(double u, double k) {
    double l = Math.log1p(u);
    return Math.abs(k * l) < 1e-8 ? l * (1 - k * l / 2) : -Math.expm1(-k * l) / k;
  }

  /** Below this the plain difference of ln Γ is accurate to a few 1e-15 absolute. */
  static final double STIRLING_FROM = 20;

  /**
   * ln Γ(r + x) − ln Γ(r) for r > 0, x >= 0, accurate to about 1e-14 absolute for every r. For r >=
   * {@value #STIRLING_FROM} the plain difference cancels (at r = 1e16, ln Γ(r) ≈ 3.6e17 and one ulp
   * is 64), so it is taken from Stirling's series: (r − ½)·ln(1 + x/r) + x·ln(r + x) − x + δ(r + x)
   * − δ(r), δ(z) = 1/(12z) − 1/(360z³) + 1/(1260z⁵) − 1/(1680z⁷) + 1/(1188z⁹), whose truncation
   * error at z >= 20 is below 1e-15.
   */
  static double lnGammaRatio(double r, double x) {
    if (x == 0) {
      return 0;
    }
    if (r < STIRLING_FROM) {
      return logGamma(r + x) - logGamma(r);
    }
    return (r - 0.5) * Math.log1p(x / r)
        + x * Math.log(r + x)
        - x
        + (stirlingTail(r + x) - stirlingTail(r));
  }

  /** δ(z) = ln Γ(z) − [(z − ½)·ln z − z + ½·ln 2π], z >= {@value #STIRLING_FROM}. */
  private static double stirlingTail(double z) {
    double u = 1 / z;
    double u2 = u * u;
    return u * (1.0 / 12 - u2 * (1.0 / 360 - u2 * (1.0 / 1260 - u2 * (1.0 / 1680 - u2 / 1188))));
  }
}
