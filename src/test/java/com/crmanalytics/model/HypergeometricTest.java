package com.crmanalytics.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assertions.withinPercentage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HypergeometricTest {

  @ParameterizedTest
  @CsvSource({"0.0", "1e-9", "0.3", "0.9", "0.999"})
  void logSeriesClosedForm(double z) {
    double expected = z == 0 ? 1 : -Math.log1p(-z) / z;
    assertThat(Hypergeometric.value(1, 1, 2, z)).isCloseTo(expected, withinPercentage(1e-11));
  }

  @ParameterizedTest
  @CsvSource({
    "0.25, 2.5, 0.47",
    "3.7, 0.8, 0.95",
    "200.25, 202.5, 0.5",
    "1000, 800, 0.95",
    "0.5, 1e6, 0.9"
  })
  void binomialClosedFormIncludingHeavyBuyers(double a, double b, double z) {
    // 2F1(a, b; b; z) = (1 − z)^−a
    assertThat(Hypergeometric.log(a, b, b, z))
        .isCloseTo(-a * Math.log1p(-z), withinPercentage(1e-11));
  }

  @ParameterizedTest
  @CsvSource({"1, 0.6", "20, 0.81", "150, 0.9", "400, 0.9"})
  void largeParametersNearOneInLogs(double a, double w) {
    // 2F1(a, a + 1/2; 3/2; w²) = ((1 − w)^(1−2a) − (1 + w)^(1−2a)) / (2w(2a − 1)); 400 overflows a
    // double
    double k = 2 * a - 1;
    double expected =
        -k * Math.log1p(-w) + Math.log1p(-Math.pow((1 - w) / (1 + w), k)) - Math.log(2 * w * k);
    assertThat(Hypergeometric.log(a, a + 0.5, 1.5, w * w))
        .isCloseTo(expected, within(1e-11 * Math.abs(expected)));
  }

  @Test
  void agreesWithScipyOnGeneralArguments() {
    // scipy.special.hyp2f1 reference values
    assertThat(Hypergeometric.log(20, 3.5, 21.7, 0.6)).isCloseTo(2.8575003325232853, within(1e-12));
    assertThat(Hypergeometric.value(0.3, 2.5, 0.6, 0.5))
        .isCloseTo(2.8180794482609315, within(1e-12));
  }

  @Test
  void overflowingValueFailsButLogWorks() {
    assertThat(Hypergeometric.log(600, 600, 1.5, 0.9)).isFinite();
    assertThatThrownBy(() -> Hypergeometric.value(600, 600, 1.5, 0.9))
        .isInstanceOf(ModelException.class)
        .hasMessageContaining("a=600.0")
        .hasMessageContaining("overflows a double; use the log form");
  }

  @ParameterizedTest
  @CsvSource({"0.99999", "0.9999999"})
  void integerCMinusAMinusBNearOneIsInterpolated(double z) {
    // c − a − b = 0: the series would need millions of terms and the transformation has a pole; 2F1
    // = −ln(1 − z)/z
    assertThat(Hypergeometric.value(1, 1, 2, z))
        .isCloseTo(-Math.log1p(-z) / z, withinPercentage(2e-5));
  }

  @ParameterizedTest
  @CsvSource({
    "250.3, 300.7, 0.9999",
    "0.5248, 3.1, 0.99999",
    "2000.24, 2002.4, 0.999999",
    "1.7, 0.3, 0.95"
  })
  void nearOneTheTransformationIsExactOnTheBinomialIdentity(double a, double b, double z) {
    // 2F1(a, b; b; z) = (1 − z)^−a, with c − a − b = −a not an integer
    assertThat(Hypergeometric.log(a, b, b, z))
        .isCloseTo(-a * Math.log1p(-z), within(1e-12 * a * -Math.log1p(-z)));
  }

  @ParameterizedTest
  @CsvSource({
    "20.5, 30.25, 45.125, 0.999",
    "0.7426, 3.4259, 4.2188, 0.9995",
    "12.5, 3.5, 2.2, 0.998",
    "2.2426, 4.4259, 5.2188, 0.9"
  })
  void nearOneMatchesAFortyDigitSeries(double a, double b, double c, double z) {
    double expected = bigSeriesLog(a, b, c, z);
    assertThat(Hypergeometric.log(a, b, c, z))
        .isCloseTo(expected, within(1e-12 * Math.max(1, Math.abs(expected))));
  }

  @Test
  void switchingToTheTransformationIsContinuous() {
    double below = Hypergeometric.log(5.2426, 7.4259, 10.2188, Hypergeometric.NEAR_ONE);
    double above =
        Hypergeometric.log(5.2426, 7.4259, 10.2188, Math.nextUp(Hypergeometric.NEAR_ONE));
    assertThat(above).isCloseTo(below, within(1e-13 * Math.abs(below)));
  }

  @Test
  void longHorizonsOfHeavyBuyersAreFinite() {
    // BG/NBD at the published CDNOW parameters, x = 300 over 100 years (z = 0.9999): the old series
    // gave up here
    BgNbd model = new BgNbd(0.2426, 4.4135, 0.7929, 2.4259);
    double e = model.expectedTransactions(300, 38.5, 39, 520_000);
    assertThat(e).isFinite().isPositive();
    MbgNbd mbg = new MbgNbd(0.5248, 6.1830, 0.8914, 1.6140);
    assertThat(mbg.expectedTransactions(300, 38.5, 39, 520_000)).isFinite().isPositive();
  }

  /**
   * ln 2F1 by its series in 40-digit decimal arithmetic, summed until a term is below 1e-35 of the
   * sum.
   */
  private static double bigSeriesLog(double a, double b, double c, double z) {
    java.math.MathContext mc = new java.math.MathContext(40);
    java.math.BigDecimal ba = new java.math.BigDecimal(a);
    java.math.BigDecimal bb = new java.math.BigDecimal(b);
    java.math.BigDecimal bc = new java.math.BigDecimal(c);
    java.math.BigDecimal bz = new java.math.BigDecimal(z);
    java.math.BigDecimal term = java.math.BigDecimal.ONE;
    java.math.BigDecimal sum = java.math.BigDecimal.ONE;
    for (int j = 0; j < 5_000_000; j++) {
      java.math.BigDecimal bj = java.math.BigDecimal.valueOf(j);
      term =
          term.multiply(ba.add(bj))
              .multiply(bb.add(bj), mc)
              .multiply(bz, mc)
              .divide(bc.add(bj).multiply(bj.add(java.math.BigDecimal.ONE)), mc);
      sum = sum.add(term, mc);
      if (j > 10 && term.abs().compareTo(sum.abs().movePointLeft(35)) < 0) {
        break;
      }
    }
    // ln of a 40-digit decimal: split into mantissa and power of ten
    int exponent = sum.precision() - sum.scale() - 1;
    return Math.log(sum.movePointLeft(exponent).doubleValue()) + exponent * Math.log(10);
  }

  @ParameterizedTest
  @CsvSource({"1, 1, 2, 1.0", "1, 1, 2, -0.1", "1, 1, 0, 0.5", "1, 1, -2, 0.5", "NaN, 1, 2, 0.5"})
  void invalidArgumentsAreRejected(double a, double b, double c, double z) {
    assertThatThrownBy(() -> Hypergeometric.value(a, b, c, z))
        .isInstanceOf(ModelException.class)
        .hasMessageContaining("2F1(a=");
  }

  @Test
  void aHeavyBuyerOfRealDataNearZOneIsPositiveAndMatchesEulersSeries() {
    // Online Retail II, customer 14156 under MBG/NBD over the lifetime horizon: the z -> 1 - z form
    // cancelled to -1
    double a = 78.8374443340072;
    double b = 650.3962933923498;
    double c = 650.089894013805;
    double z = 0.9524191164383926;
    double v = Hypergeometric.value(a, b, c, z);
    // Euler: (1 - z)^(c - a - b) 2F1(c - a, c - b; c; z), the second series summed here term by
    // term
    double sum = 1;
    double term = 1;
    for (int j = 0; j < 20_000; j++) {
      term *= (c - a + j) * (c - b + j) / ((c + j) * (j + 1)) * z;
      sum += term;
    }
    double euler = Math.pow(1 - z, c - a - b) * sum;
    org.assertj.core.api.Assertions.assertThat(v)
        .isGreaterThan(1)
        .isCloseTo(euler, org.assertj.core.api.Assertions.within(1e-9 * euler));
  }
}
