package com.crmanalytics.value;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.crmanalytics.model.TransactionModelType;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The scorer's value if still active and value at risk, without Spark, on the CDNOW fits of
 * docs/models.md.
 */
class ScorerTest {
  private static final Map<String, Double> SPEND =
      Map.of("p", 6.2496, "q", 3.7442, "gamma", 15.4435);

  private static Scorer scorer(TransactionModelType type) {
    Map<String, Double> params =
        switch (type) {
          case BG_NBD -> Map.of("r", 0.2426, "alpha", 4.4135, "a", 0.7929, "b", 2.4259);
          case MBG_NBD -> Map.of("r", 0.5248, "alpha", 6.1830, "a", 0.8914, "b", 1.6140);
          case PARETO_NBD -> Map.of("r", 0.5533, "alpha", 10.5776, "s", 0.6062, "beta", 11.6679);
        };
    return new Scorer(type, params, type, params, SPEND, 12, 0.10, 7, 90 / 7.0);
  }

  /**
   * E[X(t) | alive] from the posterior parameters, times P(alive), is the model's own conditional
   * expectation, for customers from nearly surely active to nearly surely gone (P(alive) down to
   * 1e-6, where dividing would be unsafe).
   */
  @ParameterizedTest(name = "{0} x={1} t_x={2} T={3}")
  @CsvSource({
    "BG_NBD, 2, 30.43, 38.86", "BG_NBD, 0, 0, 20", "BG_NBD, 8, 5, 38", "BG_NBD, 40, 3, 39",
    "MBG_NBD, 2, 30.43, 38.86", "MBG_NBD, 0, 0, 20", "MBG_NBD, 8, 5, 38", "MBG_NBD, 40, 3, 39",
    "PARETO_NBD, 2, 30.43, 38.86", "PARETO_NBD, 0, 0, 20", "PARETO_NBD, 8, 5, 38",
        "PARETO_NBD, 40, 3, 39"
  })
  void expectedIfActiveTimesPAliveIsTheConditionalExpectation(
      TransactionModelType type, int x, double tx, double T) {
    Scorer s = scorer(type);
    double pAlive = s.pAlive(x, tx, T);
    for (double t : new double[] {1, 13, 52}) {
      double direct = s.model().expectedTransactions(x, tx, T, t);
      assertThat(s.expectedIfActive(x, tx, T, t) * pAlive)
          .as("t=%s, P(alive)=%s", t, pAlive)
          .isCloseTo(direct, within(1e-9 * Math.max(1, direct)));
    }
  }

  /**
   * clv + clv_at_risk = value if active, and value at risk = (1 − P(alive)) × value if active ≥ 0.
   */
  @ParameterizedTest(name = "{0}")
  @CsvSource({"MBG_NBD", "PARETO_NBD"})
  void valueAtRiskAddsUpToTheValueIfActive(TransactionModelType type) {
    Scorer s = scorer(type);
    double[] v = s.score(8, 5, 38, 30.0);
    double atRisk = (1 - v[Scorer.P_ALIVE]) * v[Scorer.VALUE_IF_ACTIVE_PER_MARGIN];
    assertThat(v[Scorer.P_ALIVE]).isLessThan(0.5);
    assertThat(v[Scorer.CLV_PER_MARGIN] + atRisk)
        .isCloseTo(v[Scorer.VALUE_IF_ACTIVE_PER_MARGIN], within(1e-9));
    assertThat(atRisk).isPositive().isLessThan(v[Scorer.VALUE_IF_ACTIVE_PER_MARGIN]);
  }

  /**
   * A customer first seen on D: P(no purchase in h) is the likelihood of no repeat purchase in (0,
   * h].
   */
  @ParameterizedTest(name = "{0}")
  @CsvSource({"BG_NBD", "MBG_NBD", "PARETO_NBD"})
  void newCustomerPNoPurchaseIsTheLikelihoodOfNoRepeat(TransactionModelType type) {
    Scorer s = scorer(type);
    double h = 90 / 7.0;
    assertThat(s.pNoPurchase(0, 0, 0, h))
        .isCloseTo(Math.exp(s.model().logLikelihood(0, 0, h)), within(1e-15))
        .isBetween(0.0, 1.0);
    // the next customer a moment later has almost the same chance
    assertThat(s.pNoPurchase(0, 0, 1e-6, h)).isCloseTo(s.pNoPurchase(0, 0, 0, h), within(1e-5));
  }
}
