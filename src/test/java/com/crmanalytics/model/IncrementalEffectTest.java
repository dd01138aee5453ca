package com.crmanalytics.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.crmanalytics.model.IncrementalEffect.Cell;
import com.crmanalytics.model.IncrementalEffect.Estimate;
import com.crmanalytics.model.IncrementalEffect.Moments;
import java.util.List;
import org.hipparchus.random.RandomDataGenerator;
import org.hipparchus.random.Well512a;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The interval arithmetic of the incremental campaign effect, checked by hand and by simulation.
 */
class IncrementalEffectTest {

  private static Moments of(double... values) {
    double sum = 0;
    double squares = 0;
    for (double v : values) {
      sum += v;
      squares += v * v;
    }
    return new Moments(values.length, sum, squares);
  }

  @Test
  void aDifferenceWhoseIntervalSpansZeroIsIndistinguishableFromZero() {
    // treated mean 2.5 (variance 5/3), comparison mean 1.5 (variance 1/3, raised to the pooled
    // (3·5/3 + 3·1/3) / 6 = 1): SE = √(5/12 + 1/4)
    Estimate e = IncrementalEffect.compare(of(1, 2, 3, 4), of(1, 1, 2, 2)).orElseThrow();
    assertThat(e.difference()).isCloseTo(1.0, within(1e-12));
    double se = Math.sqrt(5.0 / 12 + 0.25);
    assertThat(e.standardError()).isCloseTo(se, within(1e-12));
    assertThat(e.low()).isCloseTo(1 - 1.6448536269514722 * se, within(1e-12));
    assertThat(e.high()).isCloseTo(1 + 1.6448536269514722 * se, within(1e-12));
    assertThat(e.low()).isNegative();
    assertThat(e.distinguishableFromZero()).isFalse();
  }

  @Test
  void aClearDifferenceIsDistinguishable() {
    // means 4 and 1.5, variances 2/3 and 1/3 (raised to the pooled (2 + 1) / 6 = 0.5):
    // SE = √((2/3)/4 + 0.5/4)
    Estimate e = IncrementalEffect.compare(of(3, 4, 5, 4), of(1, 2, 1, 2)).orElseThrow();
    assertThat(e.difference()).isCloseTo(2.5, within(1e-12));
    double standardError = Math.sqrt(1.0 / 6 + 0.125);
    assertThat(e.standardError()).isCloseTo(standardError, within(1e-12));
    assertThat(e.low()).isCloseTo(2.5 - standardError * IncrementalEffect.Z90, within(1e-12));
    assertThat(e.distinguishableFromZero()).isTrue();
    // lift 4 / 1.5 − 1, delta method: ratio · √(var_c/mc² + var_t/mt²)
    double ratio = 4 / 1.5;
    double se = ratio * Math.sqrt(0.125 / (1.5 * 1.5) + (1.0 / 6) / 16);
    assertThat(e.lift()).hasValueSatisfying(l -> assertThat(l).isCloseTo(ratio - 1, within(1e-12)));
    double[] interval = e.liftInterval().orElseThrow();
    assertThat(interval[0]).isCloseTo(ratio - 1 - IncrementalEffect.Z90 * se, within(1e-12));
    assertThat(interval[1]).isCloseTo(ratio - 1 + IncrementalEffect.Z90 * se, within(1e-12));
  }

  @Test
  void strataRemoveADifferenceThatIsOnlyWhoWasTargeted() {
    // High spenders were targeted more often; within each cell the campaign changed nothing.
    Cell high = new Cell(of(10, 10, 10, 10, 10, 10, 10, 10), of(10, 10));
    Cell low = new Cell(of(0, 0), of(0, 0, 0, 0, 0, 0, 0, 0));
    Estimate naive =
        IncrementalEffect.compare(
                of(10, 10, 10, 10, 10, 10, 10, 10, 0, 0), of(10, 10, 0, 0, 0, 0, 0, 0, 0, 0))
            .orElseThrow();
    assertThat(naive.difference()).isCloseTo(6, within(1e-12));
    Estimate matched = IncrementalEffect.stratified(List.of(high, low)).orElseThrow();
    assertThat(matched.difference()).isCloseTo(0, within(1e-12));
    assertThat(matched.comparisonMean()).isCloseTo(8, within(1e-12));
    assertThat(matched.treated()).isEqualTo(10);
    assertThat(matched.comparison()).isEqualTo(10);
  }

  @Test
  void cellsWithoutTwoOfEachGroupAreLeftOut() {
    Cell kept = new Cell(of(2, 4), of(1, 3));
    Cell noComparison = new Cell(of(5, 5, 5), of(5));
    Estimate e = IncrementalEffect.stratified(List.of(kept, noComparison)).orElseThrow();
    assertThat(e.treated()).isEqualTo(2);
    assertThat(e.comparison()).isEqualTo(2);
    assertThat(e.difference()).isCloseTo(1, within(1e-12));
    assertThat(IncrementalEffect.stratified(List.of(noComparison))).isEmpty();
    assertThat(IncrementalEffect.compare(of(1, 2), of(0))).isEmpty();
  }

  @Test
  void noLiftWithoutAComparisonRate() {
    Estimate e = IncrementalEffect.compare(of(1, 0, 0), of(0, 0, 0)).orElseThrow();
    assertThat(e.lift()).isEmpty();
    assertThat(e.liftInterval()).isEmpty();
    assertThat(e.difference()).isCloseTo(1.0 / 3, within(1e-12));
  }

  @Test
  void theNinetyPercentIntervalCoversTheTrueEffectNineTimesInTen() {
    // Purchases in a window ~ Poisson(0.4) without and Poisson(0.4 · 1.25) with the campaign,
    // 400 treated and 100 held out, 2,000 seeded repetitions.
    RandomDataGenerator rng = RandomDataGenerator.of(new Well512a(20261201L));
    int covered = 0;
    int liftCovered = 0;
    int runs = 2000;
    for (int run = 0; run < runs; run++) {
      Estimate e =
          IncrementalEffect.compare(poisson(rng, 400, 0.5), poisson(rng, 100, 0.4)).orElseThrow();
      if (e.low() <= 0.1 && 0.1 <= e.high()) {
        covered++;
      }
      double[] lift = e.liftInterval().orElseThrow();
      if (lift[0] <= 0.25 && 0.25 <= lift[1]) {
        liftCovered++;
      }
    }
    assertThat((double) covered / runs).isBetween(0.87, 0.93);
    assertThat((double) liftCovered / runs).isBetween(0.85, 0.95);
  }

  @ParameterizedTest
  @CsvSource({"8, 0.90, 0.995", "20, 0.88, 0.97"})
  void aSmallHoldoutStillGetsAnHonestInterval(int held, double atLeast, double atMost) {
    // The generator's case: few purchases per customer in the window (mean 0.15 without, 0.18
    // with the campaign) and a small holdout, whose own variance is often 0. Raised to the pooled
    // variance, the interval errs on the wide side rather than the narrow one.
    RandomDataGenerator rng = RandomDataGenerator.of(new Well512a(7L));
    int covered = 0;
    int runs = 4000;
    for (int run = 0; run < runs; run++) {
      Estimate e =
          IncrementalEffect.compare(poisson(rng, 10 * held, 0.18), poisson(rng, held, 0.15))
              .orElseThrow();
      if (e.low() <= 0.03 + 1e-12 && 0.03 - 1e-12 <= e.high()) {
        covered++;
      }
    }
    assertThat((double) covered / runs).isBetween(atLeast, atMost);
  }

  @Test
  void thePooledVarianceWeighsEachGroupByItsDegreesOfFreedom() {
    Cell c = new Cell(of(1, 2, 3, 4), of(5, 5));
    // (3 · 5/3 + 1 · 0) / 4
    assertThat(IncrementalEffect.pooledVariance(c)).isCloseTo(1.25, within(1e-12));
  }

  private static Moments poisson(RandomDataGenerator rng, int n, double mean) {
    double sum = 0;
    double squares = 0;
    for (int i = 0; i < n; i++) {
      long x = rng.nextPoisson(mean);
      sum += x;
      squares += (double) x * x;
    }
    return new Moments(n, sum, squares);
  }
}
