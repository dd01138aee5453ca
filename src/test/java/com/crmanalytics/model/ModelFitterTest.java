package com.crmanalytics.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class ModelFitterTest {

  private static final List<String> NAMES = List.of("u", "v");

  /** Maximum at u = 3, v = 0.5, with log-likelihood −1. */
  private static double bowl(double[] p) {
    double du = Math.log(p[0] / 3);
    double dv = Math.log(p[1] / 0.5);
    return -1 - du * du - 4 * dv * dv - du * dv;
  }

  @Test
  void findsTheMaximumAndRecordsTheRun() {
    FitResult fit = new ModelFitter().fit("bowl", NAMES, ModelFitterTest::bowl, 10, 4,
        List.of(new double[] {1, 1}, new double[] {50, 0.01}));
    assertThat(fit.param("u")).isCloseTo(3, within(1e-4));
    assertThat(fit.param("v")).isCloseTo(0.5, within(1e-4));
    assertThat(fit.logLikelihood()).isCloseTo(-1, within(1e-10));
    assertThat(fit.params().keySet()).containsExactly("u", "v");
    assertThat(fit.iterations()).isPositive();
    assertThat(fit.evaluations()).isGreaterThan(fit.iterations());
    assertThat(fit.converged()).isTrue();
    assertThat(fit.n()).isEqualTo(10);
    assertThat(fit.patterns()).isEqualTo(4);
  }

  @Test
  void badStartingPointsAreRejected() {
    ModelFitter fitter = new ModelFitter();
    assertThatThrownBy(() -> fitter.fit("bowl", NAMES, ModelFitterTest::bowl, 1, 1, List.of(new double[] {1, -2})))
        .isInstanceOf(ModelException.class).hasMessageContaining("bowl starting value v = -2.0 must be finite and > 0");
    assertThatThrownBy(() -> fitter.fit("bowl", NAMES, ModelFitterTest::bowl, 1, 1, List.of(new double[] {1})))
        .isInstanceOf(ModelException.class).hasMessageContaining("must have 2 values");
    assertThatThrownBy(() -> fitter.fit("bowl", NAMES, ModelFitterTest::bowl, 1, 1, List.of()))
        .isInstanceOf(ModelException.class).hasMessageContaining("at least one starting point");
  }

  @Test
  void nonConvergenceIsAnError() {
    List<Pattern> patterns = List.of(new Pattern(0, 0, 38, 50), new Pattern(3, 20, 38, 10), new Pattern(1, 5, 30, 7));
    assertThatThrownBy(() -> TransactionModelType.BG_NBD.fit(patterns, new ModelFitter(8)))
        .isInstanceOf(ModelException.class)
        .hasMessageContaining("bg-nbd fit did not converge")
        .hasMessageContaining("within 8 evaluations");
  }

  @Test
  void likelihoodThatIsNeverFiniteIsAnError() {
    assertThatThrownBy(() -> new ModelFitter().fit("nan", NAMES, p -> Double.NaN, 1, 1, List.of(new double[] {1, 1})))
        .isInstanceOf(ModelException.class).hasMessageContaining("nan fit did not converge to a finite log-likelihood");
  }

  @Test
  void smallBgNbdFitConvergesAndPatternsMerge() {
    List<Pattern> patterns = Pattern.distinct(List.of(Pattern.of(0, 0, 38), Pattern.of(0, 0, 38), Pattern.of(2, 30, 38),
        Pattern.of(5, 35, 38), Pattern.of(1, 3, 38), Pattern.of(0, 0, 20), Pattern.of(8, 36, 38)));
    assertThat(patterns).hasSize(6).contains(new Pattern(0, 0, 38, 2));
    FitResult fit = TransactionModelType.BG_NBD.fit(patterns, new ModelFitter());
    assertThat(fit.converged()).isTrue();
    assertThat(fit.iterations()).isPositive();
    assertThat(fit.n()).isEqualTo(7);
    assertThat(fit.logLikelihood()).isFinite();
  }
}
