package com.crmanalytics.report;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.apache.spark.sql.Row;

/** Reads report rows by column name; an absent value (null, NaN) reads as null. */
final class Cells {
  private Cells() {}

  static String str(Row row, String column) {
    Object v = value(row, column);
    return v == null ? null : v.toString();
  }

  /**
   * A number column of any type (Long, Integer, Double, BigDecimal); null when absent or not
   * finite.
   */
  static Double num(Row row, String column) {
    Object v = value(row, column);
    if (!(v instanceof Number n) || !Double.isFinite(n.doubleValue())) {
      return null;
    }
    return n.doubleValue();
  }

  /** {@link #num} with 0 for an absent value, for sums and bar lengths. */
  static double num0(Row row, String column) {
    Double v = num(row, column);
    return v == null ? 0 : v;
  }

  static long count(Row row, String column) {
    Double v = num(row, column);
    return v == null ? 0 : Math.round(v);
  }

  static BigDecimal money(Row row, String column) {
    Object v = value(row, column);
    if (v instanceof BigDecimal b) {
      return b;
    }
    return v instanceof Number n && Double.isFinite(n.doubleValue())
        ? BigDecimal.valueOf(n.doubleValue())
        : null;
  }

  /**
   * A date column, whether Spark returned java.sql.Date or (with the Java 8 time API) LocalDate.
   */
  static LocalDate date(Row row, String column) {
    Object v = value(row, column);
    if (v instanceof java.sql.Date d) {
      return d.toLocalDate();
    }
    return v instanceof LocalDate d ? d : null;
  }

  /** The rows whose column equals the value (null matches null). */
  static List<Row> where(List<Row> rows, String column, String value) {
    return rows.stream().filter(r -> Objects.equals(str(r, column), value)).toList();
  }

  /** The first row whose columns equal the values, given as alternating names and values. */
  static Optional<Row> find(List<Row> rows, String... namesAndValues) {
    return rows.stream()
        .filter(
            r -> {
              for (int i = 0; i < namesAndValues.length; i += 2) {
                if (!Objects.equals(str(r, namesAndValues[i]), namesAndValues[i + 1])) {
                  return false;
                }
              }
              return true;
            })
        .findFirst();
  }

  private static Object value(Row row, String column) {
    int i = row.fieldIndex(column);
    return row.isNullAt(i) ? null : row.get(i);
  }
}
