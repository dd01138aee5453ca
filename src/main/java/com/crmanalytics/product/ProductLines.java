package com.crmanalytics.product;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.date_sub;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.to_date;

import com.crmanalytics.contract.Orders;
import java.time.LocalDate;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The order lines the product stage works on: lines with a product dated on or before D, and which
 * of them are purchases of the window.
 */
public final class ProductLines {
  static final String ITEMS = "items";
  static final String DAY = "_day";
  static final String PURCHASE = "_purchase";

  private ProductLines() {}

  /**
   * Lines with a product on or before D: (order_id, customer_id — null for an unidentified buyer —,
   * product_id, day, purchase). {@code purchase} is false for returns (quantity or amount below
   * zero) and free lines: they are in no basket, but a returned product still counts as bought.
   */
  public static Dataset<Row> of(Dataset<Row> orders, LocalDate d) {
    Column purchase =
        col(Orders.AMOUNT).gt(0).and(col(Orders.QUANTITY).isNull().or(col(Orders.QUANTITY).gt(0)));
    return orders
        .filter(col(Orders.PRODUCT_ID).isNotNull().and(to_date(col(Orders.ORDER_TS)).leq(lit(d))))
        .select(
            col(Orders.ORDER_ID),
            col(Orders.CUSTOMER_ID),
            col(Orders.PRODUCT_ID),
            to_date(col(Orders.ORDER_TS)).as(DAY),
            coalesce(purchase, lit(false)).as(PURCHASE));
  }

  /** Purchase lines (not returns) of the window: the windowDays days ending on D. */
  static Column purchaseInWindow(LocalDate d, int windowDays) {
    return col(PURCHASE).and(col(DAY).gt(date_sub(lit(d), windowDays)));
  }
}
