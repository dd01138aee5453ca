package com.crmanalytics.segment;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;

/**
 * Exact order statistics of one column without sorting the rows on the driver: the rows are first
 * counted per distinct value, then only the distinct values are ranked (one window, over far fewer
 * rows than customers for recency and frequency), and only the few requested values are collected.
 */
final class OrderStatistics {
  private static final String COUNT = "count";
  private static final String UPTO = "_upto";
  private static final String BEFORE = "_before";

  private OrderStatistics() {}

  /**
   * The value at each 1-based position of the column sorted ascending (position 1 = smallest).
   * Collects at most {@code positions.size()} rows.
   */
  static Map<Long, Object> valuesAt(Dataset<Row> rows, String column, Collection<Long> positions) {
    Map<Long, Object> values = new LinkedHashMap<>();
    if (positions.isEmpty()) {
      return values;
    }
    WindowSpec ascending = Window.orderBy(col(column)).rowsBetween(Window.unboundedPreceding(), Window.currentRow());
    Column wanted = lit(false);
    for (long p : positions) {
      wanted = wanted.or(col(BEFORE).lt(p).and(col(UPTO).geq(p)));
    }
    List<Row> found =
        rows.groupBy(column)
            .count()
            .withColumn(UPTO, sum(COUNT).over(ascending))
            .withColumn(BEFORE, col(UPTO).minus(col(COUNT)))
            .filter(wanted)
            .select(column, BEFORE, UPTO)
            .collectAsList();
    for (long p : positions) {
      Row hit =
          found.stream()
              .filter(r -> r.getLong(1) < p && r.getLong(2) >= p)
              .findFirst()
              .orElseThrow(() -> new IllegalArgumentException("no row at position " + p + " of " + column));
      values.put(p, hit.get(0));
    }
    return values;
  }
}
