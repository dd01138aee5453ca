package com.crmanalytics.contract;

import static com.crmanalytics.contract.Rules.INT;
import static com.crmanalytics.contract.Rules.MONEY;
import static com.crmanalytics.contract.Rules.STRING;
import static com.crmanalytics.contract.Rules.TIMESTAMP;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.try_multiply;

/** Silver table {@code orders}: one row per order line, keyed by (order_id, line_no). */
public final class Orders {
  public static final String ORDER_ID = "order_id";
  public static final String LINE_NO = "line_no";
  public static final String CUSTOMER_ID = "customer_id";
  public static final String ORDER_TS = "order_ts";
  public static final String PRODUCT_ID = "product_id";
  public static final String CATEGORY = "category";
  public static final String QUANTITY = "quantity";
  public static final String UNIT_PRICE = "unit_price";
  public static final String AMOUNT = "amount";
  public static final String COST = "cost";
  public static final String CURRENCY = "currency";
  public static final String CHANNEL = "channel";
  public static final String REGION = "region";
  public static final String STATUS = "status";

  public static final TableContract CONTRACT =
      TableContract.builder("orders", "Order lines from the order system, full history (silver)")
          .required(ORDER_ID, STRING, "Order number in the source system")
          .optional(LINE_NO, INT, "Line within the order (1 when the extract has no lines)")
          .requiredUnlessAnonymous(
              CUSTOMER_ID,
              STRING,
              "Customer who placed the order; null on an anonymous line"
                  + " (a guest buyer: counted in sales totals, not in per-customer tables)")
          .required(ORDER_TS, TIMESTAMP, "When the order was placed")
          .optional(PRODUCT_ID, STRING, "Product sold on the line")
          .optional(CATEGORY, STRING, "Product category")
          .optional(QUANTITY, INT, "Units; negative for a return")
          .optional(UNIT_PRICE, MONEY, "Price of one unit")
          .required(
              AMOUNT,
              MONEY,
              "Line revenue (quantity × unit price when the extract has no amount); negative for a return")
          .optional(COST, MONEY, "Cost of the goods on the line, for margin")
          .optional(CURRENCY, STRING, "ISO currency code")
          .optional(CHANNEL, STRING, "Sales channel (web, store, phone, …)")
          .optional(REGION, STRING, "Sales region")
          .optional(STATUS, STRING, "Order status in the source system")
          .fields(Lineage.FIELDS)
          .key(ORDER_ID, LINE_NO)
          .eventColumn(ORDER_TS)
          .derive(LINE_NO, coalesce(col(LINE_NO), lit(1)))
          .derive(
              AMOUNT,
              coalesce(col(AMOUNT), try_multiply(col(QUANTITY), col(UNIT_PRICE)).cast(MONEY)))
          .check(Rules.belowZero(ReasonCode.NEGATIVE_PRICE, UNIT_PRICE))
          .check(Rules.belowZero(ReasonCode.NEGATIVE_PRICE, COST, col(QUANTITY).lt(0)))
          .build();

  private Orders() {}
}
