package com.crmanalytics.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ConcentrationTest {
  /**
   * Buckets, totals and the curves of values ranked largest first, as the report stage feeds them.
   */
  static double[][] curves(double... rankedLargestFirst) {
    int n = rankedLargestFirst.length;
    double[] buckets = new double[101];
    double total = 0;
    double weighted = 0;
    for (int rank = 1; rank <= n; rank++) {
      double v = rankedLargestFirst[rank - 1];
      buckets[Concentration.bucket(rank, n)] += v;
      total += v;
      weighted += (n - rank + 1) * v;
    }
    double[] top = Concentration.topShares(buckets, total);
    return new double[][] {
      top, Concentration.lorenz(top, total), {Concentration.gini(n, total, weighted)}
    };
  }

  @Test
  void aBucketIsTheFirstPercentileWhoseTopSetHoldsTheRank() {
    // n = 5: the top p% holds ceil(p·5/100) customers, so rank 1 from p = 1, rank 2 from p = 21.
    assertThat(Concentration.bucket(1, 5)).isEqualTo(1);
    assertThat(Concentration.bucket(2, 5)).isEqualTo(21);
    assertThat(Concentration.bucket(5, 5)).isEqualTo(81);
    assertThat(Concentration.topCustomers(20, 5)).isEqualTo(1);
    assertThat(Concentration.topCustomers(21, 5)).isEqualTo(2);
    for (long n : new long[] {1, 7, 99, 100, 101, 12345}) {
      for (long rank = 1; rank <= n; rank += Math.max(1, n / 50)) {
        int b = Concentration.bucket(rank, n);
        assertThat(rank).isLessThanOrEqualTo(Concentration.topCustomers(b, n));
        if (b > 1) {
          assertThat(rank).isGreaterThan(Concentration.topCustomers(b - 1, n));
        }
      }
    }
  }

  @Test
  void handComputedCurvesAndGini() {
    double[][] c = curves(60, 30, 10, 0, 0);
    assertThat(c[0][20]).isCloseTo(0.6, within(1e-12));
    assertThat(c[0][40]).isCloseTo(0.9, within(1e-12));
    assertThat(c[0][100]).isCloseTo(1.0, within(1e-12));
    assertThat(c[1][40]).isCloseTo(0.0, within(1e-12)); // the bottom 2 hold nothing
    assertThat(c[1][60]).isCloseTo(0.1, within(1e-12));
    // Σ i·x = 3·10 + 4·30 + 5·60 = 450; G = 2·450/(5·100) − 6/5 = 0.6
    assertThat(c[2][0]).isCloseTo(0.6, within(1e-12));
  }

  @Test
  void equalValuesHaveNoConcentrationAndOneCustomerHasAll() {
    double[][] equal = curves(10, 10, 10, 10);
    assertThat(equal[2][0]).isCloseTo(0.0, within(1e-12));
    assertThat(equal[0][50]).isCloseTo(0.5, within(1e-12));
    assertThat(equal[1][50]).isCloseTo(0.5, within(1e-12));
    double[][] one = curves(100, 0, 0, 0);
    assertThat(one[2][0])
        .isCloseTo(0.75, within(1e-12)); // (n − 1)/n: the most unequal n = 4 allows
    assertThat(curves(0, 0, 0)[2][0]).isZero();
    assertThat(curves(0, 0, 0)[0][100]).isZero();
    assertThat(curves(42)[2][0]).isZero();
  }
}
