package com.crmanalytics.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.stream.Stream;
import org.hipparchus.random.RandomDataGenerator;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * P(no purchase in (T, T + h]) of every transaction model, checked against a Monte-Carlo integral
 * over the individual-level model (rates and dropout drawn from the mixing distributions with a
 * fixed seed), which shares no code with the closed-form likelihoods.
 */
class NoPurchaseProbabilityTest {

  private static final int DRAWS = 1_000_000;

  static Stream<Arguments> models() {
    return Stream.of(
        Arguments.of(new BgNbd(0.2426, 4.4135, 0.7929, 2.4259)),
        Arguments.of(new MbgNbd(0.5248, 6.1830, 0.8914, 1.6140)),
        Arguments.of(new ParetoNbd(0.5533, 10.5776, 0.6062, 11.6679)));
  }

  @ParameterizedTest
  @MethodSource("models")
  void isOneAtZeroWithinUnitIntervalAndDecreasingInH(TransactionModel model) {
    double[][] customers = {{0, 0, 38}, {2, 30.43, 38.86}, {7, 35, 39}, {1, 1, 70}, {40, 38.9, 39}};
    for (double[] c : customers) {
      int x = (int) c[0];
      assertThat(model.pNoPurchase(x, c[1], c[2], 0)).isEqualTo(1.0);
      assertThat(model.pNoPurchase(x, c[1], c[2], 1e-9)).isCloseTo(1.0, within(1e-6));
      double previous = 1;
      for (double h : new double[] {0.5, 1, 4, 13, 52, 520}) {
        double p = model.pNoPurchase(x, c[1], c[2], h);
        assertThat(p)
            .as("%s x=%s h=%s", model.name(), x, h)
            .isBetween(0.0, 1.0)
            .isLessThanOrEqualTo(previous);
        previous = p;
      }
      // whoever has left makes no purchase, so P(no purchase) >= 1 − P(alive) at every horizon
      assertThat(model.pNoPurchase(x, c[1], c[2], 1e7))
          .isGreaterThanOrEqualTo(1 - model.pAlive(x, c[1], c[2]) - 1e-12);
    }
  }

  @ParameterizedTest
  @MethodSource("models")
  void matchesMonteCarloOverTheIndividualLevelModel(TransactionModel model) {
    double[][] cases = {{0, 0, 38, 13}, {2, 30.43, 38.86, 13}, {3, 10, 39, 26}, {5, 36, 39, 4}};
    for (double[] c : cases) {
      int x = (int) c[0];
      double expected = monteCarlo(model, x, c[1], c[2], c[3]);
      assertThat(model.pNoPurchase(x, c[1], c[2], c[3]))
          .as("%s %s", model.name(), java.util.Arrays.toString(c))
          .isCloseTo(expected, within(0.006));
    }
  }

  @ParameterizedTest
  @MethodSource("models")
  void bgNbdWithoutRepeatsHasTheClosedForm(TransactionModel model) {
    if (model instanceof BgNbd m) {
      // x = 0 under BG/NBD: nobody has left, so P = ((α + T)/(α + T + h))^r
      assertThat(m.pNoPurchase(0, 0, 38, 13))
          .isCloseTo(Math.pow((m.alpha() + 38) / (m.alpha() + 51), m.r()), within(1e-14));
    }
  }

  /**
   * ∫ L(x, t_x, T + h | λ, ·) dG / ∫ L(x, t_x, T | λ, ·) dG with (λ, p) or (λ, μ) drawn from the
   * mixing distributions; λ^x is common to both individual likelihoods and cancels in the ratio
   * only after averaging.
   */
  private static double monteCarlo(TransactionModel model, int x, double tx, double T, double h) {
    RandomDataGenerator random = new RandomDataGenerator(20261201L);
    double num = 0;
    double den = 0;
    for (int i = 0; i < DRAWS; i++) {
      double[] l;
      if (model instanceof BgNbd m) {
        double lambda = random.nextGamma(m.r(), 1 / m.alpha());
        double p = random.nextBeta(m.a(), m.b());
        l = bg(lambda, p, x, tx, T, h, false);
      } else if (model instanceof MbgNbd m) {
        double lambda = random.nextGamma(m.r(), 1 / m.alpha());
        double p = random.nextBeta(m.a(), m.b());
        l = bg(lambda, p, x, tx, T, h, true);
      } else {
        ParetoNbd m = (ParetoNbd) model;
        double lambda = random.nextGamma(m.r(), 1 / m.alpha());
        double mu = random.nextGamma(m.s(), 1 / m.beta());
        l = new double[] {pareto(lambda, mu, x, tx, T + h), pareto(lambda, mu, x, tx, T)};
      }
      num += l[0];
      den += l[1];
    }
    return num / den;
  }

  /**
   * Individual (M)BG/NBD likelihood at T + h and at T: alive throughout, or dropped out after the
   * last purchase.
   */
  private static double[] bg(
      double lambda, double p, int x, double tx, double T, double h, boolean dropAtStart) {
    double lx = Math.pow(lambda, x);
    double survive = Math.pow(1 - p, dropAtStart ? x + 1 : x);
    double gone =
        x > 0 || dropAtStart
            ? p * Math.pow(1 - p, dropAtStart ? x : x - 1) * lx * Math.exp(-lambda * tx)
            : 0;
    double later = survive * lx * Math.exp(-lambda * (T + h)) + gone;
    return new double[] {later, survive * lx * Math.exp(-lambda * T) + gone};
  }

  /** Individual Pareto/NBD likelihood: exponential lifetime with rate μ. */
  private static double pareto(double lambda, double mu, int x, double tx, double T) {
    double lx = Math.pow(lambda, x);
    double s = lambda + mu;
    return lx * Math.exp(-s * T) + lx * mu / s * (Math.exp(-s * tx) - Math.exp(-s * T));
  }
}
