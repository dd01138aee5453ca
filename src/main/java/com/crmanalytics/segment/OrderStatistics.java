package com.crmanalytics.segment;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;

import java.math.BigDecimal;
import java.util.ArrayList;
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
 * Exact order statistics of several columns in one Spark job, without sorting the rows on the
 * driver: rows are counted per (column, distinct value), only the distinct values are ranked (one
 * window per column, so the columns rank in parallel and recency or frequency rank a few hundred
 * values, not one per customer), and only the requested values are collected.
 */
final class OrderStatistics {
  /**
   * Values are ranked as whole cents in a long (exact for int columns and decimal(18,2) money):
   * grouping and sorting a long is several times faster than a decimal.
   */
  private static final int SCALE = 2;

  private static final String NAME = "_name";
  private static final String VALUE = "_value";
  private static final String COUNT = "count";
  private static final String UPTO = "_upto";
  private static final String BEFORE = "_before";

  private OrderStatistics() {}

  /**
   * For each named column, the value at each requested 1-based position of the column sorted
   * ascending (position 1 = smallest). Collects one row per requested position.
   */
  static Map<String, Map<Long, BigDecimal>> valuesAt(
      Dataset<Row> rows, Map<String, Collection<Long>> positions) {
    Map<String, Map<Long, BigDecimal>> values = new LinkedHashMap<>();
    List<Dataset<Row>> parts = new ArrayList<>();
    Column wanted = lit(false);
    for (Map.Entry<String, Collection<Long>> e : positions.entrySet()) {
      values.put(e.getKey(), new LinkedHashMap<>());
      if (e.getValue().isEmpty()) {
        continue;
      }
      parts.add(
          rows.select(
              lit(e.getKey()).as(NAME),
              col(e.getKey()).cast("decimal(20,2)").multiply(100).cast("long").as(VALUE)));
      for (long p : e.getValue()) {
        wanted =
            wanted.or(col(NAME).equalTo(e.getKey()).and(col(BEFORE).lt(p)).and(col(UPTO).geq(p)));
      }
    }
    if (parts.isEmpty()) {
      return values;
    }
    Dataset<Row> all = parts.stream().reduce(Dataset::union).orElseThrow();
    WindowSpec ascending =
        Window.partitionBy(NAME)
            .orderBy(col(VALUE))
            .rowsBetween(Window.unboundedPreceding(), Window.currentRow());
    List<Row> found =
        all.groupBy(NAME, VALUE)
            .count()
            .withColumn(UPTO, sum(COUNT).over(ascending))
            .withColumn(BEFORE, col(UPTO).minus(col(COUNT)))
            .filter(wanted)
            .select(NAME, VALUE, BEFORE, UPTO)
            .collectAsList();
    for (Map.Entry<String, Collection<Long>> e : positions.entrySet()) {
      for (long p : e.getValue()) {
        Row hit =
            found.stream()
                .filter(
                    r -> r.getString(0).equals(e.getKey()) && r.getLong(2) < p && r.getLong(3) >= p)
                .findFirst()
                .orElseThrow(
                    () ->
                        new IllegalArgumentException(
                            "no row at position " + p + " of " + e.getKey()));
        values.get(e.getKey()).put(p, BigDecimal.valueOf(hit.getLong(1), SCALE));
      }
    }
    return values;
  }
}
