package com.crmanalytics.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class EquityIntervalTest {

  private static final Clv CLV = new Clv(12, 0.10, 7);
  private static List<CdnowFixture.Customer> customers;
  private static FitResult bgNbd;
  private static FitResult gammaGamma;

  @BeforeAll
  static void fit() throws IOException {
    customers = CdnowFixture.customers();
    bgNbd = TransactionModelType.BG_NBD.fit(CdnowFixture.patterns(customers), new ModelFitter());
    gammaGamma = GammaGamma.fit(CdnowFixture.spendPatterns(customers), new ModelFitter());
  }

  /** One aggregate per CDNOW customer with a margin ratio that varies by customer. */
  private static List<CustomerAggregate> aggregates() {
    List<CustomerAggregate> out = new ArrayList<>();
    for (CdnowFixture.Customer c : customers) {
      double margin = 0.2 + 0.1 * (c.id() % 5);
      out.add(new CustomerAggregate(c.x(), c.tx(), c.T(), 1, margin, margin * c.mx()));
    }
    return out;
  }

  @Test
  void pointIsTheSumOfPerCustomerClvsAndTheIntervalContainsIt() {
    TransactionModel model = TransactionModelType.BG_NBD.create(bgNbd.params());
    GammaGamma gg = GammaGamma.fromParams(gammaGamma.params());
    double sum = 0;
    double lifetime = 0;
    for (CdnowFixture.Customer c : customers) {
      double margin = 0.2 + 0.1 * (c.id() % 5);
      sum += CLV.value(model, c.x(), c.tx(), c.T(), gg.expectedSpend(c.x(), c.mx()), margin);
      lifetime += CLV.lifetimeValue(model, c.x(), c.tx(), c.T(), gg.expectedSpend(c.x(), c.mx()), margin);
    }
    long start = System.nanoTime();
    EquityInterval.Result r = EquityInterval.compute(TransactionModelType.BG_NBD, bgNbd, gammaGamma, CLV,
        aggregates(), 200, 42, EquityInterval.DEFAULT_MAX_PATTERNS);
    System.out.printf("CDNOW equity (margin 0.2-0.6): %.0f [%.0f, %.0f], lifetime %.0f [%.0f, %.0f], %d patterns, "
        + "%.1f s%n", r.point(), r.low(), r.high(), r.lifetimePoint(), r.lifetimeLow(), r.lifetimeHigh(),
        r.patterns(), (System.nanoTime() - start) / 1e9);
    assertThat(r.point()).isCloseTo(sum, within(1e-9 * sum));
    assertThat(r.low()).isLessThan(r.point());
    assertThat(r.high()).isGreaterThan(r.point());
    assertThat(r.lifetimePoint()).isGreaterThan(r.point());
    // 2,357 aggregates > 2,000: the lifetime point is on merged aggregates, corrected by ratio
    assertThat(r.patterns()).isLessThanOrEqualTo(2000);
    assertThat(r.lifetimePoint()).isCloseTo(lifetime, within(2e-3 * lifetime));
    assertThat(r.lifetimeLow()).isLessThan(r.lifetimePoint());
    assertThat(r.lifetimeHigh()).isGreaterThan(r.lifetimePoint());
  }

  @Test
  void seededDrawsAreDeterministic() {
    List<CustomerAggregate> a = aggregates().subList(0, 300);
    EquityInterval.Result one = EquityInterval.compute(TransactionModelType.BG_NBD, bgNbd, gammaGamma, CLV, a, 7);
    EquityInterval.Result two = EquityInterval.compute(TransactionModelType.BG_NBD, bgNbd, gammaGamma, CLV, a, 7);
    EquityInterval.Result other = EquityInterval.compute(TransactionModelType.BG_NBD, bgNbd, gammaGamma, CLV, a, 8);
    assertThat(two).isEqualTo(one);
    assertThat(other.low()).isNotEqualTo(one.low());
    assertThat(other.point()).isEqualTo(one.point());
  }

  @Test
  void tinyStandardErrorsCollapseTheIntervalOnThePoint() {
    // as if the same customers were observed 1e8 times over: covariance / 1e8
    FitResult tx = shrunk(bgNbd, 1e8);
    FitResult gg = shrunk(gammaGamma, 1e8);
    EquityInterval.Result r = EquityInterval.compute(TransactionModelType.BG_NBD, tx, gg, CLV,
        aggregates().subList(0, 500), 200, 3, 2000);
    assertThat(r.low()).isCloseTo(r.point(), within(1e-3 * r.point()));
    assertThat(r.high()).isCloseTo(r.point(), within(1e-3 * r.point()));
    assertThat(r.lifetimeLow()).isCloseTo(r.lifetimePoint(), within(1e-3 * r.lifetimePoint()));
  }

  @Test
  void mergingManyPatternsKeepsThePointExactAndTheIntervalClose() {
    Random rnd = new Random(5);
    List<CustomerAggregate> many = new ArrayList<>();
    for (int i = 0; i < 20_000; i++) {
      double T = 1 + 77 * rnd.nextDouble();
      int x = rnd.nextDouble() < 0.6 ? 0 : 1 + (int) (-Math.log(rnd.nextDouble()) * 4);
      double tx = x == 0 ? 0 : T * rnd.nextDouble();
      many.add(new CustomerAggregate(x, tx, T, 1 + rnd.nextInt(5), 1, x == 0 ? 0 : 20 + 30 * rnd.nextDouble()));
    }
    EquityInterval.Result fine = EquityInterval.compute(TransactionModelType.BG_NBD, bgNbd, gammaGamma, CLV,
        many, 100, 11, 20_000);
    EquityInterval.Result coarse = EquityInterval.compute(TransactionModelType.BG_NBD, bgNbd, gammaGamma, CLV,
        many, 100, 11, 500);
    assertThat(coarse.patterns()).isLessThanOrEqualTo(500);
    assertThat(coarse.point()).isEqualTo(fine.point());
    assertThat(coarse.low()).isCloseTo(fine.low(), within(0.01 * fine.point()));
    assertThat(coarse.high()).isCloseTo(fine.high(), within(0.01 * fine.point()));
    assertThat(coarse.lifetimePoint()).isCloseTo(fine.lifetimePoint(), within(0.01 * fine.lifetimePoint()));
  }

  @Test
  void aFitWithoutCovarianceHasNoInterval() {
    FitResult bare = new FitResult("bg-nbd", bgNbd.params(), bgNbd.logLikelihood(), 1, 1, 1, 1, true);
    assertThatThrownBy(() -> EquityInterval.compute(TransactionModelType.BG_NBD, bare, gammaGamma, CLV,
        aggregates(), 7)).isInstanceOf(ModelException.class)
        .hasMessageContaining("No interval for customer equity: the bg-nbd fit has no covariance");
  }

  @Test
  void quantileInterpolatesBetweenOrderStatistics() {
    assertThat(EquityInterval.quantile(new double[] {4, 1, 3, 2, 5}, 0.05)).isCloseTo(1.2, within(1e-12));
    assertThat(EquityInterval.quantile(new double[] {4, 1, 3, 2, 5}, 0.95)).isCloseTo(4.8, within(1e-12));
  }

  private static FitResult shrunk(FitResult fit, double factor) {
    double[][] cov = fit.logCovariance();
    Map<String, Double> se = new LinkedHashMap<>();
    for (double[] row : cov) {
      for (int j = 0; j < row.length; j++) {
        row[j] /= factor;
      }
    }
    fit.standardErrors().forEach((k, v) -> se.put(k, v / Math.sqrt(factor)));
    return new FitResult(fit.model(), fit.params(), fit.logLikelihood(), fit.n(), fit.patterns(), fit.iterations(),
        fit.evaluations(), fit.converged(), se, cov, fit.diagnostic());
  }
}
