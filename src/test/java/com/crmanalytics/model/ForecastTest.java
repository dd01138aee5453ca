package com.crmanalytics.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ForecastTest {

  /** One month in weeks, the pipeline's period for the weekly CDNOW summary. */
  private static final double MONTH = Clv.DAYS_PER_MONTH / 7;

  private static List<CdnowFixture.Customer> customers;
  private static FitResult bgNbd;
  private static FitResult gammaGamma;

  @BeforeAll
  static void fit() throws IOException {
    customers = CdnowFixture.customers();
    bgNbd = TransactionModelType.BG_NBD.fit(CdnowFixture.patterns(customers), new ModelFitter());
    gammaGamma = GammaGamma.fit(CdnowFixture.spendPatterns(customers), new ModelFitter());
  }

  /**
   * The customers merged by pattern, with margin 1: Σ 1 and Σ m_x, as the value stage builds them.
   */
  private static List<CustomerAggregate> aggregates() {
    java.util.Map<List<Double>, double[]> merged = new java.util.LinkedHashMap<>();
    for (CdnowFixture.Customer c : customers) {
      double[] s =
          merged.computeIfAbsent(List.of((double) c.x(), c.tx(), c.T()), k -> new double[2]);
      s[0] += 1;
      s[1] += c.mx();
    }
    List<CustomerAggregate> out = new ArrayList<>();
    merged.forEach(
        (k, s) ->
            out.add(
                new CustomerAggregate(
                    (int) Math.round(k.get(0)), k.get(1), k.get(2), (long) s[0], s[0], s[1])));
    return out;
  }

  @Test
  void twelveMonthsAddUpToTheExpectedPurchasesAndRevenueOfTheYear() {
    TransactionModel model = TransactionModelType.BG_NBD.create(bgNbd.params());
    GammaGamma gg = GammaGamma.fromParams(gammaGamma.params());
    double purchases = 0;
    double revenue = 0;
    for (CdnowFixture.Customer c : customers) {
      double e = model.expectedTransactions(c.x(), c.tx(), c.T(), 12 * MONTH);
      purchases += e;
      revenue += e * gg.expectedSpend(c.x(), c.mx());
    }
    Forecast.Result r = Forecast.point(model, gg, aggregates(), 0, MONTH, 12);
    assertThat(r.periods()).hasSize(12);
    assertThat(r.periods()).extracting(Forecast.Period::period).startsWith(1).endsWith(12);
    assertThat(r.totalPurchases()).isCloseTo(purchases, within(1e-9 * purchases));
    assertThat(r.totalRevenue()).isCloseTo(revenue, within(1e-9 * revenue));
    // a declining base: every month expects fewer purchases than the one before
    for (int k = 1; k < 12; k++) {
      assertThat(r.periods().get(k).purchases()).isLessThan(r.periods().get(k - 1).purchases());
      assertThat(r.periods().get(k).purchases()).isPositive();
    }
    assertThat(r.hasInterval()).isFalse();
    assertThat(r.periods().get(0).purchasesLow()).isNaN();
  }

  @Test
  void cdnowFirstThirtyNineWeeksAreTheHoldoutPrediction() {
    // Fader, Hardie & Lee (2005) published parameters; the holdout is the 39 weeks after 1997-09-30
    BgNbd published = new BgNbd(0.2426, 4.4135, 0.7929, 2.4259);
    GammaGamma gg = GammaGamma.fromParams(gammaGamma.params());
    double holdout = 0;
    for (CdnowFixture.Customer c : customers) {
      holdout += published.expectedTransactions(c.x(), c.tx(), c.T(), 39);
    }
    Forecast.Result weekly = Forecast.point(published, gg, aggregates(), 0, 1, 39);
    Forecast.Result once = Forecast.point(published, gg, aggregates(), 0, 39, 1);
    System.out.printf(
        "CDNOW: %.1f repeat purchases predicted for the 39-week holdout (1,882 happened)%n",
        holdout);
    assertThat(once.totalPurchases()).isCloseTo(holdout, within(0.05));
    assertThat(weekly.totalPurchases()).isCloseTo(holdout, within(0.05));
    assertThat(once.periods().get(0).purchases()).isEqualTo(once.totalPurchases());
  }

  @Test
  void revenueIsEachCustomersPurchasesTimesTheirExpectedSpend() {
    TransactionModel model = TransactionModelType.BG_NBD.create(bgNbd.params());
    GammaGamma gg = GammaGamma.fromParams(gammaGamma.params());
    double month3 = 0;
    for (CdnowFixture.Customer c : customers) {
      double step =
          model.expectedTransactions(c.x(), c.tx(), c.T(), 3 * MONTH)
              - model.expectedTransactions(c.x(), c.tx(), c.T(), 2 * MONTH);
      month3 += step * gg.expectedSpend(c.x(), c.mx());
    }
    Forecast.Period p = Forecast.point(model, gg, aggregates(), 0, MONTH, 12).periods().get(2);
    assertThat(p.period()).isEqualTo(3);
    assertThat(p.revenue()).isCloseTo(month3, within(1e-9 * month3));
  }

  @Test
  void intervalSurroundsEachMonthAndIsReproducible() {
    Forecast.Result r =
        Forecast.withInterval(
            TransactionModelType.BG_NBD,
            bgNbd,
            gammaGamma,
            aggregates(),
            0,
            MONTH,
            12,
            200,
            42,
            500);
    Forecast.Result point =
        Forecast.point(
            TransactionModelType.BG_NBD.create(bgNbd.params()),
            GammaGamma.fromParams(gammaGamma.params()),
            aggregates(),
            0,
            MONTH,
            12);
    assertThat(r.hasInterval()).isTrue();
    assertThat(r.draws()).isEqualTo(200);
    assertThat(r.patterns()).isLessThanOrEqualTo(500);
    for (int k = 0; k < 12; k++) {
      Forecast.Period p = r.periods().get(k);
      assertThat(p.purchases()).isEqualTo(point.periods().get(k).purchases());
      assertThat(p.purchasesLow()).isLessThan(p.purchases());
      assertThat(p.purchasesHigh()).isGreaterThan(p.purchases());
      assertThat(p.revenueLow()).isLessThan(p.revenue());
      assertThat(p.revenueHigh()).isGreaterThan(p.revenue());
      // parameter uncertainty on 2,357 customers: a few percent, not a factor
      assertThat(p.purchasesHigh() / p.purchasesLow()).isLessThan(1.5);
    }
    Forecast.Result again =
        Forecast.withInterval(
            TransactionModelType.BG_NBD,
            bgNbd,
            gammaGamma,
            aggregates(),
            0,
            MONTH,
            12,
            200,
            42,
            500);
    assertThat(again.periods()).isEqualTo(r.periods());
  }

  @Test
  void theYearsIntervalComesFromTheSameDrawsAsCustomerEquity() {
    // with no discount and margin 1, customer equity over 12 months is the 12 months' revenue
    Clv undiscounted = new Clv(12, 0, 7);
    EquityInterval.Result equity =
        EquityInterval.compute(
            TransactionModelType.BG_NBD,
            bgNbd,
            gammaGamma,
            undiscounted,
            aggregates(),
            200,
            42,
            100_000);
    Forecast.Result one =
        Forecast.withInterval(
            TransactionModelType.BG_NBD,
            bgNbd,
            gammaGamma,
            aggregates(),
            0,
            12 * MONTH,
            1,
            200,
            42,
            100_000);
    Forecast.Period year = one.periods().get(0);
    assertThat(year.revenue()).isCloseTo(equity.point(), within(1e-6 * equity.point()));
    assertThat(year.revenueLow()).isCloseTo(equity.low(), within(1e-6 * equity.low()));
    assertThat(year.revenueHigh()).isCloseTo(equity.high(), within(1e-6 * equity.high()));
  }

  @Test
  void customersFirstSeenAtTheEndExpectANewCustomersPurchasesAtTheMeanSpend() {
    TransactionModel model = TransactionModelType.BG_NBD.create(bgNbd.params());
    GammaGamma gg = GammaGamma.fromParams(gammaGamma.params());
    Forecast.Result base = Forecast.point(model, gg, aggregates(), 0, MONTH, 12);
    Forecast.Result more = Forecast.point(model, gg, aggregates(), 10, MONTH, 12);
    double year = model.expectedTransactionsNewCustomer(12 * MONTH);
    assertThat(more.totalPurchases() - base.totalPurchases()).isCloseTo(10 * year, within(1e-9));
    assertThat(more.totalRevenue() - base.totalRevenue())
        .isCloseTo(10 * year * gg.populationMean(), within(1e-7));
    Forecast.Result onlyNew = Forecast.point(model, gg, List.of(), 4, MONTH, 2);
    assertThat(onlyNew.periods().get(1).purchases())
        .isCloseTo(
            4
                * (model.expectedTransactionsNewCustomer(2 * MONTH)
                    - model.expectedTransactionsNewCustomer(MONTH)),
            within(1e-12));
  }

  @Test
  void noCovarianceNoInterval() {
    FitResult bare =
        new FitResult("bg-nbd", bgNbd.params(), bgNbd.logLikelihood(), 1, 1, 1, 1, true);
    assertThatThrownBy(
            () ->
                Forecast.withInterval(
                    TransactionModelType.BG_NBD,
                    bare,
                    gammaGamma,
                    aggregates(),
                    0,
                    MONTH,
                    12,
                    50,
                    1,
                    500))
        .isInstanceOf(ModelException.class)
        .hasMessageContaining("No interval for the forecast: the bg-nbd fit has no covariance");
  }
}
