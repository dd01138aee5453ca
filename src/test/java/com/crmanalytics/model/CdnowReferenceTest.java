package com.crmanalytics.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assertions.withinPercentage;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Reproduces the published CDNOW results of models.md (Fader, Hardie & Lee 2005; Fader & Hardie
 * 2013).
 */
class CdnowReferenceTest {

  private static final double PARAM_TOLERANCE_PERCENT = 0.1; // 1e-3 relative
  private static final double LL_TOLERANCE = 0.01;

  private static List<CdnowFixture.Customer> customers;
  private static List<Pattern> patterns;
  private static FitResult bgNbdFit;

  @BeforeAll
  static void load() throws IOException {
    customers = CdnowFixture.customers();
    patterns = CdnowFixture.patterns(customers);
    bgNbdFit = TransactionModelType.BG_NBD.fit(patterns, new ModelFitter());
  }

  @Test
  void summaryMatchesPublishedCounts() {
    assertThat(customers).hasSize(2357);
    assertThat(customers.stream().filter(c -> c.x() > 0).count()).isEqualTo(946);
    assertThat(customers.stream().mapToInt(CdnowFixture.Customer::x).sum()).isEqualTo(2457);
    assertThat(patterns).hasSize(1016);
    assertThat(Pattern.customers(patterns)).isEqualTo(2357);
    assertThat(customers.stream().mapToInt(CdnowFixture.Customer::holdout).sum()).isEqualTo(1882);
  }

  @Test
  void bgNbdFitMatchesPublished() {
    assertParams(bgNbdFit, Map.of("r", 0.2426, "alpha", 4.4135, "a", 0.7929, "b", 2.4259));
    assertThat(bgNbdFit.logLikelihood()).isCloseTo(-9582.43, within(LL_TOLERANCE));
    assertThat(bgNbdFit.n()).isEqualTo(2357);
    assertThat(bgNbdFit.patterns()).isEqualTo(1016);
    assertThat(bgNbdFit.converged()).as(bgNbdFit.diagnostic()).isTrue();
    // observed information at the optimum; lifetimes' summary of the same fit shows se(r) =
    // 0.012557
    assertThat(bgNbdFit.standardError("r")).isCloseTo(0.012557, within(2e-5));
    assertThat(bgNbdFit.iterations()).isPositive();
    System.out.println("BG/NBD fit: " + bgNbdFit);
  }

  @Test
  void paretoNbdFitMatchesPublished() {
    FitResult fit = TransactionModelType.PARETO_NBD.fit(patterns, new ModelFitter());
    System.out.println("Pareto/NBD fit: " + fit);
    assertParams(fit, Map.of("r", 0.5533, "alpha", 10.5776, "s", 0.6062, "beta", 11.6679));
    assertThat(fit.logLikelihood()).isCloseTo(-9594.98, within(LL_TOLERANCE));
    assertThat(fit.converged()).as(fit.diagnostic()).isTrue();
    // CLVTools' correctness test (tests/testthat/test_correctness_pnbd.R) asserts these standard
    // errors
    Map.of("r", 0.0476264, "alpha", 0.8427222, "s", 0.1872594, "beta", 6.2105448)
        .forEach(
            (name, se) ->
                assertThat(fit.standardError(name))
                    .as("se(%s)", name)
                    .isCloseTo(se, withinPercentage(0.1)));
  }

  /**
   * lifetimes' ModifiedBetaGeoFitter on the same summary (Batislam, Denizel & Filiztekin 2007
   * model).
   */
  @Test
  void mbgNbdFitMatchesLifetimes() {
    FitResult fit = TransactionModelType.MBG_NBD.fit(patterns, new ModelFitter());
    System.out.println("MBG/NBD fit: " + fit);
    assertParams(fit, Map.of("r", 0.5248, "alpha", 6.1830, "a", 0.8914, "b", 1.6140));
    assertThat(fit.logLikelihood()).isCloseTo(-9582.13, within(LL_TOLERANCE));
    assertThat(fit.converged()).as(fit.diagnostic()).isTrue();
    assertThat(fit.standardErrors()).containsOnlyKeys("r", "alpha", "a", "b");
  }

  @Test
  void gammaGammaFitMatchesPublished() {
    List<SpendPattern> spend = CdnowFixture.spendPatterns(customers);
    FitResult fit = GammaGamma.fit(spend, new ModelFitter());
    System.out.println("Gamma-Gamma fit: " + fit);
    assertThat(fit.n()).isEqualTo(946);
    assertParams(fit, Map.of("p", 6.2496, "q", 3.7442, "gamma", 15.4435));
    assertThat(fit.logLikelihood()).isCloseTo(-4055.92, within(LL_TOLERANCE));
  }

  @Test
  void customerOneAndNewCustomerForecastsMatchPublished() {
    TransactionModel model = TransactionModelType.BG_NBD.create(bgNbdFit.params());
    CdnowFixture.Customer one = customers.get(0);
    assertThat(one.id()).isEqualTo(1);
    assertThat(one.x()).isEqualTo(2);
    assertThat(one.tx()).isCloseTo(30.43, within(0.005));
    assertThat(one.T()).isCloseTo(38.86, within(0.005));
    assertThat(model.expectedTransactions(one.x(), one.tx(), one.T(), 39))
        .isCloseTo(1.226, within(0.0005));
    assertThat(model.pAlive(one.x(), one.tx(), one.T())).isCloseTo(0.727, within(0.0005));
    assertThat(model.expectedTransactionsNewCustomer(1)).isCloseTo(0.0532, within(0.00005));
    assertThat(model.expectedTransactionsNewCustomer(3)).isCloseTo(0.1506, within(0.00005));
    assertThat(model.expectedTransactionsNewCustomer(32)).isCloseTo(1.0437, within(0.00005));
    assertThat(model.expectedTransactionsNewCustomer(78)).isCloseTo(1.858, within(0.0005));
  }

  /**
   * Holdout check. The actual total is one draw: with n customers whose holdout counts scatter
   * around their forecasts, the total's sampling sd is about sqrt(Σ (actual − predicted)²), so we
   * accept 3 of those sd.
   */
  @Test
  void holdoutForecastTracksActuals() {
    TransactionModel model = TransactionModelType.BG_NBD.create(bgNbdFit.params());
    double[] predicted =
        customers.stream()
            .mapToDouble(c -> model.expectedTransactions(c.x(), c.tx(), c.T(), 39))
            .toArray();
    double[] actual = customers.stream().mapToDouble(CdnowFixture.Customer::holdout).toArray();
    double total = java.util.Arrays.stream(predicted).sum();
    double sse = 0;
    for (int i = 0; i < actual.length; i++) {
      sse += (actual[i] - predicted[i]) * (actual[i] - predicted[i]);
    }
    double sd = Math.sqrt(sse);
    double correlation = correlation(predicted, actual);
    System.out.printf(
        "Holdout 39 weeks: predicted %.1f vs actual 1882 (sd %.1f), correlation %.3f (paper 0.626)%n",
        total, sd, correlation);
    assertThat(total).isCloseTo(1882, within(3 * sd));
    assertThat(correlation).isGreaterThan(0.5);
  }

  private static double correlation(double[] u, double[] v) {
    double mu = java.util.Arrays.stream(u).average().orElseThrow();
    double mv = java.util.Arrays.stream(v).average().orElseThrow();
    double cov = 0;
    double su = 0;
    double sv = 0;
    for (int i = 0; i < u.length; i++) {
      cov += (u[i] - mu) * (v[i] - mv);
      su += (u[i] - mu) * (u[i] - mu);
      sv += (v[i] - mv) * (v[i] - mv);
    }
    return cov / Math.sqrt(su * sv);
  }

  private static void assertParams(FitResult fit, Map<String, Double> expected) {
    expected.forEach(
        (name, value) ->
            assertThat(fit.param(name))
                .as("%s %s", fit.model(), name)
                .isCloseTo(value, withinPercentage(PARAM_TOLERANCE_PERCENT)));
  }
}
