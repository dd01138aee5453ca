package com.crmanalytics.model;

import org.hipparchus.analysis.integration.gauss.GaussIntegrator;
import org.hipparchus.analysis.integration.gauss.GaussIntegratorFactory;

/**
 * E[X(T, T+t) | x, t_x, T] of the BG/NBD family by quadrature over the drop-out probability: the
 * check of, and the fallback for, the closed forms through 2F1, which lose every digit for heavy
 * buyers at long horizons (Online Retail II: a customer with 127 purchases in a year had a lifetime
 * value of 1.4e48 dollars; the series cancel catastrophically for some z and the error passes
 * unnoticed).
 *
 * <p>Given alive, the purchase rate is λ | data ~ Gamma(r + x, α + T) and the drop-out probability
 * p | data ~ Beta(a, b') (b' = b + x for BG/NBD, b + x + 1 for MBG/NBD). A customer who drops out
 * after each purchase with probability p makes (1/p)(1 − e^(−λpt)) purchases in t on average; over
 * λ that is g(p) = (1/p)(1 − (1 + p·t/(α + T))^−(r+x)), bounded by (r + x)·t/(α + T) and smooth in
 * p, but steep where p·(r + x)·t/(α + T) is near 1, which at long horizons lies decades below p =
 * 1. Its mean under Beta(a, b') is taken after the substitution p = p_max·u^(1/a), which removes
 * the density's singularity at 0 for a &lt; 1 (beyond p_max the Beta mass is negligible), by
 * {@value #NODES}-point Gauss–Legendre on each decade of u from 1e-10 to 1 (132 evaluations), the
 * weights normalised by their own sum. Agrees with the closed form to better than 1e-6 where the
 * closed form is right (BgNbdTest's 50-digit values).
 */
final class DropoutQuadrature {
  /** Gauss–Legendre nodes per panel. */
  static final int NODES = 12;

  /** Panels in u: [0, 1e-10], then one per decade up to [0.1, 1]. */
  static final int DECADES = 10;

  /** Relative disagreement beyond which the closed form is taken as wrong. */
  static final double TOLERANCE = 1e-5;

  private static final double[] U;
  private static final double[] W;

  static {
    GaussIntegratorFactory factory = new GaussIntegratorFactory();
    U = new double[NODES * (DECADES + 1)];
    W = new double[U.length];
    int n = 0;
    for (int d = DECADES; d >= 0; d--) {
      double lo = d == DECADES ? 0 : Math.pow(10, -d - 1);
      double hi = Math.pow(10, -d);
      GaussIntegrator rule = factory.legendre(NODES, lo, hi);
      for (int i = 0; i < NODES; i++, n++) {
        U[n] = rule.getPoint(i);
        W[n] = rule.getWeight(i);
      }
    }
  }

  private DropoutQuadrature() {}

  /**
   * The posterior shape r + x from which the closed form is checked against the quadrature: its
   * series cancel for heavy buyers (they were exact to 1e-9 up to x = 42 and lost every digit from
   * x = 67 on Online Retail II's fit); below it only a value outside [0, bound] calls the
   * quadrature, which costs about ten closed forms.
   */
  static final double HEAVY = 10;

  /**
   * {@code closedForm} if it is plausible (between 0 and the purchases of a customer who never
   * drops out, P(alive)·(r + x)·t/(α + T)) and, for heavy buyers, agrees with the quadrature; else
   * the quadrature: E[X(T, T+t)] given P(alive), the posterior shape r + x and scaled horizon t/(α
   * + T) of λ, and the Beta(a, b') posterior of p among the alive.
   *
   * @param closedForm the closed form's value (a closed form that cannot be computed at all still
   *     fails: the model choice drops such a model, as it drops one whose other formulas fail)
   */
  static double checked(
      double closedForm, double alive, double shape, double scaledT, double a, double bPrime) {
    boolean plausible = closedForm >= 0 && closedForm <= alive * shape * scaledT * (1 + 1e-9);
    if (plausible && shape < HEAVY) {
      return closedForm;
    }
    double q = alive * mean(shape, scaledT, a, bPrime);
    return plausible && Math.abs(closedForm - q) <= TOLERANCE * q ? closedForm : q;
  }

  /** E over p ~ Beta(a, b') of (1/p)(1 − (1 + p·s)^−k). */
  static double mean(double k, double s, double a, double bPrime) {
    double pMax = Math.min(1.0, (a + 12 * Math.sqrt(a) + 40) / (a + bPrime));
    double sum = 0;
    double weights = 0;
    for (int i = 0; i < U.length; i++) {
      double p = pMax * Math.pow(U[i], 1 / a);
      double w = W[i] * Math.exp((bPrime - 1) * Math.log1p(-p));
      double g = p == 0 ? k * s : -Math.expm1(-k * Math.log1p(p * s)) / p;
      sum += w * g;
      weights += w;
    }
    return sum / weights;
  }
}
