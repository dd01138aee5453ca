package com.crmanalytics.testing;

import com.crmanalytics.contract.Field;
import com.crmanalytics.contract.Lineage;
import com.crmanalytics.contract.TableContract;
import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;

/**
 * Tiny fixture tables in a contract's schema, written as name → value pairs; unnamed columns are
 * null and lineage columns get test values. Values: "2026-11-22T10:00:00Z" for timestamps (UTC),
 * "2026-11-22" for dates, "12.50" for money; numbers and booleans as themselves.
 */
public final class Rows {
  private final TableContract table;
  private final boolean zeroRequired;
  private final List<Row> rows = new ArrayList<>();

  private Rows(TableContract table, boolean zeroRequired) {
    this.table = table;
    this.zeroRequired = zeroRequired;
  }

  public static Rows of(TableContract table) {
    return new Rows(table, false);
  }

  /**
   * Like {@link #of}, but a required column left unnamed gets its type's zero (0, 0.0, 0.00, "",
   * false, 1970-01-01) instead of null: for wide gold tables where a test cares about a few
   * columns.
   */
  public static Rows zeroFilled(TableContract table) {
    return new Rows(table, true);
  }

  /** Adds a row from alternating column names and values. */
  public Rows row(Object... namesAndValues) {
    Map<String, Object> values = new HashMap<>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      String name = (String) namesAndValues[i];
      table.field(name);
      values.put(name, namesAndValues[i + 1]);
    }
    values.putIfAbsent(Lineage.BUSINESS_DATE, "2026-01-01");
    values.putIfAbsent(Lineage.SOURCE_FILE, "fixture");
    values.putIfAbsent(Lineage.RUN_ID, "test");
    Object[] cells = new Object[table.fields().size()];
    for (int i = 0; i < cells.length; i++) {
      Field f = table.fields().get(i);
      Object v =
          values.containsKey(f.name())
              ? values.get(f.name())
              : zeroRequired && f.required() ? zero(f) : null;
      cells[i] = convert(f, v);
    }
    rows.add(RowFactory.create(cells));
    return this;
  }

  public Dataset<Row> dataset() {
    return TestSpark.session().createDataFrame(rows, table.schema());
  }

  /**
   * The rows with every column nullable, for rows that leave a required column empty on purpose.
   */
  public Dataset<Row> nullableDataset() {
    return TestSpark.session().createDataFrame(rows, table.schema().asNullable());
  }

  private static Object zero(Field f) {
    return switch (f.type().typeName()) {
      case "integer" -> 0;
      case "long" -> 0L;
      case "double" -> 0.0;
      case "boolean" -> false;
      case "string" -> "";
      case "date" -> "1970-01-01";
      case "timestamp" -> "1970-01-01T00:00:00Z";
      default -> "0";
    };
  }

  private static Object convert(Field f, Object v) {
    if (v == null || !(v instanceof String s)) {
      return v;
    }
    return switch (f.type().typeName()) {
      case "timestamp" -> Timestamp.from(Instant.parse(s));
      case "date" -> Date.valueOf(LocalDate.parse(s));
      case "string" -> s;
      default -> f.type().typeName().startsWith("decimal") ? new BigDecimal(s) : s;
    };
  }
}
