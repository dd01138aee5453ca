package com.crmanalytics.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.hipparchus.distribution.continuous.BetaDistribution;
import org.junit.jupiter.api.Test;

class MbgNbdTest {

  private static final MbgNbd MODEL = new MbgNbd(0.5248, 6.1830, 0.8914, 1.6140);

  @Test
  void logLikelihoodHandValues() {
    // x = 0: ln[b/(a+b) · (α/(α+T))^r + a/(a+b)] = ln[1.614/2.5054 · (6.183/44.183)^0.5248 +
    // 0.8914/2.5054]
    double expected = Math.log(1.614 / 2.5054 * Math.pow(6.183 / 44.183, 0.5248) + 0.8914 / 2.5054);
    assertThat(MODEL.logLikelihood(0, 0, 38)).isCloseTo(expected, within(1e-13));
    assertThat(
            TransactionModelType.MBG_NBD.logLikelihood(
                new double[] {0.5248, 6.1830, 0.8914, 1.6140},
                List.of(new Pattern(0, 0, 38, 3), new Pattern(2, 30.43, 38.86, 2))))
        .isCloseTo(3 * expected + 2 * MODEL.logLikelihood(2, 30.43, 38.86), within(1e-10));
  }

  @Test
  void customersWithoutRepeatsCanHaveLeft() {
    // P(alive | x = 0) = 1 / (1 + a/b · ((α + T)/α)^r): below 1, unlike BG/NBD
    double expected = 1 / (1 + 0.8914 / 1.6140 * Math.pow(44.183 / 6.183, 0.5248));
    assertThat(MODEL.pAlive(0, 0, 38)).isCloseTo(expected, within(1e-14)).isLessThan(0.5);
    assertThat(MODEL.pAlive(5, 38, 39)).isGreaterThan(MODEL.pAlive(5, 10, 39));
  }

  @Test
  void expectationsAgreeWithNumericDerivativeOfNoPurchaseAndStayFinite() {
    // E[X(T, T+t)] is ∫ rate; at small t it equals P(alive) · E[λ | alive, x, T] · t = P(alive) ·
    // (r+x)/(α+T) · t
    double t = 1e-4;
    double e = MODEL.expectedTransactions(2, 30.43, 38.86, t);
    assertThat(e / t).isCloseTo(MODEL.pAlive(2, 30.43, 38.86) * 2.5248 / 45.043, within(1e-5));
    assertThat(MODEL.expectedTransactionsNewCustomer(t) / t)
        .isCloseTo(1.614 / 2.5054 * 0.5248 / 6.183, within(1e-5));
    assertThat(MODEL.expectedTransactions(500, 38.9, 39, 52)).isFinite().isPositive();
    assertThat(MODEL.expectedTransactions(3, 20, 40, 0)).isZero();
  }

  @Test
  void expectationIsContinuousAcrossAEqualsOne() {
    double below = new MbgNbd(0.5, 6, 0.999, 1.6).expectedTransactions(3, 20, 40, 39);
    double at = new MbgNbd(0.5, 6, 1.0, 1.6).expectedTransactions(3, 20, 40, 39);
    double above = new MbgNbd(0.5, 6, 1.001, 1.6).expectedTransactions(3, 20, 40, 39);
    assertThat(at).isFinite().isCloseTo((below + above) / 2, within(1e-5 * at));
  }

  @Test
  void isSelectableByConfigurationName() {
    assertThat(TransactionModelType.fromConfig("mbg-nbd")).isEqualTo(TransactionModelType.MBG_NBD);
    TransactionModel m = TransactionModelType.MBG_NBD.create(MODEL.params());
    assertThat(m).isEqualTo(MODEL);
    assertThat(MbgNbd.fromParams(MODEL.params())).isEqualTo(MODEL);
    assertThatThrownBy(() -> new MbgNbd(0.5, 6, 0, 1))
        .isInstanceOf(ModelException.class)
        .hasMessageContaining("mbg-nbd parameter a must be finite and > 0, got 0.0");
  }

  /**
   * Online Retail II's fit (weeks) and its heaviest buyer, 127 purchases in a year: the closed
   * form's 2F1 lost every digit between about 100 and 250 months (1e44 purchases at 135 months, a
   * lifetime value of 1.4e48 dollars). The expectation now matches an independent reference — the
   * mean of (1/p)(1 − (1 + p·t/(α+T))^−(r+x)) over 2,000 equally likely quantiles of p ~ Beta(a,
   * b+x+1) — at every month up to the lifetime cap, and grows with t.
   */
  @Test
  void aHeavyBuyersExpectationIsRightAtEveryHorizon() {
    double r = 0.8374443340071985;
    double alpha = 10.001936448806452;
    double a = 0.6936006214552034;
    double b = 571.3962933923498;
    MbgNbd model = new MbgNbd(r, alpha, a, b);
    int x = 127;
    double tx = 53.285714285714285;
    double bigT = 53.42857142857143;
    double alive = model.pAlive(x, tx, bigT);
    BetaDistribution p = new BetaDistribution(a, b + x + 1);
    double[] quantiles = new double[2000];
    for (int i = 0; i < quantiles.length; i++) {
      quantiles[i] = p.inverseCumulativeProbability((i + 0.5) / quantiles.length);
    }
    double previous = 0;
    for (int month = 1; month <= Clv.LIFETIME_CAP_MONTHS; month++) {
      double t = month * 4.348;
      double s = t / (alpha + bigT);
      double sum = 0;
      for (double q : quantiles) {
        sum += -Math.expm1(-(r + x) * Math.log1p(q * s)) / q;
      }
      double reference = alive * sum / quantiles.length;
      double e = model.expectedTransactions(x, tx, bigT, t);
      assertThat(e).as("month %d", month).isCloseTo(reference, within(2e-4 * reference));
      assertThat(e).as("month %d", month).isGreaterThan(previous);
      previous = e;
    }
  }
}
