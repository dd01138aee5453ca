package com.crmanalytics.model;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;
import org.hipparchus.distribution.discrete.HypergeometricDistribution;

/**
 * Whether an association rule "orders with A also hold B" is more than chance: the one-sided
 * hypergeometric test of the number of orders holding both against products bought independently,
 * and the Benjamini–Hochberg procedure that keeps the false-discovery rate of a whole set of rules
 * at a chosen level.
 */
public final class RuleSignificance {
  private RuleSignificance() {}

  /**
   * P(at least {@code both} of the {@code antecedent} orders with A also hold B) when the {@code
   * consequent} orders with B are spread over all {@code baskets} orders at random.
   */
  public static double pValue(long baskets, long antecedent, long consequent, long both) {
    Checks.check(
        baskets > 0 && baskets <= Integer.MAX_VALUE,
        "baskets must be 1 to %s, got %s",
        Integer.MAX_VALUE,
        baskets);
    Checks.check(
        antecedent >= both
            && consequent >= both
            && both >= 0
            && antecedent <= baskets
            && consequent <= baskets,
        "inconsistent counts: baskets %s, antecedent %s, consequent %s, both %s",
        baskets,
        antecedent,
        consequent,
        both);
    HypergeometricDistribution d =
        new HypergeometricDistribution((int) baskets, (int) consequent, (int) antecedent);
    return Math.min(1.0, Math.max(0.0, d.upperCumulativeProbability((int) both)));
  }

  /**
   * Benjamini–Hochberg at false-discovery rate {@code q}: true for the p-values declared
   * significant (the largest k with p_(k) ≤ k·q/m, and every smaller p-value).
   */
  public static boolean[] discoveries(double[] pValues, double q) {
    Checks.check(q > 0 && q <= 1, "false-discovery rate must be in (0, 1], got %s", q);
    int m = pValues.length;
    Integer[] order = IntStream.range(0, m).boxed().toArray(Integer[]::new);
    Arrays.sort(order, Comparator.comparingDouble(i -> pValues[i]));
    int last = -1;
    for (int k = 0; k < m; k++) {
      if (pValues[order[k]] <= (k + 1) * q / m) {
        last = k;
      }
    }
    boolean[] keep = new boolean[m];
    for (int k = 0; k <= last; k++) {
      keep[order[k]] = true;
    }
    return keep;
  }
}
