package com.crmanalytics.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ClvTest {

  private static final BgNbd MODEL = new BgNbd(0.2426, 4.4135, 0.7929, 2.4259);

  @Test
  void monthlyRateCompoundsToTheAnnualRate() {
    assertThat(Clv.monthlyRate(0.10)).isCloseTo(0.007974140428903764, within(1e-15));
    assertThat(Clv.monthlyRate(0.10)).isNotCloseTo(0.10 / 12, within(1e-4));
    assertThat(Math.pow(1 + Clv.monthlyRate(0.10), 12)).isCloseTo(1.10, within(1e-14));
  }

  @Test
  void constantRateHandValue() {
    // E(t) = 0.5·t per week: each month adds 0.5·30.4375/7 transactions, discounted by v^k, v =
    // 1/(1 + d_month)
    Clv clv = new Clv(12, 0.10, 7);
    double v = 1 / (1 + Clv.monthlyRate(0.10));
    double annuity = v * (1 - Math.pow(v, 12)) / (1 - v);
    double value = clv.value(t -> 0.5 * t, 20, 0.3);
    assertThat(value).isCloseTo(0.3 * 20 * 0.5 * 30.4375 / 7 * annuity, within(1e-10));
    assertThat(value).isCloseTo(148.7152921308226, within(1e-9));
  }

  @Test
  void lifetimeValueOfExponentialDropoutHasAClosedForm() {
    // E(t) = c·(1 − e^{−μt}): month k adds c·(e^{μm} − 1)·e^{−μmk}, so Σ_k v^k·(…) = c·(e^{μm} −
    // 1)·q/(1 − q),
    // q = v·e^{−μm}, m = one month in weeks
    double c = 6;
    double mu = 0.01;
    Clv clv = new Clv(12, 0.10, 7);
    double m = clv.monthInUnits();
    double q = Math.exp(-mu * m) / (1 + Clv.monthlyRate(0.10));
    double expected = 2 * 40 * c * Math.expm1(mu * m) * q / (1 - q);
    double lifetime = clv.lifetimeValue(t -> c * -Math.expm1(-mu * t), 40, 2);
    // stopping at an increment of 1e-9 of the sum leaves a tail of about 1e-9 · q/(1 − q) ≈ 2e-8
    // here
    assertThat(lifetime).isCloseTo(expected, within(1e-7 * expected));
    assertThat(lifetime).isGreaterThan(clv.value(t -> c * -Math.expm1(-mu * t), 40, 2));
  }

  @Test
  void lifetimeValueIsAtLeastTheHorizonValueAndAgreesWithALongHorizon() {
    Clv year = new Clv(12, 0.10, 7);
    ParetoNbd pareto = new ParetoNbd(0.5533, 10.5776, 0.6062, 11.6679);
    for (TransactionModel model :
        new TransactionModel[] {MODEL, pareto, new MbgNbd(0.5248, 6.1830, 0.8914, 1.6140)}) {
      double lifetime = year.lifetimeValue(model, 2, 30.43, 38.86, 35, 0.3);
      assertThat(lifetime)
          .as(model.name())
          .isGreaterThan(year.value(model, 2, 30.43, 38.86, 35, 0.3));
      // a 100-year horizon sums the same months (the lifetime sum stops only where the rest is
      // negligible)
      double century =
          new Clv(Clv.LIFETIME_CAP_MONTHS, 0.10, 7).value(model, 2, 30.43, 38.86, 35, 0.3);
      assertThat(lifetime).as(model.name()).isCloseTo(century, within(1e-6 * century));
    }
  }

  @Test
  void lifetimeValueWithoutDropoutOrDiscountStopsAtTheCap() {
    // 0.5 per week for ever, undiscounted: infinite in theory, 100 years here
    double lifetime = new Clv(12, 0.0, 7).lifetimeValue(t -> 0.5 * t, 1, 1);
    assertThat(lifetime)
        .isCloseTo(0.5 * Clv.LIFETIME_CAP_MONTHS * Clv.DAYS_PER_MONTH / 7, within(1e-6));
  }

  @Test
  void zeroDiscountIsTheUndiscountedSum() {
    Clv clv = new Clv(24, 0.0, 7);
    double expected = 0.4 * 35 * MODEL.expectedTransactions(2, 30.43, 38.86, 24 * 30.4375 / 7);
    assertThat(clv.value(MODEL, 2, 30.43, 38.86, 35, 0.4)).isCloseTo(expected, within(1e-9));
  }

  @Test
  void timeUnitOnlyRescalesTheMonth() {
    BgNbd daily = new BgNbd(0.2426, 4.4135 * 7, 0.7929, 2.4259);
    double weekly = new Clv(12, 0.08, 7).value(MODEL, 2, 30.43, 38.86, 35, 1);
    double days = new Clv(12, 0.08, 1).value(daily, 2, 30.43 * 7, 38.86 * 7, 35, 1);
    assertThat(days).isCloseTo(weekly, within(1e-9 * weekly));
  }

  @Test
  void discountingLowersValue() {
    assertThat(new Clv(36, 0.15, 7).value(MODEL, 5, 30, 38, 40, 1))
        .isLessThan(new Clv(36, 0.0, 7).value(MODEL, 5, 30, 38, 40, 1));
  }

  @ParameterizedTest
  @CsvSource({"100, 0.8, 0.1, 266.6666666666667", "50, 0.0, 0.1, 0.0", "10, 1.0, 0.25, 40.0"})
  void retentionBaseline(double margin, double retention, double discount, double expected) {
    assertThat(Clv.retentionBaseline(margin, retention, discount))
        .isCloseTo(expected, within(1e-9));
  }

  @Test
  void invalidInputsAreRejected() {
    assertThatThrownBy(() -> Clv.retentionBaseline(10, 1.0, 0.0))
        .isInstanceOf(ModelException.class)
        .hasMessageContaining("1 + d − r = 0");
    assertThatThrownBy(() -> new Clv(0, 0.1, 7))
        .isInstanceOf(ModelException.class)
        .hasMessageContaining("horizon");
    assertThatThrownBy(() -> new Clv(12, 0.1, 7).value(t -> Double.NaN, 10, 1))
        .isInstanceOf(ModelException.class)
        .hasMessageContaining("CLV");
  }
}
