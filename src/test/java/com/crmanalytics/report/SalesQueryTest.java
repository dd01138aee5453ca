package com.crmanalytics.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.crmanalytics.contract.Reports;
import com.crmanalytics.testing.TestSpark;
import java.sql.Date;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * report_sales over order lines that the generated data rarely has: an order with lines in two
 * categories, a return line inside an order, guest lines (no customer), lines without a category or
 * region, and a category bought by guests only. Each order and customer counts once per value.
 */
class SalesQueryTest {
  private static List<Row> rows;

  @BeforeAll
  static void query() {
    SparkSession spark = TestSpark.session();
    spark
        .sql(
            """
            SELECT order_id, customer_id, category, channel, region,
                   CAST(amount AS DECIMAL(18,2)) AS amount, CAST(cost AS DECIMAL(18,2)) AS cost
            FROM VALUES
              ('O1', 'c1', 'A', 'web', 'N', 10, 6), ('O1', 'c1', 'B', 'web', 'N', 20, NULL),
              ('O2', 'c2', 'A', 'store', 'S', 5, 2), ('O2', 'c2', 'A', 'store', 'S', -5, NULL),
              ('O3', NULL, 'B', 'web', 'N', 7, 3),
              ('O4', 'c3', NULL, 'web', NULL, 4, NULL),
              ('O5', NULL, 'C', 'phone', 'E', 3, NULL)
              AS t(order_id, customer_id, category, channel, region, amount, cost)
            """)
        .createOrReplaceTempView("rpt_orders");
    rows =
        Reports.SALES
            .conform(
                spark.sql(
                    ReportTables.bind(
                        ReportQueries.SALES, Map.of("d", Date.valueOf("2026-11-20")))))
            .collectAsList();
  }

  private static Row one(String dimension, String value) {
    List<Row> found =
        rows.stream()
            .filter(r -> r.getAs("dimension").equals(dimension))
            .filter(r -> Objects.equals(r.getAs("value"), value))
            .toList();
    assertThat(found).as(dimension + " " + value).hasSize(1);
    return found.get(0);
  }

  private static double d(Row r, String column) {
    return ((Number) r.getAs(column)).doubleValue();
  }

  @Test
  void everyValueOfEveryDimensionHasOneRow() {
    assertThat(rows).hasSize(4 + 3 + 4); // categories A B C null; web store phone; N S E null
  }

  @Test
  void anOrderAndACustomerCountOncePerValueAndGuestsAreNoCustomers() {
    Row a = one("category", "A");
    assertThat(a.<Long>getAs("orders")).isEqualTo(2); // O1, O2 (two lines)
    assertThat(a.<Long>getAs("customers")).isEqualTo(2);
    assertThat(a.<Long>getAs("lines")).isEqualTo(3);
    Row b = one("category", "B");
    assertThat(b.<Long>getAs("orders")).isEqualTo(2); // O1 (its other category), O3 (a guest's)
    assertThat(b.<Long>getAs("customers")).isEqualTo(1);
    Row web = one("channel", "web");
    assertThat(web.<Long>getAs("orders")).isEqualTo(3);
    assertThat(web.<Long>getAs("customers")).isEqualTo(2); // c1, c3
    assertThat(web.<Long>getAs("lines")).isEqualTo(4);
    Row guestsOnly = one("category", "C");
    assertThat(guestsOnly.<Long>getAs("orders")).isEqualTo(1);
    assertThat(guestsOnly.<Long>getAs("customers")).isZero();
    assertThat(one("region", null).<Long>getAs("customers")).isEqualTo(1);
    assertThat(one("category", null).<Long>getAs("orders")).isEqualTo(1);
  }

  @Test
  void revenueIsNetOfReturnsAndMarginCountsCostedLines() {
    Row a = one("category", "A");
    assertThat(d(a, "revenue")).isEqualTo(10.0); // 10 + 5 − 5
    assertThat(d(a, "returned_amount")).isEqualTo(5.0);
    assertThat(d(a, "margin")).isEqualTo(7.0); // (10 − 6) + (5 − 2)
    Row b = one("category", "B");
    assertThat(d(b, "revenue")).isEqualTo(27.0);
    assertThat(d(b, "margin")).isEqualTo(4.0);
    assertThat(d(b, "revenue_share")).isCloseTo(27.0 / 44, within(1e-9));
    assertThat(d(one("channel", "store"), "revenue_share")).isZero();
  }
}
