package com.crmanalytics.model;

import java.util.Locale;

/**
 * Gauss hypergeometric function 2F1(a, b; c; z) for 0 <= z < 1, summed as a scaled series and switching to
 * Euler's transform 2F1(a, b; c; z) = (1 − z)^(c−a−b) · 2F1(c−a, c−b; c; z) when that series grows less.
 *
 * <p>Terms are rescaled as they grow, so heavy buyers (large a, b) neither overflow nor lose precision. The sum
 * stops when a geometric bound on the remaining tail is below 1e-15 of the sum; after {@value #MAX_TERMS} terms
 * of both forms (or if both cancel catastrophically) it throws {@link ModelException} rather than return NaN or
 * Infinity. Arguments are dimensionless.
 */
public final class Hypergeometric {

  /** Most terms summed per form before giving up. */
  public static final int MAX_TERMS = 100_000;

  private static final double TOLERANCE = 1e-15;
  private static final double CANCELLATION = 1e-6;
  private static final double RESCALE = 1e200;
  private static final double LOG_RESCALE = Math.log(RESCALE);

  private Hypergeometric() {}

  /** 2F1(a, b; c; z); throws if the value is not representable as a finite double (use {@link #log}). */
  public static double value(double a, double b, double c, double z) {
    Scaled s = evaluate(a, b, c, z);
    double v = s.mantissa() * Math.exp(s.logScale());
    Checks.check(Double.isFinite(v), "2F1(a=%s, b=%s; c=%s; z=%s) overflows a double; use the log form", a, b, c, z);
    return v;
  }

  /** ln 2F1(a, b; c; z); throws if 2F1 is not positive. */
  public static double log(double a, double b, double c, double z) {
    Scaled s = evaluate(a, b, c, z);
    Checks.check(s.mantissa() > 0, "2F1(a=%s, b=%s; c=%s; z=%s) = %s is not positive, its log is undefined",
        a, b, c, z, s.mantissa());
    return Math.log(s.mantissa()) + s.logScale();
  }

  /** value = mantissa · e^logScale. */
  private record Scaled(double mantissa, double logScale) {}

  private static Scaled evaluate(double a, double b, double c, double z) {
    Checks.check(Double.isFinite(a) && Double.isFinite(b) && Double.isFinite(c),
        "2F1(a=%s, b=%s; c=%s; z=%s): a, b, c must be finite", a, b, c, z);
    Checks.check(z >= 0 && z < 1, "2F1(a=%s, b=%s; c=%s; z=%s): z must be in [0, 1)", a, b, c, z);
    Checks.check(c > 0 || c != Math.rint(c),
        "2F1(a=%s, b=%s; c=%s; z=%s): c must not be zero or a negative integer", a, b, c, z);
    if (z == 0) {
      return new Scaled(1, 0);
    }
    boolean eulerFirst = Math.abs((c - a) * (c - b)) < Math.abs(a * b);
    Scaled first = eulerFirst ? euler(a, b, c, z) : series(a, b, c, z);
    Scaled result = first != null ? first : eulerFirst ? series(a, b, c, z) : euler(a, b, c, z);
    if (result == null) {
      throw new ModelException(String.format(Locale.ROOT, "2F1(a=%s, b=%s; c=%s; z=%s) did not converge "
          + "within %d terms without cancellation, directly or after Euler's transform", a, b, c, z, MAX_TERMS));
    }
    return result;
  }

  private static Scaled euler(double a, double b, double c, double z) {
    Scaled s = series(c - a, c - b, c, z);
    return s == null ? null : new Scaled(s.mantissa(), s.logScale() + (c - a - b) * Math.log1p(-z));
  }

  /** Sums the series; null if it does not converge within the cap or cancels catastrophically. */
  private static Scaled series(double a, double b, double c, double z) {
    double term = 1;
    double sum = 1;
    double logScale = 0;
    double largest = 1;
    for (int j = 1; j <= MAX_TERMS; j++) {
      double ratio = (a + j - 1) * (b + j - 1) / ((c + j - 1) * j) * z;
      term *= ratio;
      sum += term;
      if (Math.abs(term) > RESCALE || Math.abs(sum) > RESCALE) {
        term /= RESCALE;
        sum /= RESCALE;
        largest /= RESCALE;
        logScale += LOG_RESCALE;
      }
      largest = Math.max(largest, Math.abs(term));
      if (!Double.isFinite(sum)) {
        return null;
      }
      // For large j the ratio tends to z monotonically, so max(|ratio|, z) bounds the ratios still to come.
      double q = Math.max(Math.abs(ratio), z);
      if (term == 0 || (q < 1 && Math.abs(term) * q / (1 - q) <= TOLERANCE * Math.abs(sum))) {
        // terms of both signs that cancel to below 1e-6 of the largest leave too few digits: try the other form
        return Math.abs(sum) >= CANCELLATION * largest ? new Scaled(sum, logScale) : null;
      }
    }
    return null;
  }
}
