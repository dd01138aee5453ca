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
    for (CdnowFixture.Customer c : customers) {
      double margin = 0.2 + 0.1 * (c.id() % 5);
      sum += CLV.value(model, c.x(), c.tx(), c.T(), gg.expectedSpend(c.x(), c.mx()), margin);
    }
    long start = System.nanoTime();
    EquityInterval.Result r =
        EquityInterval.compute(
            TransactionModelType.BG_NBD, bgNbd, gammaGamma, CLV, aggregates(), 42);
    System.out.printf(
        "CDNOW equity (margin 0.2-0.6): %.0f [%.0f, %.0f], lifetime %.0f [%.0f, %.0f], %d patterns, "
            + "%.1f s%n",
        r.point(),
        r.low(),
        r.high(),
        r.lifetimePoint(),
        r.lifetimeLow(),
        r.lifetimeHigh(),
        r.patterns(),
        (System.nanoTime() - start) / 1e9);
    assertThat(r.point()).isCloseTo(sum, within(1e-9 * sum));
    assertThat(r.low()).isLessThan(r.point());
    assertThat(r.high()).isGreaterThan(r.point());
    assertThat(r.lifetimePoint()).isGreaterThan(r.point());
    assertThat(r.patterns()).isLessThanOrEqualTo(EquityInterval.DEFAULT_MAX_PATTERNS);
    assertThat(r.lifetimeLow()).isLessThan(r.lifetimePoint());
    assertThat(r.lifetimeHigh()).isGreaterThan(r.lifetimePoint());
  }

  @Test
  void lifetimePointOnMergedAggregatesIsCloseToTheSumOfLifetimeValues() {
    TransactionModel model = TransactionModelType.BG_NBD.create(bgNbd.params());
    GammaGamma gg = GammaGamma.fromParams(gammaGamma.params());
    List<CustomerAggregate> first = aggregates().subList(0, 600);
    double lifetime = 0;
    for (CdnowFixture.Customer c : customers.subList(0, 600)) {
      double margin = 0.2 + 0.1 * (c.id() % 5);
      lifetime +=
          CLV.lifetimeValue(model, c.x(), c.tx(), c.T(), gg.expectedSpend(c.x(), c.mx()), margin);
    }
    EquityInterval.Result merged =
        EquityInterval.compute(
            TransactionModelType.BG_NBD, bgNbd, gammaGamma, CLV, first, 20, 1, 100);
    assertThat(merged.patterns()).isLessThanOrEqualTo(100);
    assertThat(merged.lifetimePoint()).isCloseTo(lifetime, within(5e-3 * lifetime));
    EquityInterval.Result all =
        EquityInterval.compute(
            TransactionModelType.BG_NBD, bgNbd, gammaGamma, CLV, first, 20, 1, 600);
    assertThat(all.lifetimePoint()).isCloseTo(lifetime, within(1e-9 * lifetime));
  }

  @Test
  void seededDrawsAreDeterministic() {
    List<CustomerAggregate> a = aggregates().subList(0, 100);
    TransactionModelType bg = TransactionModelType.BG_NBD;
    EquityInterval.Result one = EquityInterval.compute(bg, bgNbd, gammaGamma, CLV, a, 40, 7, 500);
    EquityInterval.Result two = EquityInterval.compute(bg, bgNbd, gammaGamma, CLV, a, 40, 7, 500);
    EquityInterval.Result other = EquityInterval.compute(bg, bgNbd, gammaGamma, CLV, a, 40, 8, 500);
    assertThat(two).isEqualTo(one);
    assertThat(other.low()).isNotEqualTo(one.low());
    assertThat(other.point()).isEqualTo(one.point());
  }

  @Test
  void tinyStandardErrorsCollapseTheIntervalOnThePoint() {
    // as if the same customers were observed 1e8 times over: covariance / 1e8
    FitResult tx = shrunk(bgNbd, 1e8);
    FitResult gg = shrunk(gammaGamma, 1e8);
    EquityInterval.Result r =
        EquityInterval.compute(
            TransactionModelType.BG_NBD, tx, gg, CLV, aggregates().subList(0, 100), 40, 3, 500);
    assertThat(r.low()).isCloseTo(r.point(), within(1e-3 * r.point()));
    assertThat(r.high()).isCloseTo(r.point(), within(1e-3 * r.point()));
    assertThat(r.lifetimeLow()).isCloseTo(r.lifetimePoint(), within(1e-3 * r.lifetimePoint()));
  }

  @Test
  void mergingManyPatternsKeepsThePointExactAndTheIntervalClose() {
    Random rnd = new Random(5);
    List<CustomerAggregate> many = new ArrayList<>();
    for (int i = 0; i < 1500; i++) {
      double T = 1 + 77 * rnd.nextDouble();
      int x = rnd.nextDouble() < 0.6 ? 0 : 1 + (int) (-Math.log(rnd.nextDouble()) * 4);
      double tx = x == 0 ? 0 : T * rnd.nextDouble();
      many.add(
          new CustomerAggregate(
              x, tx, T, 1 + rnd.nextInt(5), 1, x == 0 ? 0 : 20 + 30 * rnd.nextDouble()));
    }
    EquityInterval.Result fine =
        EquityInterval.compute(
            TransactionModelType.BG_NBD, bgNbd, gammaGamma, CLV, many, 40, 11, 1500);
    EquityInterval.Result coarse =
        EquityInterval.compute(
            TransactionModelType.BG_NBD, bgNbd, gammaGamma, CLV, many, 40, 11, 200);
    assertThat(coarse.patterns()).isLessThanOrEqualTo(200);
    assertThat(coarse.point()).isEqualTo(fine.point());
    assertThat(coarse.low()).isCloseTo(fine.low(), within(0.01 * fine.point()));
    assertThat(coarse.high()).isCloseTo(fine.high(), within(0.01 * fine.point()));
    assertThat(coarse.lifetimePoint())
        .isCloseTo(fine.lifetimePoint(), within(0.01 * fine.lifetimePoint()));
  }

  /**
   * Coverage sanity on one simulated BG/NBD + Gamma-Gamma base (seed fixed before the first run):
   * the total CLV at the true parameters, for the simulated customers, lies inside the 90% interval
   * of the fitted models.
   */
  @Test
  void simulatedBaseTrueTotalLiesInsideTheInterval() {
    org.hipparchus.random.RandomDataGenerator rnd =
        new org.hipparchus.random.RandomDataGenerator(2026_12_01L);
    BgNbd truth = new BgNbd(0.5, 5, 0.8, 2.5);
    GammaGamma spendTruth = new GammaGamma(6, 4, 15);
    List<Pattern> patterns = new ArrayList<>();
    List<SpendPattern> spend = new ArrayList<>();
    List<CustomerAggregate> aggregates = new ArrayList<>();
    double trueTotal = 0;
    for (int i = 0; i < 4000; i++) {
      double bigT = 20 + 58 * rnd.nextUniform(0, 1);
      double lambda = rnd.nextGamma(truth.r(), 1 / truth.alpha());
      double p = rnd.nextBeta(truth.a(), truth.b());
      double nu = rnd.nextGamma(spendTruth.q(), 1 / spendTruth.gamma());
      int x = 0;
      double tx = 0;
      double spent = 0;
      for (double t = rnd.nextExponential(1 / lambda);
          t <= bigT;
          t += rnd.nextExponential(1 / lambda)) {
        x++;
        tx = t;
        spent += rnd.nextGamma(spendTruth.p(), 1 / nu);
        if (rnd.nextUniform(0, 1) < p) {
          break;
        }
      }
      double mx = x > 0 ? spent / x : 0;
      patterns.add(Pattern.of(x, tx, bigT));
      if (x > 0) {
        spend.add(SpendPattern.of(x, mx));
      }
      aggregates.add(new CustomerAggregate(x, tx, bigT, 1, 1, mx));
      trueTotal += CLV.value(truth, x, tx, bigT, spendTruth.expectedSpend(x, mx), 1);
    }
    FitResult tx = TransactionModelType.BG_NBD.fit(Pattern.distinct(patterns), new ModelFitter());
    FitResult gg = GammaGamma.fit(spend, new ModelFitter());
    EquityInterval.Result r =
        EquityInterval.compute(TransactionModelType.BG_NBD, tx, gg, CLV, aggregates, 100, 5, 200);
    System.out.printf(
        "Simulated base: true total %.0f, estimate %.0f [%.0f, %.0f]%n",
        trueTotal, r.point(), r.low(), r.high());
    assertThat(trueTotal).isBetween(r.low(), r.high());
  }

  @Test
  void aFitWithoutCovarianceHasNoInterval() {
    FitResult bare =
        new FitResult("bg-nbd", bgNbd.params(), bgNbd.logLikelihood(), 1, 1, 1, 1, true);
    assertThatThrownBy(
            () ->
                EquityInterval.compute(
                    TransactionModelType.BG_NBD, bare, gammaGamma, CLV, aggregates(), 7))
        .isInstanceOf(ModelException.class)
        .hasMessageContaining("No interval for customer equity: the bg-nbd fit has no covariance");
  }

  @Test
  void aParameterTheDataDoNotPinDownHasNoIntervalInsteadOfMinutesOfDraws() {
    // Online Retail II's MBG/NBD drop-out parameters: standard errors ten times the estimates.
    // Widening the covariance 400 times takes the log-SDs of a and b from about 0.2 to about 4.
    FitResult loose = shrunk(bgNbd, 1.0 / 400);
    assertThatThrownBy(
            () ->
                EquityInterval.compute(
                    TransactionModelType.BG_NBD, loose, gammaGamma, CLV, aggregates(), 7))
        .isInstanceOf(ModelException.class)
        .hasMessageStartingWith("the data do not pin down the bg-nbd parameter")
        .hasMessageContaining("above 2.0");
  }

  @Test
  void quantileInterpolatesBetweenOrderStatistics() {
    assertThat(EquityInterval.quantile(new double[] {4, 1, 3, 2, 5}, 0.05))
        .isCloseTo(1.2, within(1e-12));
    assertThat(EquityInterval.quantile(new double[] {4, 1, 3, 2, 5}, 0.95))
        .isCloseTo(4.8, within(1e-12));
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
    return new FitResult(
        fit.model(),
        fit.params(),
        fit.logLikelihood(),
        fit.n(),
        fit.patterns(),
        fit.iterations(),
        fit.evaluations(),
        fit.converged(),
        se,
        cov,
        fit.diagnostic());
  }
}
