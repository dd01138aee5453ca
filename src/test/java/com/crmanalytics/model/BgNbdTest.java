package com.crmanalytics.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BgNbdTest {

  private static final BgNbd MODEL = new BgNbd(0.25, 4, 0.8, 2.5);

  @Test
  void logLikelihoodHandValues() {
    // x = 0: r·ln α − r·ln(α + T) = 0.25 · ln(4/44)
    assertThat(MODEL.logLikelihood(0, 0, 40)).isCloseTo(-0.59947382, within(1e-8));
    // a density in t_x, so a heavy buyer's ln L can be positive (scipy gives 100.79569309270664)
    assertThat(MODEL.logLikelihood(200, 38, 40)).isCloseTo(100.7957, within(1e-4));
  }

  @Test
  void pAliveIsOneWithoutRepeatsAndFallsWithRecencyGap() {
    assertThat(MODEL.pAlive(0, 0, 40)).isEqualTo(1.0);
    assertThat(MODEL.pAlive(5, 39, 40)).isGreaterThan(MODEL.pAlive(5, 10, 40));
    assertThat(MODEL.pAlive(200, 1, 400)).isBetween(0.0, 1e-100);
  }

  @Test
  void expectationsAreFiniteForHeavyBuyers() {
    double e = MODEL.expectedTransactions(2000, 39.9, 40, 52);
    assertThat(e).isFinite().isGreaterThan(0);
    // x = 2000 in 40 weeks: rate ≈ (r + x)/(α + T) per week while alive
    assertThat(e).isLessThan(2000.25 / 44 * 52);
    assertThat(MODEL.expectedTransactions(3, 20, 40, 0)).isZero();
  }

  /** 50-digit mpmath values of the models.md formulas at the published CDNOW parameters. */
  @ParameterizedTest
  @CsvSource({
    "2000, 39.9, 40, 52, 1623.7594529677248",
    "20000, 39.99, 40, 520, 66689.110732580184",
    "0, 0, 38.86, 2000, 3.1720224608101145",
    "50, 38, 39, 5000, 397.75429515408269"
  })
  void heavyBuyersAndLongHorizonsMatchHighPrecision(
      int x, double tx, double T, double t, double expected) {
    BgNbd published = new BgNbd(0.2426, 4.4135, 0.7929, 2.4259);
    assertThat(published.expectedTransactions(x, tx, T, t))
        .isCloseTo(expected, within(1e-9 * expected));
  }

  @ParameterizedTest
  @CsvSource({"520, 4.9689370178518818", "2000, 8.6276748212976761"})
  void newCustomerLongHorizonsMatchHighPrecision(double t, double expected) {
    BgNbd published = new BgNbd(0.2426, 4.4135, 0.7929, 2.4259);
    assertThat(published.expectedTransactionsNewCustomer(t))
        .isCloseTo(expected, within(1e-9 * expected));
  }

  @ParameterizedTest
  @CsvSource({"0, 0", "3, 20"})
  void expectationIsContinuousAcrossAEqualsOne(int x, double tx) {
    double below = new BgNbd(0.25, 4, 0.999, 2.5).expectedTransactions(x, tx, 40, 39);
    double at = new BgNbd(0.25, 4, 1.0, 2.5).expectedTransactions(x, tx, 40, 39);
    double near = new BgNbd(0.25, 4, 1.00005, 2.5).expectedTransactions(x, tx, 40, 39);
    double above = new BgNbd(0.25, 4, 1.001, 2.5).expectedTransactions(x, tx, 40, 39);
    assertThat(at).isFinite().isCloseTo((below + above) / 2, within(1e-5 * at));
    assertThat(near).isBetween(Math.min(at, above), Math.max(at, above));
    double newAt = new BgNbd(0.25, 4, 1.0, 2.5).expectedTransactionsNewCustomer(39);
    double newNear = new BgNbd(0.25, 4, 1.0002, 2.5).expectedTransactionsNewCustomer(39);
    assertThat(newAt).isCloseTo(newNear, within(1e-4 * newAt));
  }

  /**
   * a + b &lt; 1 (a fit seen on a tiny warehouse's interval draws): for a customer without repeat
   * purchases 2F1's c = a + b − 1 is negative and 2F1 itself is (−0.2992 here), which the log form
   * cannot take. The expectation is still defined: it equals the integral over the dropout
   * probability p ~ Beta(a, b) of (1/p)(1 − (1 + p·t/(α + T))^−r), computed independently with
   * mpmath's tanh-sinh quadrature at 30 digits: 0.6323477 (T = 1.29), 0.8530196 for a new customer.
   * (Our own DropoutQuadrature, built for heavy buyers, is 3.7 % off here: b &lt; 1 puts a second
   * singularity at p = 1.)
   */
  @Test
  void anExpectationWhose2F1IsNegativeIsStillComputed() {
    BgNbd fit =
        new BgNbd(0.22536749911299306, 2.7192690301609486, 0.2420442783600138, 0.3602301225793708);
    double t = 17.392857142857142;
    assertThat(fit.expectedTransactions(0, 0, 1.2857142857142858, t))
        .isCloseTo(0.6323477, within(1e-7));
    assertThat(fit.expectedTransactionsNewCustomer(t)).isCloseTo(0.8530196, within(1e-7));
  }

  @Test
  void rejectsBadParametersAndHorizons() {
    assertThatThrownBy(() -> new BgNbd(0.25, -4, 0.8, 2.5))
        .isInstanceOf(ModelException.class)
        .hasMessageContaining("bg-nbd parameter alpha must be finite and > 0, got -4.0");
    assertThatThrownBy(() -> MODEL.expectedTransactions(1, 5, 40, Double.NaN))
        .isInstanceOf(ModelException.class)
        .hasMessageContaining("horizon");
    assertThatThrownBy(() -> MODEL.logLikelihood(1, 50, 40))
        .isInstanceOf(ModelException.class)
        .hasMessageContaining("t_x must be in [0, T]");
  }

  @Test
  void anUncomputableExpectationNamesTheCustomerAndTheCause() {
    ModelException inner = new ModelException("2F1(1, 2; 3; 0.9) did not converge");
    ModelException e =
        ModelException.cannotCompute(inner, BgNbd.EXPECTED, BgNbd.NAME, 3, 20.5, 40.0, 39.0, MODEL);
    assertThat(e)
        .hasMessageStartingWith("bg-nbd E[X(T, T+t)] (x=3, t_x=20.5, T=40.0, t=39.0) at BgNbd[")
        .hasMessageEndingWith(" cannot be computed: 2F1(1, 2; 3; 0.9) did not converge")
        .hasCause(inner);
  }

  @Test
  void paramsRoundTripInOrder() {
    assertThat(MODEL.params())
        .containsExactly(
            java.util.Map.entry("r", 0.25),
            java.util.Map.entry("alpha", 4.0),
            java.util.Map.entry("a", 0.8),
            java.util.Map.entry("b", 2.5));
    assertThat(TransactionModelType.fromConfig("bg-nbd").create(MODEL.params())).isEqualTo(MODEL);
    assertThatThrownBy(() -> TransactionModelType.fromConfig("bgnbd"))
        .isInstanceOf(ModelException.class)
        .hasMessageContaining("Unknown transaction model 'bgnbd'")
        .hasMessageContaining("pareto-nbd");
  }
}
