package com.crmanalytics.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.crmanalytics.io.Warehouse;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DoubleType;
import org.apache.spark.sql.types.MapType;

/** Asserts that two warehouses hold the same tables with the same rows (as multisets). */
public final class WarehouseDiff {
  /** Columns that legitimately differ between two runs of the same date. */
  public static final Set<String> RUN_SPECIFIC =
      Set.of("run_id", "started_at", "finished_at", "config_hash");

  private WarehouseDiff() {}

  /**
   * @param filter applied to both sides of a table (all columns) before comparing (e.g. only the
   *     latest run's log)
   * @return the number of tables compared
   */
  public static int assertSame(
      SparkSession spark,
      String expectedRoot,
      String actualRoot,
      java.util.function.BiFunction<String, Dataset<Row>, Dataset<Row>> filter) {
    Warehouse expected = new Warehouse(spark, expectedRoot);
    Warehouse actual = new Warehouse(spark, actualRoot);
    List<String> names = expected.tableNames();
    assertThat(actual.tableNames()).as("tables").isEqualTo(names);
    assertThat(names).isNotEmpty();
    for (String name : names) {
      Dataset<Row> e =
          comparable(
              filter.apply(name, spark.read().format("delta").load(expected.root() + "/" + name)));
      Dataset<Row> a =
          comparable(
              filter.apply(name, spark.read().format("delta").load(actual.root() + "/" + name)));
      long ec = e.count();
      assertThat(a.count()).as("rows of " + name).isEqualTo(ec);
      assertThat(e.exceptAll(a).collectAsList())
          .as("rows of " + name + " only in " + expectedRoot)
          .isEmpty();
      assertThat(a.exceptAll(e).collectAsList())
          .as("rows of " + name + " only in " + actualRoot)
          .isEmpty();
    }
    return names.size();
  }

  public static int assertSame(SparkSession spark, String expectedRoot, String actualRoot) {
    return assertSame(spark, expectedRoot, actualRoot, (name, rows) -> rows);
  }

  private static Dataset<Row> comparable(Dataset<Row> rows) {
    String[] drop =
        Arrays.stream(rows.columns()).filter(RUN_SPECIFIC::contains).toArray(String[]::new);
    Dataset<Row> kept = rows.drop(drop);
    // Set operations cannot compare maps, and doubles from differently partitioned sums (MLlib,
    // averages) may differ in the last bits: compare maps as sorted entries, doubles to 1e-6.
    Column[] columns =
        Arrays.stream(kept.schema().fields())
            .map(f -> comparable(f.name(), f.dataType()))
            .toArray(Column[]::new);
    return kept.select(columns);
  }

  private static Column comparable(String name, DataType type) {
    Column c = functions.col(name);
    if (type instanceof MapType map) {
      Column entries = functions.array_sort(functions.map_entries(c));
      return map.valueType() instanceof DoubleType
          ? functions
              .transform(
                  entries,
                  e ->
                      functions.struct(
                          e.getField("key").as("key"),
                          functions.round(e.getField("value"), 6).as("value")))
              .as(name)
          : entries.as(name);
    }
    if (name.equals("message")) {
      // a run's log line names its report page, which lies under each warehouse: compared without
      // that folder
      return functions.regexp_replace(c, "file:\\S*/reports/", "reports/").as(name);
    }
    return type instanceof DoubleType ? functions.round(c, 6).as(name) : c;
  }
}
