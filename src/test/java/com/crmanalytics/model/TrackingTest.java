package com.crmanalytics.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

class TrackingTest {

  @Test
  void cdnowCumulativeRepeatPurchasesOverTheSeventyEightWeeks() throws IOException {
    List<CdnowFixture.Customer> customers = CdnowFixture.customers();
    // weeks from the end of calibration (1997-09-30): first purchases at -T, holdout end at +39
    double[] first = customers.stream().mapToDouble(c -> -c.T()).toArray();
    BgNbd published = new BgNbd(0.2426, 4.4135, 0.7929, 2.4259);
    double[] curve = Tracking.expectedCumulative(published, first, new double[] {0, 39});
    int actualCalibration = customers.stream().mapToInt(CdnowFixture.Customer::x).sum();
    int actual =
        actualCalibration + customers.stream().mapToInt(CdnowFixture.Customer::holdout).sum();
    assertThat(actual).isEqualTo(4339);
    // Fader, Hardie & Lee (2005), Figure 4: the model tracks to about 4,161 by week 78
    assertThat(curve[1]).isCloseTo(4161, within(0.01 * 4161));
    // and matches calibration closely (it was fitted on it)
    assertThat(curve[0]).isCloseTo(actualCalibration, within(0.03 * actualCalibration));
  }

  @Test
  void oneCustomerIsTheNewCustomerExpectationAndNothingBeforeTheFirstPurchase() {
    BgNbd m = new BgNbd(0.2426, 4.4135, 0.7929, 2.4259);
    double[] curve =
        Tracking.expectedCumulative(m, new double[] {10, 10, 20}, new double[] {5, 42, 98});
    assertThat(curve[0]).isZero();
    assertThat(curve[1])
        .isCloseTo(
            2 * m.expectedTransactionsNewCustomer(32) + m.expectedTransactionsNewCustomer(22),
            within(1e-12));
    // published E[X(78)] = 1.858 for one customer (models.md)
    assertThat(Tracking.expectedCumulative(m, new double[] {20}, new double[] {98})[0])
        .isCloseTo(1.858, within(5e-4));
  }
}
