package com.crmanalytics.product;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.crmanalytics.config.ProductSettings;
import com.crmanalytics.contract.CustomerRecommendations;
import com.crmanalytics.contract.Orders;
import com.crmanalytics.contract.ProductAffinity;
import com.crmanalytics.pipeline.RunContext;
import com.crmanalytics.testing.Rows;
import com.crmanalytics.testing.TestSpark;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Products bought together on a hand-counted fixture, as of D = 2026-06-30 with a 365-day window.
 * The nine baskets of the window: O1 {P1,P2}, O2 {P1,P2,P3}, O3 {P1,P3}, O4 {P2}, O5 {P4}, O6
 * {P1,P2} (a guest), O7 {P1} (late on D), O10 {P2}, O11 {P3}. Not baskets: two returns, a line
 * without a product, an order after D and one before the window. So P1 is in 5 orders, P2 in 5, P3
 * in 3, P4 in 1; {P1,P2} in 3, {P1,P3} in 2, {P2,P3} in 1.
 */
class ProductStageTest {
  static final LocalDate D = LocalDate.parse("2026-06-30");

  static Dataset<Row> orders() {
    Rows r = Rows.of(Orders.CONTRACT);
    line(r, "O1", 1, "A", "2026-01-10", "P1", 1, "10.00");
    line(r, "O1", 2, "A", "2026-01-10", "P2", 1, "10.00");
    line(r, "O2", 1, "B", "2026-02-10", "P1", 1, "10.00");
    line(r, "O2", 2, "B", "2026-02-10", "P2", 2, "20.00");
    line(r, "O2", 3, "B", "2026-02-10", "P3", 1, "10.00");
    line(r, "O3", 1, "C", "2026-03-10", "P1", 1, "10.00");
    line(r, "O3", 2, "C", "2026-03-10", "P3", 1, "10.00");
    line(r, "O4", 1, "D", "2026-04-10", "P2", 1, "10.00");
    line(
        r,
        "O4R",
        1,
        "D",
        "2026-04-15",
        "P1",
        -1,
        "-10.00"); // D returned P1: bought, never recommended
    line(r, "O5", 1, "A", "2026-05-10", "P4", 1, "10.00");
    line(r, "O6", 1, null, "2026-05-11", "P1", 1, "10.00"); // a guest's order is a basket too
    line(r, "O6", 2, null, "2026-05-11", "P2", 1, "10.00");
    line(r, "O7", 1, "E", "2026-06-30T23:00:00Z", "P1", 1, "10.00");
    line(r, "O7R", 1, "E", "2026-06-01", "P4", -1, "-4.00");
    line(r, "O8", 1, "E", "2026-07-01", "P5", 1, "10.00"); // after D
    line(r, "O9", 1, "F", "2025-01-01", "P3", 1, "10.00"); // before the window: bought, no basket
    line(r, "O9", 2, "F", "2025-01-01", "P1", 1, "10.00");
    line(r, "O10", 1, "F", "2026-06-01", "P2", 1, "10.00");
    line(r, "O11", 1, "G", "2026-06-02", "P3", 1, "10.00");
    line(r, "O12", 1, "B", "2026-06-03", null, 1, "10.00"); // no product
    return r.nullableDataset();
  }

  private static void line(
      Rows r,
      String order,
      int lineNo,
      String customer,
      String when,
      String product,
      int quantity,
      String amount) {
    r.row(
        Orders.ORDER_ID,
        order,
        Orders.LINE_NO,
        lineNo,
        Orders.CUSTOMER_ID,
        customer,
        Orders.ORDER_TS,
        when.length() == 10 ? when + "T12:00:00Z" : when,
        Orders.PRODUCT_ID,
        product,
        Orders.QUANTITY,
        quantity,
        Orders.AMOUNT,
        amount);
  }

  static ProductSettings settings(int minOrders, double minLift, int topN) {
    return new ProductSettings(0.2, 0.1, minLift, 2, minOrders, topN, 100, 1.0);
  }

  @Test
  void rulesCarryExactCountsSupportConfidenceAndLift() {
    AffinityMining.Rules mined =
        AffinityMining.mine(ProductLines.of(orders(), D), D, 365, settings(2, 1.0, 5));
    assertThat(mined.baskets()).isEqualTo(9);
    // ceil(0.2 × 9) = 2 orders: P1, P2, P3, {P1,P2}, {P1,P3}
    assertThat(mined.frequentItemsets()).isEqualTo(5);
    List<Row> rules = mined.rules().orderBy(ProductAffinity.RULE_RANK).collectAsList();
    assertThat(rules)
        .extracting(ProductStageTest::rule)
        .containsExactly("[P3]->P1", "[P1]->P3", "[P1]->P2", "[P2]->P1");
    Row p3p1 = rules.get(0);
    assertThat(p3p1.<Long>getAs(ProductAffinity.ORDERS)).isEqualTo(2L);
    assertThat(p3p1.<Long>getAs(ProductAffinity.ANTECEDENT_ORDERS)).isEqualTo(3L);
    assertThat(p3p1.<Double>getAs(ProductAffinity.SUPPORT)).isCloseTo(2 / 9.0, within(1e-12));
    assertThat(p3p1.<Double>getAs(ProductAffinity.CONFIDENCE)).isCloseTo(2 / 3.0, within(1e-12));
    assertThat(p3p1.<Double>getAs(ProductAffinity.LIFT))
        .isCloseTo((2 / 3.0) / (5 / 9.0), within(1e-12));
    assertThat(p3p1.<Long>getAs(ProductAffinity.BASKETS)).isEqualTo(9L);
    Row p1p2 = rules.get(2);
    assertThat(p1p2.<Long>getAs(ProductAffinity.ORDERS)).isEqualTo(3L);
    assertThat(p1p2.<Double>getAs(ProductAffinity.CONFIDENCE)).isCloseTo(0.6, within(1e-12));
    assertThat(p1p2.<Double>getAs(ProductAffinity.LIFT)).isCloseTo(0.6 / (5 / 9.0), within(1e-12));
    assertThat(rules)
        .allSatisfy(
            r -> assertThat(r.<Integer>getAs(ProductAffinity.ANTECEDENT_SIZE)).isEqualTo(1));
  }

  @Test
  void minimumOrdersAndLiftDropWeakRules() {
    // 3 orders: {P1,P3} (2 orders) is no longer frequent
    AffinityMining.Rules three =
        AffinityMining.mine(ProductLines.of(orders(), D), D, 365, settings(3, 1.0, 5));
    assertThat(three.rules().collectAsList())
        .extracting(ProductStageTest::rule)
        .containsExactlyInAnyOrder("[P1]->P2", "[P2]->P1");
    // lift above 1.1 keeps only the P1-P3 pair (lift 1.2)
    AffinityMining.Rules lifted =
        AffinityMining.mine(ProductLines.of(orders(), D), D, 365, settings(2, 1.1, 5));
    assertThat(lifted.rules().collectAsList())
        .extracting(ProductStageTest::rule)
        .containsExactlyInAnyOrder("[P3]->P1", "[P1]->P3");
  }

  @Test
  void nineOrdersProveNothing() {
    // P3 -> P1: 2 of P3's 3 orders hold P1, which is in 5 of 9: P(X >= 2) = (C(5,2)C(4,1) + C(5,3))
    // / C(9,3)
    // = 50 / 84, far from significant; so is every other candidate
    ProductSettings tested = new ProductSettings(0.2, 0.1, 1.0, 2, 2, 5, 100, 0.05);
    AffinityMining.Rules mined = AffinityMining.mine(ProductLines.of(orders(), D), D, 365, tested);
    assertThat(mined.candidates()).isEqualTo(4);
    assertThat(mined.rules().count()).isZero();
    AffinityMining.Rules untested =
        AffinityMining.mine(ProductLines.of(orders(), D), D, 365, settings(2, 1.0, 5));
    Row p3p1 = untested.rules().orderBy(ProductAffinity.RULE_RANK).first();
    assertThat(p3p1.<Double>getAs(ProductAffinity.P_VALUE)).isCloseTo(50 / 84.0, within(1e-12));
  }

  @Test
  void recommendsUnboughtProductsFromRulesThatFireOnTheCustomersWindow() {
    Dataset<Row> lines = ProductLines.of(orders(), D);
    Dataset<Row> rules = AffinityMining.mine(lines, D, 365, settings(2, 1.0, 5)).rules();
    List<Row> recs =
        Recommendations.recommend(lines, rules, D, 365, 5)
            .orderBy(
                CustomerRecommendations.CUSTOMER_ID, CustomerRecommendations.RECOMMENDATION_RANK)
            .collectAsList();
    assertThat(recs)
        .extracting(ProductStageTest::recommendation)
        .containsExactly("A 1 P3 [P1]", "C 1 P2 [P1]", "E 1 P2 [P1]", "E 2 P3 [P1]", "G 1 P1 [P3]");
    Row g = recs.get(4);
    assertThat(g.<Double>getAs(CustomerRecommendations.CONFIDENCE))
        .isCloseTo(2 / 3.0, within(1e-12));
    assertThat(g.<Double>getAs(CustomerRecommendations.LIFT)).isCloseTo(1.2, within(1e-12));
    assertThat(Recommendations.recommend(lines, rules, D, 365, 1).collectAsList())
        .extracting(ProductStageTest::recommendation)
        .containsExactlyInAnyOrder("A 1 P3 [P1]", "C 1 P2 [P1]", "E 1 P2 [P1]", "G 1 P1 [P3]");
  }

  @Test
  void noProductsMeansNoRulesNotAFailure() {
    Dataset<Row> noProducts =
        Rows.of(Orders.CONTRACT)
            .row(
                Orders.ORDER_ID,
                "O1",
                Orders.LINE_NO,
                1,
                Orders.CUSTOMER_ID,
                "A",
                Orders.ORDER_TS,
                "2026-06-01T10:00:00Z",
                Orders.AMOUNT,
                "10.00")
            .dataset();
    AffinityMining.Rules mined =
        AffinityMining.mine(ProductLines.of(noProducts, D), D, 365, settings(2, 1.0, 5));
    assertThat(mined.baskets()).isZero();
    assertThat(mined.rules().count()).isZero();
  }

  @Test
  void aRerunWithoutRulesLeavesTheDateWithoutRecommendations(@TempDir Path tmp) {
    RunContext ctx =
        TestSpark.context(D, tmp.resolve("landing"), tmp.resolve("warehouse"), Map.of());
    ctx.warehouse().append(Orders.CONTRACT, orders());
    ProductStage.Result first = TestSpark.run(c -> new ProductStage(settings(2, 1.0, 5), 365), ctx);
    assertThat(List.of(first.rules() > 0, first.recommendations())).containsExactly(true, 5L);
    // the same date again, where no rule passes: no recommendation is computed, and the first
    // run's rules and recommendations of D are replaced by none
    ProductStage.Result second =
        TestSpark.run(c -> new ProductStage(settings(100, 1.0, 5), 365), ctx);
    assertThat(List.of(second.rules(), second.recommendations())).containsExactly(0L, 0L);
    assertThat(ctx.warehouse().read(CustomerRecommendations.CONTRACT).count()).isZero();
    assertThat(ctx.warehouse().read(ProductAffinity.CONTRACT).count()).isZero();
  }

  private static String rule(Row r) {
    return r.getList(r.fieldIndex(ProductAffinity.ANTECEDENT))
        + "->"
        + r.getAs(ProductAffinity.CONSEQUENT);
  }

  private static String recommendation(Row r) {
    return List.<Object>of(
            r.getAs(CustomerRecommendations.CUSTOMER_ID),
            r.getAs(CustomerRecommendations.RECOMMENDATION_RANK),
            r.getAs(CustomerRecommendations.PRODUCT_ID),
            r.getList(r.fieldIndex(CustomerRecommendations.BECAUSE_OF)))
        .stream()
        .map(String::valueOf)
        .collect(Collectors.joining(" "));
  }
}
