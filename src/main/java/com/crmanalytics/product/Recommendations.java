package com.crmanalytics.product;

import static org.apache.spark.sql.functions.array_except;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_set;
import static org.apache.spark.sql.functions.element_at;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.size;

import com.crmanalytics.contract.CustomerRecommendations;
import com.crmanalytics.contract.Orders;
import com.crmanalytics.contract.ProductAffinity;
import java.sql.Date;
import java.time.LocalDate;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;

/**
 * Recommendations for identified customers: products they never bought that the rules firing on
 * their window purchases point to.
 */
public final class Recommendations {
  private Recommendations() {}

  /**
   * The top {@code topN} products per identified customer: rules whose whole antecedent the
   * customer bought in the window, consequents the customer never bought (nor returned) on or
   * before D, best rule per product (confidence, then lift), ranked by confidence, then lift, then
   * product_id.
   */
  public static Dataset<Row> recommend(
      Dataset<Row> lines, Dataset<Row> rules, LocalDate d, int windowDays, int topN) {
    Dataset<Row> identified = lines.filter(col(Orders.CUSTOMER_ID).isNotNull());
    Dataset<Row> windowProducts =
        identified
            .filter(ProductLines.purchaseInWindow(d, windowDays))
            .select(Orders.CUSTOMER_ID, Orders.PRODUCT_ID)
            .distinct();
    Dataset<Row> basket =
        windowProducts
            .groupBy(Orders.CUSTOMER_ID)
            .agg(collect_set(col(Orders.PRODUCT_ID)).as(ProductLines.ITEMS));
    Dataset<Row> everBought =
        identified
            .select(col(Orders.CUSTOMER_ID), col(Orders.PRODUCT_ID).as(ProductAffinity.CONSEQUENT))
            .distinct();
    Dataset<Row> candidates =
        windowProducts
            .join(
                rules.withColumn(Orders.PRODUCT_ID, element_at(col(ProductAffinity.ANTECEDENT), 1)),
                Orders.PRODUCT_ID)
            .join(basket, Orders.CUSTOMER_ID)
            .filter(
                size(array_except(col(ProductAffinity.ANTECEDENT), col(ProductLines.ITEMS)))
                    .equalTo(0))
            .join(
                everBought,
                new String[] {Orders.CUSTOMER_ID, ProductAffinity.CONSEQUENT},
                "left_anti");
    Column best =
        row_number()
            .over(
                Window.partitionBy(Orders.CUSTOMER_ID, ProductAffinity.CONSEQUENT)
                    .orderBy(
                        col(ProductAffinity.CONFIDENCE).desc(),
                        col(ProductAffinity.LIFT).desc(),
                        col(ProductAffinity.RULE_RANK)));
    Column rank =
        row_number()
            .over(
                Window.partitionBy(Orders.CUSTOMER_ID)
                    .orderBy(
                        col(ProductAffinity.CONFIDENCE).desc(),
                        col(ProductAffinity.LIFT).desc(),
                        col(ProductAffinity.CONSEQUENT)));
    Dataset<Row> ranked =
        candidates
            .withColumn("_best", best)
            .filter(col("_best").equalTo(1))
            .withColumn(CustomerRecommendations.RECOMMENDATION_RANK, rank)
            .filter(col(CustomerRecommendations.RECOMMENDATION_RANK).leq(topN))
            .select(
                col(Orders.CUSTOMER_ID).as(CustomerRecommendations.CUSTOMER_ID),
                lit(Date.valueOf(d)).as(CustomerRecommendations.AS_OF_DATE),
                col(CustomerRecommendations.RECOMMENDATION_RANK),
                col(ProductAffinity.CONSEQUENT).as(CustomerRecommendations.PRODUCT_ID),
                col(ProductAffinity.ANTECEDENT).as(CustomerRecommendations.BECAUSE_OF),
                col(ProductAffinity.CONFIDENCE),
                col(ProductAffinity.LIFT));
    return CustomerRecommendations.CONTRACT.conform(ranked);
  }
}
