package com.crmanalytics.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assertions.withinPercentage;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class HypergeometricTest {

  @ParameterizedTest
  @CsvSource({"0.0", "1e-9", "0.3", "0.9", "0.999"})
  void logSeriesClosedForm(double z) {
    double expected = z == 0 ? 1 : -Math.log1p(-z) / z;
    assertThat(Hypergeometric.value(1, 1, 2, z)).isCloseTo(expected, withinPercentage(1e-11));
  }

  @ParameterizedTest
  @CsvSource({"0.25, 2.5, 0.47", "3.7, 0.8, 0.95", "200.25, 202.5, 0.5", "1000, 800, 0.95", "0.5, 1e6, 0.9"})
  void binomialClosedFormIncludingHeavyBuyers(double a, double b, double z) {
    // 2F1(a, b; b; z) = (1 − z)^−a
    assertThat(Hypergeometric.log(a, b, b, z)).isCloseTo(-a * Math.log1p(-z), withinPercentage(1e-11));
  }

  @ParameterizedTest
  @CsvSource({"1, 0.6", "20, 0.81", "150, 0.9", "400, 0.9"})
  void largeParametersNearOneInLogs(double a, double w) {
    // 2F1(a, a + 1/2; 3/2; w²) = ((1 − w)^(1−2a) − (1 + w)^(1−2a)) / (2w(2a − 1)); 400 overflows a double
    double k = 2 * a - 1;
    double expected = -k * Math.log1p(-w) + Math.log1p(-Math.pow((1 - w) / (1 + w), k)) - Math.log(2 * w * k);
    assertThat(Hypergeometric.log(a, a + 0.5, 1.5, w * w)).isCloseTo(expected, within(1e-11 * Math.abs(expected)));
  }

  @Test
  void agreesWithScipyOnGeneralArguments() {
    // scipy.special.hyp2f1 reference values
    assertThat(Hypergeometric.log(20, 3.5, 21.7, 0.6)).isCloseTo(2.8575003325232853, within(1e-12));
    assertThat(Hypergeometric.value(0.3, 2.5, 0.6, 0.5)).isCloseTo(2.8180794482609315, within(1e-12));
  }

  @Test
  void overflowingValueFailsButLogWorks() {
    assertThat(Hypergeometric.log(600, 600, 1.5, 0.9)).isFinite();
    assertThatThrownBy(() -> Hypergeometric.value(600, 600, 1.5, 0.9))
        .isInstanceOf(ModelException.class).hasMessageContaining("a=600.0").hasMessageContaining("overflows a double; use the log form");
  }

  @Test
  void slowConvergenceFailsLoudlyNamingArguments() {
    assertThatThrownBy(() -> Hypergeometric.value(1, 1, 2, 0.99999))
        .isInstanceOf(ModelException.class)
        .hasMessageContaining("2F1(a=1.0, b=1.0; c=2.0; z=0.99999)")
        .hasMessageContaining("did not converge within 100000 terms");
  }

  @ParameterizedTest
  @CsvSource({"1, 1, 2, 1.0", "1, 1, 2, -0.1", "1, 1, 0, 0.5", "1, 1, -2, 0.5", "NaN, 1, 2, 0.5"})
  void invalidArgumentsAreRejected(double a, double b, double c, double z) {
    assertThatThrownBy(() -> Hypergeometric.value(a, b, c, z)).isInstanceOf(ModelException.class)
        .hasMessageContaining("2F1(a=");
  }
}
