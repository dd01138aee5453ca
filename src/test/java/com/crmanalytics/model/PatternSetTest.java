package com.crmanalytics.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The fast likelihood sums over a PatternSet against the per-customer ln L they must reproduce. */
class PatternSetTest {

  /**
   * Day-resolution patterns in weeks like a two-year history: x = 0 (t_x = 0), light and heavy
   * buyers, t_x = T, duplicates. {@code n} above 4 chunks of 4,096 takes the parallel path.
   */
  private static List<Pattern> patterns(int n, long seed) {
    Random rnd = new Random(seed);
    List<Pattern> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      int tDays = 1 + rnd.nextInt(728);
      int x =
          rnd.nextInt(10) < 5
              ? 0
              : rnd.nextInt(20) == 0 ? 50 + rnd.nextInt(400) : 1 + rnd.nextInt(12);
      int txDays = x == 0 ? 0 : rnd.nextInt(8) == 0 ? tDays : rnd.nextInt(tDays + 1);
      out.add(new Pattern(x, txDays / 7.0, tDays / 7.0, 1 + rnd.nextInt(40)));
    }
    return out;
  }

  private static double slowSum(TransactionModel model, List<Pattern> patterns) {
    double sum = 0;
    for (Pattern p : patterns) {
      sum += p.count() * model.logLikelihood(p.x(), p.tx(), p.T());
    }
    return sum;
  }

  @ParameterizedTest
  @CsvSource({
    "bg-nbd, 0.2426, 4.4135, 0.7929, 2.4259, 500",
    "bg-nbd, 0.2426, 4.4135, 0.7929, 2.4259, 40000",
    "bg-nbd, 3.0, 0.5, 1.0, 0.2, 40000",
    "pareto-nbd, 0.5533, 10.5776, 0.6062, 11.6679, 500",
    "pareto-nbd, 0.5533, 10.5776, 0.6062, 11.6679, 40000",
    "pareto-nbd, 0.55, 30.0, 0.61, 3.0, 40000",
    "pareto-nbd, 0.8, 9.0, 1.5, 9.0, 3000"
  })
  void fastSumEqualsTheSumOfPerCustomerLikelihoods(
      String name, double p1, double p2, double p3, double p4, int n) {
    TransactionModelType type = TransactionModelType.fromConfig(name);
    TransactionModel model =
        type.create(
            java.util.Map.of(
                type.paramNames().get(0),
                p1,
                type.paramNames().get(1),
                p2,
                type.paramNames().get(2),
                p3,
                type.paramNames().get(3),
                p4));
    List<Pattern> patterns = patterns(n, n);
    double slow = slowSum(model, patterns);
    PatternSet set = PatternSet.of(patterns);
    assertThat(set.size()).isEqualTo(n);
    assertThat(set.customers()).isEqualTo(Pattern.customers(patterns));
    // the per-pattern terms agree to a few 1e-16 absolute; the order of addition differs
    assertThat(model.logLikelihood(set)).isCloseTo(slow, within(1e-12 * Math.abs(slow)));
    assertThat(type.logLikelihood(new double[] {p1, p2, p3, p4}, patterns))
        .isEqualTo(model.logLikelihood(set));
  }

  /**
   * Heavy buyers who stopped long ago: e^{gone(t_x) − alive} overflows and the pattern is summed in
   * logs.
   */
  @ParameterizedTest
  @CsvSource({"0.55, 10.58, 0.61, 11.67", "0.55, 3, 0.61, 50", "0.2426, 4.4135, 0.7929, 2.4259"})
  void heavyBuyersMatchThePerCustomerLikelihood(double p1, double p2, double p3, double p4) {
    List<Pattern> patterns =
        List.of(
            new Pattern(3000, 1, 100, 2),
            new Pattern(3000, 99, 100, 1),
            new Pattern(3000, 100, 100, 1),
            new Pattern(800, 3, 100, 1),
            new Pattern(0, 0, 100, 5));
    for (TransactionModel model :
        List.of(new ParetoNbd(p1, p2, p3, p4), new BgNbd(p1, p2, p3, p4))) {
      double slow = slowSum(model, patterns);
      assertThat(model.logLikelihood(PatternSet.of(patterns)))
          .as("%s", model)
          .isCloseTo(slow, within(1e-12 * Math.abs(slow)));
    }
  }

  @Test
  void sumDoesNotDependOnInputOrderOrRepetition() {
    List<Pattern> patterns = patterns(30_000, 7);
    List<Pattern> shuffled = new ArrayList<>(patterns);
    Collections.shuffle(shuffled, new Random(3));
    for (TransactionModel model :
        List.of(new BgNbd(0.25, 4, 0.8, 2.5), new ParetoNbd(0.55, 10.6, 0.61, 11.7))) {
      double first = model.logLikelihood(PatternSet.of(patterns));
      assertThat(model.logLikelihood(PatternSet.of(shuffled))).isEqualTo(first);
      for (int k = 0; k < 5; k++) {
        assertThat(model.logLikelihood(PatternSet.of(patterns))).isEqualTo(first);
      }
    }
  }

  @Test
  void distinctTimesAndPairsAreShared() {
    List<Pattern> patterns =
        List.of(
            new Pattern(0, 0, 10, 3),
            new Pattern(2, 4, 10, 1),
            new Pattern(2, 10, 10, 2),
            new Pattern(2, 4, 12, 5),
            new Pattern(0, 0, 12, 1),
            new Pattern(2, 4, 10, 1));
    PatternSet set = PatternSet.of(patterns);
    assertThat(set.xs).containsExactly(0, 2);
    assertThat(set.times).containsExactly(0, 4, 10, 12);
    // (0,0) (0,10) (0,12) (2,4) (2,10) (2,12)
    assertThat(set.pairs()).isEqualTo(6);
    assertThat(set.customers()).isEqualTo(13);
    BgNbd model = new BgNbd(0.25, 4, 0.8, 2.5);
    assertThat(model.logLikelihood(set)).isCloseTo(slowSum(model, patterns), within(1e-12));
  }

  @Test
  void aLikelihoodThatIsNotFiniteNamesThePatternAtFault() {
    PatternSet set = PatternSet.of(patterns(20_000, 5));
    BgNbd huge = new BgNbd(Double.MAX_VALUE / 4, 1e-3, 0.8, 2.5);
    assertThatThrownBy(() -> huge.logLikelihood(set))
        .isInstanceOf(ModelException.class)
        .hasMessageContaining("bg-nbd ln L(x=0, t_x=0.0, T=");
    assertThatThrownBy(() -> PatternSet.of(List.of()))
        .isInstanceOf(ModelException.class)
        .hasMessageContaining("at least one pattern");
  }

  @Test
  void gammaGammaSumEqualsTheSumOfPerCustomerLikelihoods() {
    Random rnd = new Random(11);
    List<SpendPattern> spend = new ArrayList<>();
    for (int i = 0; i < 30_000; i++) {
      spend.add(
          new SpendPattern(
              1 + rnd.nextInt(30),
              Math.round(100 * (1 + 200 * rnd.nextDouble())) / 100.0,
              1 + rnd.nextInt(5)));
    }
    GammaGamma model = new GammaGamma(6.25, 3.74, 15.44);
    double slow = 0;
    for (SpendPattern sp : spend) {
      slow += sp.count() * model.logLikelihood(sp.x(), sp.mx());
    }
    assertThat(model.logLikelihood(spend)).isCloseTo(slow, within(1e-12 * Math.abs(slow)));
    GammaGamma broken = new GammaGamma(Double.MAX_VALUE / 4, 3.74, 15.44);
    assertThatThrownBy(() -> broken.logLikelihood(spend))
        .isInstanceOf(ModelException.class)
        .hasMessageContaining("gamma-gamma ln L(x=1, m_x=");
  }
}
