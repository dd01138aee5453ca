package com.crmanalytics.value;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.crmanalytics.contract.CustomerValue;
import com.crmanalytics.contract.ModelRuns;
import com.crmanalytics.contract.Orders;
import com.crmanalytics.error.CrmException;
import com.crmanalytics.error.ExitCode;
import com.crmanalytics.features.FeaturesStage;
import com.crmanalytics.pipeline.RunContext;
import com.crmanalytics.testing.Rows;
import com.crmanalytics.testing.TestSpark;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The value stage's refusals: too little data is exit 3 and writes nothing. */
class ValueStageTest {
  @TempDir Path tmp;

  @Test
  void tooFewRepeatBuyersStopWithExit3AndWriteNothing() {
    LocalDate d = LocalDate.of(2026, 3, 31);
    RunContext ctx = TestSpark.context(d, tmp.resolve("landing"), tmp.resolve("warehouse"), Map.of("clv.min-repeat-buyers", "3"));
    ctx.warehouse().merge(Orders.CONTRACT, Rows.of(Orders.CONTRACT)
        .row(Orders.ORDER_ID, "O1", Orders.LINE_NO, 1, Orders.CUSTOMER_ID, "A", Orders.ORDER_TS, "2026-01-05T10:00:00Z", Orders.AMOUNT, "20.00")
        .row(Orders.ORDER_ID, "O2", Orders.LINE_NO, 1, Orders.CUSTOMER_ID, "A", Orders.ORDER_TS, "2026-02-05T10:00:00Z", Orders.AMOUNT, "30.00")
        .row(Orders.ORDER_ID, "O3", Orders.LINE_NO, 1, Orders.CUSTOMER_ID, "B", Orders.ORDER_TS, "2026-01-07T10:00:00Z", Orders.AMOUNT, "15.00")
        .row(Orders.ORDER_ID, "O4", Orders.LINE_NO, 1, Orders.CUSTOMER_ID, "B", Orders.ORDER_TS, "2026-03-07T10:00:00Z", Orders.AMOUNT, "25.00")
        .row(Orders.ORDER_ID, "O5", Orders.LINE_NO, 1, Orders.CUSTOMER_ID, "C", Orders.ORDER_TS, "2026-02-01T10:00:00Z", Orders.AMOUNT, "10.00")
        .dataset());
    FeaturesStage.run(ctx);

    assertThatThrownBy(() -> ValueStage.run(ctx))
        .isInstanceOf(CrmException.class)
        .hasMessageContaining("2 customers with a repeat purchase on or before 2026-03-31")
        .hasMessageContaining("clv.min-repeat-buyers = 3")
        .hasMessageContaining("nothing written")
        .satisfies(e -> assertThat(((CrmException) e).exitCode()).isEqualTo(ExitCode.DATA_QUALITY));
    assertThat(ctx.warehouse().exists(CustomerValue.CONTRACT)).isFalse();
    assertThat(ctx.warehouse().exists(ModelRuns.CONTRACT)).isFalse();
  }

  @Test
  void scorerGivesFiniteScoresForEveryKindOfCustomer() {
    Scorer s = new Scorer(com.crmanalytics.model.TransactionModelType.BG_NBD,
        Map.of("r", 0.2426, "alpha", 4.4135, "a", 0.7929, "b", 2.4259),
        Map.of("p", 6.2496, "q", 3.7442, "gamma", 15.4435), 12, 0.10, 7);
    // first seen on D, one-time buyer, repeat buyer, heavy buyer, repeat buyer with zero spend
    double[][] rows = {s.score(0, 0, 0, null), s.score(0, 0, 20, null), s.score(2, 30.43, 38.86, 20.0),
        s.score(150, 38, 38.5, 80.0), s.score(3, 10, 30, 0.0)};
    for (double[] r : rows) {
      assertThat(r).isNotNull();
      for (double v : r) {
        assertThat(v).isFinite();
      }
    }
    assertThat(rows[0][Scorer.P_ALIVE]).isEqualTo(1.0);
    assertThat(rows[2][Scorer.P_ALIVE]).isCloseTo(0.727, org.assertj.core.api.Assertions.within(0.0005));
    // population mean spend γp/(q−1) for x = 0
    assertThat(rows[1][Scorer.SPEND]).isCloseTo(15.4435 * 6.2496 / 2.7442, org.assertj.core.api.Assertions.within(1e-9));
  }
}
