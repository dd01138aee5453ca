package com.crmanalytics.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RetentionBaselineTest {

  @ParameterizedTest(name = "margin {0} over {2} days, retention {1}, d {3}: {5}")
  @CsvSource({
    // W = 365: m = 120, r = 0.6, d = 0.1: 120 · 0.6 / 0.5 = 144
    "120, 0.6, 365, 0.10, 0.6, 144.0",
    // W = 73 (a fifth of a year): m = 30 · 5 = 150, r = 0.9^5 = 0.59049, 150 · 0.59049 / (1.1 −
    // 0.59049) = 173.8405...
    "30, 0.9, 73, 0.10, 0.59049, 173.8405526878766",
    // W = 730: m = 200 / 2 = 100, r = 0.64^(1/2) = 0.8, d = 0: 100 · 0.8 / 0.2 = 400
    "200, 0.64, 730, 0.0, 0.8, 400.0",
    // nobody retained: worth nothing beyond this year
    "500, 0.0, 365, 0.10, 0.0, 0.0",
    // a customer whose returns exceeded purchases in the window: the loss is projected too
    "-10, 0.5, 365, 0.25, 0.5, -6.666666666666667"
  })
  void handComputedValues(
      double windowMargin,
      double windowRetention,
      int windowDays,
      double d,
      double yearly,
      double expected) {
    RetentionBaseline b = new RetentionBaseline(windowRetention, windowDays, d);
    assertThat(b.yearlyRetention()).isCloseTo(yearly, within(1e-12));
    assertThat(b.defined()).isTrue();
    assertThat(b.value(windowMargin)).isCloseTo(expected, within(1e-9));
  }

  @Test
  void aYearlyWindowUsesTheMeasuredShareAsIs() {
    assertThat(new RetentionBaseline(0.37, 365, 0.1).yearlyRetention()).isEqualTo(0.37);
  }

  @Test
  void valueIsLinearInTheMargin() {
    // the value stage multiplies each customer's window margin by value(1)
    RetentionBaseline b = new RetentionBaseline(0.55, 90, 0.08);
    assertThat(b.value(37.5)).isCloseTo(37.5 * b.value(1), within(1e-12));
  }

  @Test
  void everyoneRetainedWithoutDiscountingIsUndefined() {
    RetentionBaseline b = new RetentionBaseline(1.0, 365, 0.0);
    assertThat(b.defined()).isFalse();
    assertThatThrownBy(() -> b.value(10))
        .isInstanceOf(ModelException.class)
        .hasMessageContaining("1 + d − r = 0");
    assertThat(new RetentionBaseline(1.0, 365, 0.1).value(10)).isCloseTo(100.0, within(1e-9));
  }

  @Test
  void invalidInputsAreRejected() {
    assertThatThrownBy(() -> new RetentionBaseline(1.2, 365, 0.1))
        .isInstanceOf(ModelException.class)
        .hasMessageContaining("Window retention rate must be in [0, 1], got 1.2");
    assertThatThrownBy(() -> new RetentionBaseline(Double.NaN, 365, 0.1))
        .isInstanceOf(ModelException.class);
    assertThatThrownBy(() -> new RetentionBaseline(0.5, 0, 0.1))
        .isInstanceOf(ModelException.class)
        .hasMessageContaining("window must be >= 1 day");
    assertThatThrownBy(() -> new RetentionBaseline(0.5, 365, -0.1))
        .isInstanceOf(ModelException.class)
        .hasMessageContaining("discount rate");
  }
}
