package com.crmanalytics.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class GammaGammaTest {

  private static final GammaGamma MODEL = new GammaGamma(6.25, 3.74, 15.44);

  @Test
  void expectedSpendShrinksTowardsThePopulationMean() {
    double mean = 15.44 * 6.25 / 2.74;
    assertThat(MODEL.populationMean()).isCloseTo(mean, within(1e-12));
    assertThat(MODEL.expectedSpend(0, 999)).isEqualTo(mean);
    double w = 6.25 * 2 / (6.25 * 2 + 2.74);
    assertThat(MODEL.expectedSpend(2, 20)).isCloseTo(w * 20 + (1 - w) * mean, within(1e-12));
  }

  @Test
  void logLikelihoodHandValue() {
    // p = q = γ = 1, x = 1, m = 1: lnΓ(2) − 0 − 0 + 0 + 0 + 0 − 2·ln 2
    assertThat(new GammaGamma(1, 1, 1).logLikelihood(1, 1))
        .isCloseTo(-2 * Math.log(2), within(1e-12));
  }

  @Test
  void qAtMostOneIsRejected() {
    assertThatThrownBy(() -> new GammaGamma(2, 0.9, 10).expectedSpend(3, 20))
        .isInstanceOf(ModelException.class)
        .hasMessageContaining("needs q > 1, got q = 0.9");
    // one-purchase spends at the quantiles of a Pareto tail of index 1/2: P(m > y) ~ y^−q with q ≈
    // 0.5
    List<SpendPattern> data =
        java.util.stream.IntStream.rangeClosed(1, 50)
            .mapToObj(i -> SpendPattern.of(1, 10 * Math.pow((i - 0.5) / 50, -2)))
            .toList();
    assertThatThrownBy(() -> GammaGamma.fit(data, new ModelFitter()))
        .isInstanceOf(ModelException.class)
        .hasMessageContaining("gamma-gamma fit gave q = 0.")
        .hasMessageContaining("<= 1");
  }

  @Test
  void spendPatternRejectsNonRepeatBuyers() {
    assertThatThrownBy(() -> SpendPattern.of(0, 10))
        .isInstanceOf(ModelException.class)
        .hasMessageContaining("x must be >= 1");
  }
}
