package com.crmanalytics.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
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
    FitResult fit =
        new ModelFitter()
            .fit(
                "bowl",
                NAMES,
                ModelFitterTest::bowl,
                10,
                4,
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
    assertThatThrownBy(
            () ->
                fitter.fit(
                    "bowl", NAMES, ModelFitterTest::bowl, 1, 1, List.of(new double[] {1, -2})))
        .isInstanceOf(ModelException.class)
        .hasMessageContaining("bowl starting value v = -2.0 must be finite and > 0");
    assertThatThrownBy(
            () -> fitter.fit("bowl", NAMES, ModelFitterTest::bowl, 1, 1, List.of(new double[] {1})))
        .isInstanceOf(ModelException.class)
        .hasMessageContaining("must have 2 values");
    assertThatThrownBy(() -> fitter.fit("bowl", NAMES, ModelFitterTest::bowl, 1, 1, List.of()))
        .isInstanceOf(ModelException.class)
        .hasMessageContaining("at least one starting point");
  }

  @Test
  void nonConvergenceIsAnError() {
    List<Pattern> patterns =
        List.of(new Pattern(0, 0, 38, 50), new Pattern(3, 20, 38, 10), new Pattern(1, 5, 30, 7));
    assertThatThrownBy(() -> TransactionModelType.BG_NBD.fit(patterns, new ModelFitter(8)))
        .isInstanceOf(ModelException.class)
        .hasMessageContaining("bg-nbd fit did not converge")
        .hasMessageContaining("within 8 evaluations");
  }

  @Test
  void likelihoodThatIsNeverFiniteIsAnError() {
    assertThatThrownBy(
            () ->
                new ModelFitter()
                    .fit("nan", NAMES, p -> Double.NaN, 1, 1, List.of(new double[] {1, 1})))
        .isInstanceOf(ModelException.class)
        .hasMessageContaining("nan fit did not converge to a finite log-likelihood");
  }

  @Test
  void smallBgNbdFitReportsUnidentifiedDropoutAndPatternsMerge() {
    List<Pattern> patterns =
        Pattern.distinct(
            List.of(
                Pattern.of(0, 0, 38),
                Pattern.of(0, 0, 38),
                Pattern.of(2, 30, 38),
                Pattern.of(5, 35, 38),
                Pattern.of(1, 3, 38),
                Pattern.of(0, 0, 20),
                Pattern.of(8, 36, 38)));
    assertThat(patterns).hasSize(6).contains(new Pattern(0, 0, 38, 2));
    FitResult fit = TransactionModelType.BG_NBD.fit(patterns, new ModelFitter());
    // seven customers cannot identify the dropout distribution: a and b run to the lower bound, and
    // the fit says so
    assertThat(fit.converged()).isFalse();
    assertThat(fit.diagnostic())
        .startsWith("bg-nbd fit is not converged: a = ")
        .contains("is at the lower bound 1.0E-8");
    assertThat(fit.iterations()).isPositive();
    assertThat(fit.n()).isEqualTo(7);
    assertThat(fit.logLikelihood()).isFinite();
  }

  @Test
  void standardErrorsAreTheInverseInformationInLogParameters() {
    FitResult fit =
        new ModelFitter()
            .fit("bowl", NAMES, ModelFitterTest::bowl, 10, 4, List.of(new double[] {1, 1}));
    // information in (ln u, ln v) is [[2, 1], [1, 8]], its inverse [[8, −1], [−1, 2]] / 15
    double[][] cov = fit.logCovariance();
    assertThat(cov[0][0]).isCloseTo(8.0 / 15, within(1e-5));
    assertThat(cov[0][1]).isCloseTo(-1.0 / 15, within(1e-5));
    assertThat(cov[1][1]).isCloseTo(2.0 / 15, within(1e-5));
    assertThat(fit.standardError("u")).isCloseTo(3 * Math.sqrt(8.0 / 15), within(1e-4));
    assertThat(fit.standardError("v")).isCloseTo(0.5 * Math.sqrt(2.0 / 15), within(1e-4));
    assertThat(fit.hasCovariance()).isTrue();
    assertThat(fit.diagnostic()).isEmpty();
  }

  @Test
  void aParameterAtABoundIsNotConvergedOrRefusedWhenItMustBeInterior() {
    // increasing in u without end: the maximum is at the upper bound
    ToDoubleFunction<double[]> rising = p -> -1 / p[0] - Math.pow(Math.log(p[1] / 0.5), 2);
    FitResult fit =
        new ModelFitter().fit("rising", NAMES, rising, 5, 2, List.of(new double[] {1, 1}));
    assertThat(fit.param("u")).isGreaterThan(ModelFitter.UPPER / 10);
    assertThat(fit.converged()).isFalse();
    assertThat(fit.diagnostic())
        .startsWith("rising fit is not converged: u = ")
        .contains(" is at the upper bound 1.0E8");
    assertThatThrownBy(
            () ->
                new ModelFitter()
                    .fit(
                        "rising",
                        NAMES,
                        rising,
                        5,
                        2,
                        List.of(new double[] {1, 1}),
                        Map.of("u", "u ran away")))
        .isInstanceOf(ModelException.class)
        .hasMessageContaining("rising fit is degenerate: u ran away (u = ")
        .hasMessageContaining("is at the upper bound");
  }

  @Test
  void aRidgeGivesASingularInformationAndNoStandardErrors() {
    // only u·v is identified
    ToDoubleFunction<double[]> ridge = p -> -Math.pow(Math.log(p[0] * p[1]), 2);
    FitResult fit =
        new ModelFitter().fit("ridge", NAMES, ridge, 5, 2, List.of(new double[] {2, 3}));
    assertThat(fit.converged()).isFalse();
    assertThat(fit.diagnostic())
        .contains("information matrix is singular or not positive definite");
    assertThat(fit.standardErrors()).isEmpty();
    assertThat(fit.hasCovariance()).isFalse();
  }

  @Test
  void aSimplexThatStoppedShortFailsTheGradientTest() {
    // steep in v, flat in u: a loose simplex stop leaves u far from the maximum in units of its
    // tiny SE
    ToDoubleFunction<double[]> curved =
        p -> -1e9 * Math.pow(Math.log(p[0] / 3), 2) - Math.pow(Math.log(p[1]), 2);
    ObservedInformation.Result info =
        ObservedInformation.at(curved, new double[] {Math.log(3) + 1e-3, 0});
    assertThat(ObservedInformation.newtonStepInStandardErrors(info))
        .isGreaterThan(ModelFitter.GRADIENT_TOLERANCE);
    ObservedInformation.Result atMax =
        ObservedInformation.at(curved, new double[] {Math.log(3), 0});
    assertThat(ObservedInformation.newtonStepInStandardErrors(atMax)).isLessThan(1e-6);
  }

  @Test
  void bgNbdStandardErrorsMatchAnIndependentHessianInNaturalParameters() {
    List<Pattern> patterns =
        List.of(
            new Pattern(0, 0, 38, 500),
            new Pattern(1, 10, 38, 90),
            new Pattern(2, 30, 38, 60),
            new Pattern(5, 35, 38, 25),
            new Pattern(3, 8, 30, 40),
            new Pattern(0, 0, 20, 200),
            new Pattern(8, 36, 38, 12),
            new Pattern(1, 2, 25, 70),
            new Pattern(4, 20, 38, 30));
    FitResult fit = TransactionModelType.BG_NBD.fit(patterns, new ModelFitter());
    assertThat(fit.converged()).as(fit.diagnostic()).isTrue();
    double[] v = fit.params().values().stream().mapToDouble(Double::doubleValue).toArray();
    PatternSet set = PatternSet.of(patterns);
    double[][] info = negatedHessian(p -> TransactionModelType.BG_NBD.logLikelihood(p, set), v);
    double[][] cov = invert(info);
    int i = 0;
    for (String name : fit.params().keySet()) {
      assertThat(fit.standardError(name))
          .as(name)
          .isCloseTo(Math.sqrt(cov[i][i]), within(2e-3 * Math.sqrt(cov[i][i])));
      i++;
    }
  }

  @Test
  void degenerateDataIsRefusedWithTheCause() {
    List<Pattern> allZero = List.of(new Pattern(0, 0, 38, 500), new Pattern(0, 0, 20, 200));
    for (TransactionModelType type : TransactionModelType.values()) {
      assertThatThrownBy(() -> type.fit(allZero, new ModelFitter()))
          .isInstanceOf(ModelException.class)
          .hasMessageContaining(
              type.configName()
                  + " fit is degenerate: none of the 700 customers made a repeat "
                  + "purchase");
      assertThatThrownBy(() -> type.fit(List.of(new Pattern(3, 20, 38, 400)), new ModelFitter()))
          .isInstanceOf(ModelException.class)
          .hasMessageContaining(
              type.configName()
                  + " fit is degenerate: all 400 customers have the same history "
                  + "(x=3, t_x=20.0, T=38.0)");
    }
  }

  @Test
  void identicalRepeatBuyersDriveTheRateDistributionToTheBoundAndAreRefused() {
    // every repeat buyer buys weekly: no spread of rates, Gamma(r, α) collapses (r, α → ∞)
    List<Pattern> regular =
        List.of(
            new Pattern(10, 10, 10.5, 300),
            new Pattern(20, 20, 20.5, 300),
            new Pattern(30, 30, 30.5, 300),
            new Pattern(0, 0, 0.5, 300));
    assertThatThrownBy(() -> TransactionModelType.BG_NBD.fit(regular, new ModelFitter()))
        .isInstanceOf(ModelException.class)
        .hasMessageContaining(
            "bg-nbd fit is degenerate: the purchase-rate distribution Gamma(r, α) ran to the edge")
        .hasMessageContaining("at the upper bound");
  }

  /**
   * −Hessian of f at v in natural parameters by 4-point central differences with relative step
   * 1e-4.
   */
  private static double[][] negatedHessian(ToDoubleFunction<double[]> f, double[] v) {
    int k = v.length;
    double[][] h = new double[k][k];
    for (int i = 0; i < k; i++) {
      for (int j = 0; j < k; j++) {
        double di = 1e-4 * v[i];
        double dj = 1e-4 * v[j];
        double pp = f.applyAsDouble(shift(v, i, di, j, dj));
        double pm = f.applyAsDouble(shift(v, i, di, j, -dj));
        double mp = f.applyAsDouble(shift(v, i, -di, j, dj));
        double mm = f.applyAsDouble(shift(v, i, -di, j, -dj));
        h[i][j] = -(pp - pm - mp + mm) / (4 * di * dj);
      }
    }
    return h;
  }

  private static double[] shift(double[] v, int i, double di, int j, double dj) {
    double[] out = v.clone();
    out[i] += di;
    out[j] += dj;
    return out;
  }

  /** Gauss-Jordan inverse with partial pivoting. */
  private static double[][] invert(double[][] m) {
    int k = m.length;
    double[][] a = new double[k][2 * k];
    for (int i = 0; i < k; i++) {
      System.arraycopy(m[i], 0, a[i], 0, k);
      a[i][k + i] = 1;
    }
    for (int c = 0; c < k; c++) {
      int pivot = c;
      for (int r = c + 1; r < k; r++) {
        if (Math.abs(a[r][c]) > Math.abs(a[pivot][c])) {
          pivot = r;
        }
      }
      double[] t = a[c];
      a[c] = a[pivot];
      a[pivot] = t;
      double d = a[c][c];
      for (int j = 0; j < 2 * k; j++) {
        a[c][j] /= d;
      }
      for (int r = 0; r < k; r++) {
        if (r != c) {
          double factor = a[r][c];
          for (int j = 0; j < 2 * k; j++) {
            a[r][j] -= factor * a[c][j];
          }
        }
      }
    }
    double[][] inv = new double[k][k];
    for (int i = 0; i < k; i++) {
      System.arraycopy(a[i], k, inv[i], 0, k);
    }
    return inv;
  }
}
