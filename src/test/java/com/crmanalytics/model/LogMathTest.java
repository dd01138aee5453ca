package com.crmanalytics.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.hipparchus.special.Gamma.logGamma;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LogMathTest {

  /**
   * ln Γ(r + x) − ln Γ(r) = Σ_{i<x} ln(r + i) = x·ln r + Σ ln(1 + i/r) for integer x: exact to a
   * few ulps.
   */
  private static double exactForInteger(double r, int x) {
    double sum = x * Math.log(r);
    for (int i = 0; i < x; i++) {
      sum += Math.log1p(i / r);
    }
    return sum;
  }

  @ParameterizedTest
  @CsvSource({
    "1e10, 1",
    "1e10, 7",
    "1e10, 250",
    "1e16, 1",
    "1e16, 5",
    "1e16, 2000",
    "1.6e16, 40",
    "25, 3",
    "20, 1",
    "19.999, 12",
    "1e6, 100000"
  })
  void lnGammaRatioHasNoCancellationForLargeR(double r, int x) {
    double exact = exactForInteger(r, x);
    assertThat(LogMath.lnGammaRatio(r, x))
        .isCloseTo(exact, within(2e-15 * Math.max(1, Math.abs(exact)) * x));
  }

  @Test
  void plainDifferenceIsWhatCancelsAtLargeR() {
    // the bug of the plain difference: at r = 1e16 one ulp of ln Γ(r) is 64, so the difference is
    // noise
    double r = 1e16;
    assertThat(Math.abs(logGamma(r + 5) - logGamma(r) - exactForInteger(r, 5))).isGreaterThan(1);
    assertThat(LogMath.lnGammaRatio(r, 5)).isCloseTo(exactForInteger(r, 5), within(1e-12));
  }

  @ParameterizedTest
  @CsvSource({"20, 0.37", "20.5, 13.25", "50, 2.5", "300, 0.001", "1000, 77.7"})
  void lnGammaRatioMatchesLogGammaForNonIntegerXWhereThatIsAccurate(double r, double x) {
    assertThat(LogMath.lnGammaRatio(r, x)).isCloseTo(logGamma(r + x) - logGamma(r), within(1e-12));
  }

  @Test
  void lnGammaRatioIsContinuousAtTheSwitch() {
    double below = LogMath.lnGammaRatio(Math.nextDown(LogMath.STIRLING_FROM), 3.5);
    double at = LogMath.lnGammaRatio(LogMath.STIRLING_FROM, 3.5);
    assertThat(at).isCloseTo(below, within(1e-13));
    assertThat(LogMath.lnGammaRatio(5, 0)).isZero();
  }
}
