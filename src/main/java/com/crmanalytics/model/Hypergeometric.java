package com.crmanalytics.model;

import static org.hipparchus.special.Gamma.logGamma;

import java.util.Locale;

/**
 * Gauss hypergeometric function 2F1(a, b; c; z) for 0 <= z < 1, summed as a scaled series and
 * switching to Euler's transform 2F1(a, b; c; z) = (1 − z)^(c−a−b) · 2F1(c−a, c−b; c; z) when that
 * series grows less.
 *
 * <p>Terms are rescaled as they grow, so heavy buyers (large a, b) neither overflow nor lose
 * precision. The sum stops when a geometric bound on the remaining tail is below 1e-15 of the sum;
 * after {@value #MAX_TERMS} terms of both forms (or if both cancel catastrophically) it throws
 * {@link ModelException} rather than return NaN or Infinity. Arguments are dimensionless.
 *
 * <p>Near z = 1 (z > {@value #NEAR_ONE}) both series need of the order of 35/(1 − z) terms, which
 * long horizons (z = t/(α + T + t) → 1) and heavy buyers reach, so there the linear transformation
 * z → 1 − z (Abramowitz & Stegun 15.3.6) is tried before the series: 2F1(a, b; c; z) = A·2F1(a, b;
 * a+b−c+1; 1−z) + B·(1−z)^(c−a−b)·2F1(c−a, c−b; c−a−b+1; 1−z), A = Γ(c)Γ(c−a−b)/(Γ(c−a)Γ(c−b)), B =
 * Γ(c)Γ(a+b−c)/(Γ(a)Γ(b)), whose series in 1 − z converge fast. If it cancels, the series are
 * summed as before. Its Gamma factors have poles where c − a − b is an integer: within {@value
 * #INTEGER_GAP} of one the series go first, and only if they fail is ln 2F1 interpolated linearly
 * in c between c − a − b = k ± {@value #INTEGER_GAP} (2F1 is analytic in c; the error is of the
 * order of the gap squared times ln²(1 − z), plus the two terms' cancellation of about 1e-16 / gap:
 * about 1e-7 relative).
 */
public final class Hypergeometric {

  /** Most terms summed per form before giving up. */
  public static final int MAX_TERMS = 100_000;

  /** Above this z the transformation z → 1 − z is tried before the series. */
  static final double NEAR_ONE = 0.9;

  static final double INTEGER_GAP = 1e-5;
  private static final double TOLERANCE = 1e-15;
  private static final double CANCELLATION = 1e-6;
  private static final double RESCALE = 1e200;
  private static final double LOG_RESCALE = Math.log(RESCALE);

  private Hypergeometric() {}

  /**
   * 2F1(a, b; c; z); throws if the value is not representable as a finite double (use {@link
   * #log}).
   */
  public static double value(double a, double b, double c, double z) {
    Scaled s = evaluate(a, b, c, z);
    double v = s.mantissa() * Math.exp(s.logScale());
    Checks.check(
        Double.isFinite(v),
        "2F1(a=%s, b=%s; c=%s; z=%s) overflows a double; use the log form",
        a,
        b,
        c,
        z);
    return v;
  }

  /** ln 2F1(a, b; c; z); throws if 2F1 is not positive. */
  public static double log(double a, double b, double c, double z) {
    Scaled s = evaluate(a, b, c, z);
    Checks.check(
        s.mantissa() > 0,
        "2F1(a=%s, b=%s; c=%s; z=%s) = %s is not positive, its log is undefined",
        a,
        b,
        c,
        z,
        s.mantissa());
    return Math.log(s.mantissa()) + s.logScale();
  }

  /**
   * 1 − e^f · 2F1(a, b; c; z), for the BTYD expectations' {@code 1 − ratio · 2F1}: {@code −expm1(f
   * + log 2F1)} where 2F1 is positive, and also where it is not, which it can be for c &lt; 0
   * (BG/NBD's c = a + b + x − 1 of a customer without repeat purchases when a + b &lt; 1, found on
   * tiny data): then the product is negative and the result above 1.
   */
  public static double oneMinusScaled(double f, double a, double b, double c, double z) {
    Scaled s = evaluate(a, b, c, z);
    if (s.mantissa() > 0) {
      return -Math.expm1(f + (Math.log(s.mantissa()) + s.logScale()));
    }
    return 1 + Math.exp(f + Math.log(-s.mantissa()) + s.logScale());
  }

  /** value = mantissa · e^logScale. */
  private record Scaled(double mantissa, double logScale) {}

  private static Scaled evaluate(double a, double b, double c, double z) {
    Checks.check(
        Double.isFinite(a) && Double.isFinite(b) && Double.isFinite(c),
        "2F1(a=%s, b=%s; c=%s; z=%s): a, b, c must be finite",
        a,
        b,
        c,
        z);
    Checks.check(z >= 0 && z < 1, "2F1(a=%s, b=%s; c=%s; z=%s): z must be in [0, 1)", a, b, c, z);
    Checks.check(
        c > 0 || c != Math.rint(c),
        "2F1(a=%s, b=%s; c=%s; z=%s): c must not be zero or a negative integer",
        a,
        b,
        c,
        z);
    if (z == 0) {
      return new Scaled(1, 0);
    }
    boolean integerGap = Math.abs(c - a - b - Math.rint(c - a - b)) < INTEGER_GAP;
    if (z > NEAR_ONE && !integerGap) {
      Scaled transformed = linear(a, b, c, z);
      if (transformed != null && plausible(transformed, a, b, c)) {
        return transformed;
      }
    }
    boolean eulerFirst = Math.abs((c - a) * (c - b)) < Math.abs(a * b);
    Scaled first = eulerFirst ? euler(a, b, c, z) : series(a, b, c, z);
    Scaled result = first != null ? first : eulerFirst ? series(a, b, c, z) : euler(a, b, c, z);
    if (result == null && z > NEAR_ONE && integerGap) {
      result = nearOne(a, b, c, z);
    }
    if (result == null) {
      throw new ModelException(
          String.format(
              Locale.ROOT,
              "2F1(a=%s, b=%s; c=%s; z=%s) did not converge "
                  + "within %d terms without cancellation, directly or after Euler's transform",
              a,
              b,
              c,
              z,
              MAX_TERMS));
    }
    return result;
  }

  /**
   * With a, b, c > 0 every term of the series is positive, so 2F1 ≥ 1 for z ≥ 0: a transformed
   * value below that has lost its precision to the cancellation of two huge terms (seen on a heavy
   * buyer of real data: a = 78.8, b = 650.4, c = 650.1, z = 0.952 gave −1), and the series are
   * summed instead.
   */
  private static boolean plausible(Scaled s, double a, double b, double c) {
    return !(a > 0 && b > 0 && c > 0)
        || (s.mantissa() > 0 && Math.log(s.mantissa()) + s.logScale() >= -1e-12);
  }

  /**
   * The z → 1 − z transformation, interpolated in c next to an integer c − a − b; null if it
   * cancels.
   */
  private static Scaled nearOne(double a, double b, double c, double z) {
    double m = c - a - b;
    double k = Math.rint(m);
    if (Math.abs(m - k) >= INTEGER_GAP) {
      return linear(a, b, c, z);
    }
    double cLo = a + b + k - INTEGER_GAP;
    double cHi = a + b + k + INTEGER_GAP;
    if (!(cLo > 0 || cLo != Math.rint(cLo))) {
      return null;
    }
    Scaled lo = linear(a, b, cLo, z);
    Scaled hi = linear(a, b, cHi, z);
    if (lo == null || hi == null || !(lo.mantissa() > 0) || !(hi.mantissa() > 0)) {
      return null;
    }
    double f = (c - cLo) / (cHi - cLo);
    double logLo = Math.log(lo.mantissa()) + lo.logScale();
    double logHi = Math.log(hi.mantissa()) + hi.logScale();
    return new Scaled(1, logLo + f * (logHi - logLo));
  }

  /**
   * A&S 15.3.6 for non-integer c − a − b, both terms in logs with their signs; null if they cancel.
   */
  private static Scaled linear(double a, double b, double c, double z) {
    double w = 1 - z;
    double m = c - a - b;
    Scaled s1 = series(a, b, 1 - m, w);
    Scaled s2 = series(c - a, c - b, 1 + m, w);
    if (s1 == null || s2 == null) {
      return null;
    }
    double log1 =
        lnAbsGamma(c)
            + lnAbsGamma(m)
            - lnAbsGamma(c - a)
            - lnAbsGamma(c - b)
            + Math.log(Math.abs(s1.mantissa()))
            + s1.logScale();
    double sign1 =
        gammaSign(c)
            * gammaSign(m)
            * gammaSign(c - a)
            * gammaSign(c - b)
            * Math.signum(s1.mantissa());
    double log2 =
        lnAbsGamma(c)
            + lnAbsGamma(-m)
            - lnAbsGamma(a)
            - lnAbsGamma(b)
            + m * Math.log(w)
            + Math.log(Math.abs(s2.mantissa()))
            + s2.logScale();
    double sign2 =
        gammaSign(c) * gammaSign(-m) * gammaSign(a) * gammaSign(b) * Math.signum(s2.mantissa());
    double max = Math.max(log1, log2);
    if (Double.isNaN(max) || max == Double.NEGATIVE_INFINITY || max == Double.POSITIVE_INFINITY) {
      return null;
    }
    double v = sign1 * Math.exp(log1 - max) + sign2 * Math.exp(log2 - max);
    return Math.abs(v) >= CANCELLATION && Double.isFinite(v) ? new Scaled(v, max) : null;
  }

  /**
   * ln |Γ(x)|; +∞ at the poles (x = 0, −1, −2, …), so that a 1/Γ factor there contributes a zero
   * term.
   */
  static double lnAbsGamma(double x) {
    if (x > 0) {
      return logGamma(x);
    }
    if (x == Math.rint(x)) {
      return Double.POSITIVE_INFINITY;
    }
    // reflection Γ(x) = π / (sin(πx) Γ(1 − x)), with sin(πx) taken on the fractional part for
    // accuracy
    double frac = x - Math.floor(x);
    return Math.log(Math.PI) - Math.log(Math.sin(Math.PI * frac)) - logGamma(1 - x);
  }

  /**
   * The sign of Γ(x): +1 for x > 0, (−1)^⌊x⌋ for negative non-integers (+1 at the poles, where 1/Γ
   * = 0).
   */
  static double gammaSign(double x) {
    if (x > 0 || x == Math.rint(x)) {
      return 1;
    }
    return ((long) Math.floor(x)) % 2 == 0 ? 1 : -1;
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
      // For large j the ratio tends to z monotonically, so max(|ratio|, z) bounds the ratios still
      // to come.
      double q = Math.max(Math.abs(ratio), z);
      if (term == 0 || (q < 1 && Math.abs(term) * q / (1 - q) <= TOLERANCE * Math.abs(sum))) {
        // terms of both signs that cancel to below 1e-6 of the largest leave too few digits: try
        // the other form
        return Math.abs(sum) >= CANCELLATION * largest ? new Scaled(sum, logScale) : null;
      }
    }
    return null;
  }
}
