package com.crmanalytics.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ParetoNbdTest {

  /**
   * Reference values of the note's formulas from scipy (lifetimes' code) and, for heavy buyers,
   * 50-digit mpmath.
   */
  @ParameterizedTest
  @CsvSource({
    "0.55, 10.58, 0.61, 11.67, 3000, 38, 39, 9360.0610697139973, 1.3944642805177992e-23",
    "0.55, 3, 0.61, 50, 3000, 38, 39, 9868.1781174052388, 4.1541598230118147e-28",
    "0.5533, 10.5776, 0.6062, 11.6679, 2, 30.43, 38.86, -9.55429420203502, 0.8691210957040586",
    "0.5533, 10.5776, 0.6062, 11.6679, 0, 0, 38.86, -0.5212277429232901, 0.29509925952537547",
    "0.5533, 12.5, 0.6062, 3.0, 5, 20, 38.86, -17.336517280869703, 0.3110515848489332",
    "0.8, 2.0, 1.5, 9.0, 7, 30, 38, -22.082760165907985, 0.5258673296051267"
  })
  void likelihoodAndPAliveInBothBranches(
      double r,
      double alpha,
      double s,
      double beta,
      int x,
      double tx,
      double T,
      double logLikelihood,
      double pAlive) {
    ParetoNbd model = new ParetoNbd(r, alpha, s, beta);
    double tolerance = 1e-9 * Math.max(1, Math.abs(logLikelihood));
    assertThat(model.logLikelihood(x, tx, T)).isCloseTo(logLikelihood, within(tolerance));
    assertThat(model.pAlive(x, tx, T)).isCloseTo(pAlive, within(1e-9 * pAlive));
  }

  @Test
  void branchesAgreeAtAlphaEqualsBeta() {
    double at = new ParetoNbd(0.5, 10, 0.6, 10).logLikelihood(4, 20, 38);
    assertThat(new ParetoNbd(0.5, 10 + 1e-9, 0.6, 10).logLikelihood(4, 20, 38))
        .isCloseTo(at, within(1e-8));
    assertThat(new ParetoNbd(0.5, 10, 0.6, 10 + 1e-9).logLikelihood(4, 20, 38))
        .isCloseTo(at, within(1e-8));
  }

  @Test
  void lastPurchaseAtCalibrationEndMeansAlive() {
    assertThat(new ParetoNbd(0.5, 10, 0.6, 11).pAlive(3, 38, 38)).isEqualTo(1.0);
  }

  @Test
  void expectationIsContinuousAtSEqualsOne() {
    double at = new ParetoNbd(0.5, 10, 1.0, 11).expectedTransactions(3, 20, 38, 39);
    assertThat(new ParetoNbd(0.5, 10, 1.0 + 1e-7, 11).expectedTransactions(3, 20, 38, 39))
        .isCloseTo(at, within(1e-6));
    // s = 1, x = 0 new customer: rβ/α · ln(1 + t/β)
    assertThat(new ParetoNbd(0.5, 10, 1.0, 11).expectedTransactionsNewCustomer(39))
        .isCloseTo(0.5 * 11 / 10 * Math.log1p(39.0 / 11), within(1e-12));
  }

  @Test
  void heavyBuyerIsFinite() {
    ParetoNbd model = new ParetoNbd(0.55, 10.58, 0.61, 11.67);
    assertThat(model.logLikelihood(3000, 38, 39)).isFinite();
    assertThat(model.expectedTransactions(3000, 38, 39, 39)).isFinite().isPositive();
    ParetoNbd mirror = new ParetoNbd(0.55, 3, 0.61, 50);
    assertThat(mirror.logLikelihood(3000, 38, 39)).isFinite();
  }
}
