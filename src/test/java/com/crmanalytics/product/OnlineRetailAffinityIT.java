package com.crmanalytics.product;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.to_timestamp;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.crmanalytics.config.ProductSettings;
import com.crmanalytics.contract.Orders;
import com.crmanalytics.contract.ProductAffinity;
import com.crmanalytics.testing.ProductSpark;
import com.crmanalytics.testing.TestSpark;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Products bought together on a real retailer's invoice lines (../shared/datasets/online_retail_ii,
 * a year to 2010-12-09): the rules FP-Growth finds are checked pair by pair against a direct count
 * of the invoices, made here in plain Java from the same lines (a basket = the distinct StockCodes
 * of a non-cancelled invoice).
 */
@ExtendWith(ProductSpark.class) // half a million lines: interpreted is 4 times slower
class OnlineRetailAffinityIT {
  static final Path FILE =
      Path.of(
          "..",
          "shared",
          "datasets",
          "online_retail_ii",
          "online_retail_ii_year_2009_2010.parquet");
  static final LocalDate D = LocalDate.parse("2010-12-09");

  @Test
  void supportConfidenceAndLiftMatchADirectCountOfInvoices() {
    boolean present = Files.isRegularFile(FILE);
    if (System.getenv("CRM_REQUIRE_SHARED") != null) {
      assertThat(present)
          .as("the shared data set %s (CRM_REQUIRE_SHARED is set)", FILE.toAbsolutePath())
          .isTrue();
    }
    assumeTrue(present, "online_retail_ii not found at " + FILE.toAbsolutePath() + "; skipping");
    Dataset<Row> raw = TestSpark.session().read().parquet(FILE.toString());
    // The invoice lines as silver orders would hold them: amount = quantity × price, cancellations
    // negative.
    Dataset<Row> orders =
        raw.select(
            col("Invoice").as(Orders.ORDER_ID),
            col("`Customer ID`").cast("long").cast("string").as(Orders.CUSTOMER_ID),
            to_timestamp(col("InvoiceDate"), "yyyy-MM-dd HH:mm:ss").as(Orders.ORDER_TS),
            col("StockCode").as(Orders.PRODUCT_ID),
            col("Quantity").cast("int").as(Orders.QUANTITY),
            col("Quantity").multiply(col("Price")).cast("decimal(18,2)").as(Orders.AMOUNT));
    ProductSettings settings = new ProductSettings(0.01, 0.3, 1.0, 1, 20, 5, 100, 0.05);
    AffinityMining.Rules mined = AffinityMining.mine(ProductLines.of(orders, D), D, 365, settings);
    List<Row> rules = mined.rules().orderBy(ProductAffinity.RULE_RANK).collectAsList();

    Map<String, Set<String>> baskets = new HashMap<>();
    for (Row r :
        orders
            .filter(
                col(Orders.QUANTITY)
                    .gt(0)
                    .and(col(Orders.AMOUNT).gt(0))
                    .and(col(Orders.ORDER_TS).lt(lit("2010-12-10")))
                    .and(col(Orders.ORDER_TS).geq(lit("2009-12-10"))))
            .select(Orders.ORDER_ID, Orders.PRODUCT_ID)
            .collectAsList()) {
      baskets.computeIfAbsent(r.getString(0), k -> new HashSet<>()).add(r.getString(1));
    }
    long large = baskets.values().stream().filter(b -> b.size() > 100).count();
    baskets.values().removeIf(b -> b.size() > 100);
    assertThat(mined.baskets()).isEqualTo(baskets.size());
    assertThat(mined.tooLarge()).isEqualTo(large).isPositive();
    assertThat(rules).hasSizeGreaterThan(10);
    // the three strongest rules, the three with the most orders, and one from the middle
    List<Row> checked = new java.util.ArrayList<>(rules.subList(0, 3));
    rules.stream()
        .sorted(
            (a, b) ->
                Long.compare(b.getAs(ProductAffinity.ORDERS), a.getAs(ProductAffinity.ORDERS)))
        .limit(3)
        .forEach(checked::add);
    checked.add(rules.get(rules.size() / 2));
    double n = baskets.size();
    for (Row rule : checked) {
      String a = rule.<String>getList(rule.fieldIndex(ProductAffinity.ANTECEDENT)).get(0);
      String c = rule.getAs(ProductAffinity.CONSEQUENT);
      long withA = baskets.values().stream().filter(b -> b.contains(a)).count();
      long withC = baskets.values().stream().filter(b -> b.contains(c)).count();
      long both = baskets.values().stream().filter(b -> b.contains(a) && b.contains(c)).count();
      String what = a + " -> " + c;
      assertThat(rule.<Long>getAs(ProductAffinity.ORDERS)).as(what).isEqualTo(both);
      assertThat(rule.<Long>getAs(ProductAffinity.ANTECEDENT_ORDERS)).as(what).isEqualTo(withA);
      assertThat(rule.<Double>getAs(ProductAffinity.SUPPORT))
          .as(what)
          .isCloseTo(both / n, within(1e-12));
      assertThat(rule.<Double>getAs(ProductAffinity.CONFIDENCE))
          .as(what)
          .isCloseTo((double) both / withA, within(1e-12));
      assertThat(rule.<Double>getAs(ProductAffinity.LIFT))
          .as(what)
          .isCloseTo(both * n / ((double) withA * withC), within(1e-9));
      assertThat(both).as(what).isGreaterThanOrEqualTo(Math.max(20, (long) Math.ceil(0.01 * n)));
    }
    // the two Regency teacups (green 22697, pink 22699) are this shop's best-known pair
    assertThat(rules)
        .anySatisfy(
            r -> {
              assertThat(r.<String>getList(r.fieldIndex(ProductAffinity.ANTECEDENT)))
                  .containsExactly("22697");
              assertThat(r.<String>getAs(ProductAffinity.CONSEQUENT)).isEqualTo("22699");
              assertThat(r.<Double>getAs(ProductAffinity.LIFT)).isGreaterThan(10);
            });
  }
}
