package com.crmanalytics.value;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.date_sub;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.to_date;
import static org.apache.spark.sql.functions.when;

import com.crmanalytics.contract.Orders;
import java.time.LocalDate;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The population's retention over two consecutive windows of W days ending on D, from silver
 * orders: how many customers bought in the previous window (D − 2W, D − W], and how many of them
 * bought again in (D − W, D]. "Bought" means a purchase line (amount ≥ 0) on that calendar day in
 * run.timezone (the session time zone), as the features count purchase days; orders after D are
 * ignored. One aggregate over the orders of the two windows.
 */
final class WindowRetention {
  private static final String DAY = "_day";
  private static final String PREVIOUS = "_previous";
  private static final String CURRENT = "_current";

  /**
   * Buyers of the previous window, those of them who also bought in the last window, and the day of
   * the first order line on or before D (null without any).
   */
  record Counts(long previousWindowCustomers, long retainedCustomers, LocalDate firstDay) {
    /** retained / previous; undefined (NaN) when nobody bought in the previous window. */
    double share() {
      return previousWindowCustomers == 0
          ? Double.NaN
          : retainedCustomers / (double) previousWindowCustomers;
    }
  }

  private WindowRetention() {}

  static Counts measure(Dataset<Row> orders, LocalDate d, int windowDays) {
    Column day = col(DAY);
    Column windowStart = date_sub(lit(d), windowDays);
    Row first =
        orders
            .withColumn(DAY, to_date(col(Orders.ORDER_TS)))
            .filter(day.leq(lit(d)))
            .agg(min(DAY))
            .first();
    Row counts =
        orders
            .withColumn(DAY, to_date(col(Orders.ORDER_TS)))
            .filter(
                day.leq(lit(d))
                    .and(day.gt(date_sub(lit(d), 2 * windowDays)))
                    .and(col(Orders.AMOUNT).geq(0))
                    .and(col(Orders.CUSTOMER_ID).isNotNull()))
            .groupBy(Orders.CUSTOMER_ID)
            .agg(
                max(when(day.leq(windowStart), 1).otherwise(0)).as(PREVIOUS),
                max(when(day.gt(windowStart), 1).otherwise(0)).as(CURRENT))
            .agg(
                coalesce(sum(PREVIOUS), lit(0L)),
                coalesce(sum(when(col(PREVIOUS).equalTo(1), col(CURRENT)).otherwise(0)), lit(0L)))
            .first();
    return new Counts(
        counts.getLong(0),
        counts.getLong(1),
        first.isNullAt(0) ? null : first.getDate(0).toLocalDate());
  }
}
