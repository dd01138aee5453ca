package com.crmanalytics.contract;

import static com.crmanalytics.contract.Rules.DATE;
import static com.crmanalytics.contract.Rules.DOUBLE;
import static com.crmanalytics.contract.Rules.LONG;
import static com.crmanalytics.contract.Rules.MONEY;
import static com.crmanalytics.contract.Rules.STRING;

import java.util.List;

/**
 * Report table {@code report_sales}: revenue, margin, orders and customers by category, channel and
 * region, by {@code as_of_date}. A run for D replaces the rows of D; the queries that fill it are
 * in {@code report/ReportQueries}.
 */
public final class ReportSales {
  public static final String AS_OF_DATE = "as_of_date";
  public static final String DIMENSION = "dimension";
  public static final String VALUE = "value";
  public static final String REVENUE = "revenue";
  public static final String REVENUE_SHARE = "revenue_share";
  public static final String MARGIN = "margin";
  public static final String ORDERS = "orders";
  public static final String CUSTOMERS = "customers";
  public static final String LINES = "lines";
  public static final String RETURNED_AMOUNT = "returned_amount";

  /** Values of {@link #DIMENSION}, in the order the report shows them. */
  public static final List<String> DIMENSIONS = List.of("category", "channel", "region");

  public static final TableContract CONTRACT =
      TableContract.builder(
              "report_sales",
              "Revenue, margin, orders and customers by category, channel and region")
          .required(AS_OF_DATE, DATE, "Business date D of the report")
          .required(DIMENSION, STRING, "category, channel or region")
          .optional(VALUE, STRING, "The category, channel or region (null: not given on the order)")
          .required(REVENUE, MONEY, "Net revenue in the window (returns deducted)")
          .required(REVENUE_SHARE, DOUBLE, "revenue / revenue of the window (0 when that is 0)")
          .required(MARGIN, MONEY, "Margin of the order lines with a known cost")
          .required(ORDERS, LONG, "Distinct orders")
          .required(CUSTOMERS, LONG, "Distinct customers")
          .required(LINES, LONG, "Order lines")
          .required(
              RETURNED_AMOUNT,
              MONEY,
              "Amount of returned lines (negative quantities), as a positive number")
          .key(AS_OF_DATE, DIMENSION, VALUE)
          .partitionBy(AS_OF_DATE)
          .build();

  private ReportSales() {}
}
