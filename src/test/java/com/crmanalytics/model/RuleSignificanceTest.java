package com.crmanalytics.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class RuleSignificanceTest {

  /** The upper tail summed term by term from binomial coefficients, independently of Hipparchus. */
  static double directTail(int n, int a, int c, int both) {
    double total = 0;
    for (int k = both; k <= Math.min(a, c); k++) {
      total += Math.exp(lnChoose(c, k) + lnChoose(n - c, a - k) - lnChoose(n, a));
    }
    return total;
  }

  static double lnChoose(int n, int k) {
    double s = 0;
    for (int i = 1; i <= k; i++) {
      s += Math.log(n - k + i) - Math.log(i);
    }
    return s;
  }

  @Test
  void pValueIsTheHypergeometricUpperTail() {
    // 9 orders, A in 5, B in 3, both in 2
    assertThat(RuleSignificance.pValue(9, 5, 3, 2))
        .isCloseTo(directTail(9, 5, 3, 2), within(1e-12));
    // by hand: P(X >= 2) = [C(3,2)C(6,3) + C(3,3)C(6,2)] / C(9,5) = (60 + 15) / 126
    assertThat(RuleSignificance.pValue(9, 5, 3, 2)).isCloseTo(75 / 126.0, within(1e-12));
    assertThat(RuleSignificance.pValue(3618, 150, 300, 21))
        .isCloseTo(directTail(3618, 150, 300, 21), within(1e-12));
    assertThat(RuleSignificance.pValue(20000, 400, 500, 0)).isEqualTo(1.0);
  }

  @Test
  void chanceLevelPairsAreNotSignificantAndStrongOnesAre() {
    // expected both = 150 × 300 / 3618 = 12.4; 21 is a 1-in-60 event, 60 is far beyond chance
    assertThat(RuleSignificance.pValue(3618, 150, 300, 21)).isBetween(0.005, 0.05);
    assertThat(RuleSignificance.pValue(3618, 150, 300, 60)).isLessThan(1e-15);
  }

  @Test
  void benjaminiHochbergKeepsTheSmallestUpToTheLastPassingRank() {
    double[] p = {0.01, 0.039, 0.03, 0.20, 0.005};
    // sorted 0.005, 0.01, 0.03, 0.039, 0.20 against k q / m = 0.01, 0.02, 0.03, 0.04, 0.05 at q =
    // 0.05:
    // 0.039 passes at rank 4, so all below it are kept, even 0.03 (rank 3)
    assertThat(RuleSignificance.discoveries(p, 0.05))
        .containsExactly(true, true, true, false, true);
    // q = 0.03: 0.006, 0.012, 0.018, 0.024, 0.03: only the two smallest
    assertThat(RuleSignificance.discoveries(p, 0.03))
        .containsExactly(true, false, false, false, true);
    assertThat(RuleSignificance.discoveries(p, 0.001))
        .containsExactly(false, false, false, false, false);
    assertThat(RuleSignificance.discoveries(new double[0], 0.05)).isEmpty();
    assertThat(RuleSignificance.discoveries(p, 1.0)).containsExactly(true, true, true, true, true);
    assertThatThrownBy(() -> RuleSignificance.discoveries(p, 0))
        .hasMessageContaining("false-discovery rate");
  }
}
