package com.crmanalytics.io;

import static org.apache.spark.sql.functions.col;

import com.crmanalytics.contract.Field;
import com.crmanalytics.contract.Lineage;
import com.crmanalytics.contract.TableContract;
import com.crmanalytics.error.Errors;
import io.delta.tables.DeltaTable;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;

/**
 * The Delta tables of the product, one folder per table under the warehouse root. The only code
 * that knows where tables live and how they are written.
 */
public final class Warehouse {
  private final SparkSession spark;
  private final String root;
  private final Set<String> ensured = ConcurrentHashMap.newKeySet();

  public Warehouse(SparkSession spark, String root) {
    this.spark = spark;
    this.root = qualify(spark, root);
  }

  /** "warehouse" → "file:/home/…/warehouse": Delta names path tables by their full URI. */
  private static String qualify(SparkSession spark, String root) {
    Path path = new Path(root);
    try {
      String q =
          path.getFileSystem(spark.sparkContext().hadoopConfiguration())
              .makeQualified(path)
              .toString();
      return q.endsWith("/") ? q.substring(0, q.length() - 1) : q;
    } catch (IOException e) {
      throw Errors.unreadableFile(root, e.getMessage(), e);
    }
  }

  public SparkSession spark() {
    return spark;
  }

  public String root() {
    return root;
  }

  public String path(TableContract table) {
    return root + "/" + table.name();
  }

  public boolean exists(TableContract table) {
    return DeltaTable.isDeltaTable(spark, path(table));
  }

  /**
   * Creates the table with its schema, column comments and description if it is not there yet; a
   * table written by an earlier version that lacks a column the contract has since gained (always
   * an optional one) gets it added, null in the existing rows, so an upgrade needs no migration
   * step.
   */
  public void ensure(TableContract table) {
    if (!ensured.add(table.name())) {
      return;
    }
    if (exists(table)) {
      addNewColumns(table);
      return;
    }
    DeltaTable.createIfNotExists(spark)
        .location(path(table))
        .addColumns(table.schema())
        .partitionedBy(table.partitionBy().toArray(String[]::new))
        .comment(table.description())
        .execute();
  }

  private void addNewColumns(TableContract table) {
    Set<String> present =
        Arrays.stream(DeltaTable.forPath(spark, path(table)).toDF().schema().fieldNames())
            .collect(Collectors.toSet());
    List<String> added = new ArrayList<>();
    for (Field f : table.fields()) {
      if (!present.contains(f.name())) {
        if (f.required()) {
          throw Errors.config(
              "table "
                  + table.name()
                  + " at "
                  + path(table)
                  + " lacks the required column "
                  + f.name()
                  + " of this version; rebuild it (crm backfill) or restore a matching version",
              null);
        }
        added.add(
            "`"
                + f.name()
                + "` "
                + f.type().sql()
                + " COMMENT '"
                + f.comment().replace("\\", "\\\\").replace("'", "\\'")
                + "'");
      }
    }
    if (!added.isEmpty()) {
      spark.sql(
          "ALTER TABLE delta.`" + path(table) + "` ADD COLUMNS (" + String.join(", ", added) + ")");
    }
    // A column an earlier version stored NOT NULL that may now be null (customer_id of anonymous
    // rows).
    var stored = DeltaTable.forPath(spark, path(table)).toDF().schema();
    for (Field f : table.fields()) {
      if (f.nullable() && present.contains(f.name()) && !stored.apply(f.name()).nullable()) {
        spark.sql(
            "ALTER TABLE delta.`"
                + path(table)
                + "` ALTER COLUMN `"
                + f.name()
                + "` DROP NOT NULL");
      }
    }
  }

  /** The current version of a table; a table not yet written stops the command (exit 4). */
  public Dataset<Row> read(TableContract table) {
    if (!exists(table)) {
      throw Errors.missingTable(table.name(), path(table), "run the stage that writes it first");
    }
    return spark.read().format("delta").load(path(table));
  }

  /** Appends rows (in the contract's column order). */
  public void append(TableContract table, Dataset<Row> rows) {
    ensure(table);
    rows.select(columns(table)).write().format("delta").mode("append").save(path(table));
  }

  /**
   * Atomically replaces the rows matching {@code condition} (a SQL predicate every new row
   * satisfies) with {@code rows}: reruns of the same date replace, never add.
   */
  public void replace(TableContract table, Dataset<Row> rows, String condition) {
    ensure(table);
    rows.select(columns(table))
        .write()
        .format("delta")
        .mode("overwrite")
        .option("replaceWhere", condition)
        .save(path(table));
  }

  /** A date as a SQL literal: {@code DATE'2024-03-31'}. */
  public static String dateLiteral(LocalDate d) {
    return "DATE'" + d + "'";
  }

  /**
   * Replaces one date's slice of a table ({@code dateColumn = d}) with {@code rows}, all of which
   * lie in it: how every dated table is written, so a rerun of the date replaces, never adds.
   */
  public void replaceDate(TableContract table, String dateColumn, LocalDate d, Dataset<Row> rows) {
    replace(table, rows, dateColumn + " = " + dateLiteral(d));
  }

  /** {@link #replaceDate} of the rows whose {@code column} is one of {@code values} only. */
  public void replaceDate(
      TableContract table,
      String dateColumn,
      LocalDate d,
      String column,
      List<String> values,
      Dataset<Row> rows) {
    String in =
        values.stream()
            .map(v -> "'" + v.replace("\\", "\\\\").replace("'", "\\'") + "'")
            .collect(Collectors.joining(", "));
    replace(
        table, rows, dateColumn + " = " + dateLiteral(d) + " AND " + column + " IN (" + in + ")");
  }

  /** What a MERGE did. */
  public record MergeCounts(long inserted, long updated) {}

  /**
   * Upserts rows on the table's key: new keys are inserted; a key already present is updated only
   * when some value differs and the incoming row is from the same or a later business date, so a
   * rerun of an old extract never undoes a later restatement. Rows must have unique keys.
   *
   * <p>The match condition also bounds every key column of the target by the incoming rows' minimum
   * and maximum: it changes no match (a matching row lies within those bounds), but lets Delta skip
   * the files whose key statistics lie outside them, so a nightly increment of new keys (new order
   * numbers, recent send times) does not read the whole history.
   */
  public MergeCounts merge(TableContract table, Dataset<Row> rows) {
    ensure(table);
    Dataset<Row> source = rows.select(columns(table));
    Column on = functions.lit(true);
    for (String k : table.key()) {
      on = on.and(col("t." + k).equalTo(col("s." + k)));
    }
    List<Column> limits = new ArrayList<>();
    for (String k : table.key()) {
      limits.add(functions.min(k));
      limits.add(functions.max(k));
    }
    Row bounds =
        source.agg(functions.count(functions.lit(1)), limits.toArray(Column[]::new)).first();
    for (int i = 0; i < table.key().size(); i++) {
      if (!bounds.isNullAt(1 + 2 * i)) {
        on =
            on.and(
                col("t." + table.key().get(i))
                    .between(
                        functions.lit(bounds.get(1 + 2 * i)),
                        functions.lit(bounds.get(2 + 2 * i))));
      }
    }
    source = MergeLayout.clustered(table, source, bounds.getLong(0), MergeLayout.ROWS_PER_FILE);
    String same =
        table.valueColumns().stream()
            .map(c -> "t." + c + " <=> s." + c)
            .collect(Collectors.joining(" AND "));
    String changed =
        "NOT (" + same + ") AND s." + Lineage.BUSINESS_DATE + " >= t." + Lineage.BUSINESS_DATE;
    Row metrics =
        DeltaTable.forPath(spark, path(table))
            .as("t")
            .merge(source.as("s"), on)
            .whenMatched(changed)
            .updateAll()
            .whenNotMatched()
            .insertAll()
            .execute()
            .first();
    return new MergeCounts(
        metrics.getLong(metrics.fieldIndex("num_inserted_rows")),
        metrics.getLong(metrics.fieldIndex("num_updated_rows")));
  }

  /**
   * Takes the warehouse's lock ({@code <root>/_crm_lock}) for {@code owner}; fails with exit code 5
   * while another live process holds it. Close it to release.
   */
  public WarehouseLock lock(String owner, java.util.function.Consumer<String> warn) {
    return WarehouseLock.acquire(spark.sparkContext().hadoopConfiguration(), root, owner, warn);
  }

  /**
   * The Delta tables present under the root, by name (folders with a Delta log; files such as the
   * lock are not tables).
   */
  public List<String> tableNames() {
    Path dir = new Path(root);
    try {
      FileSystem fs = dir.getFileSystem(spark.sparkContext().hadoopConfiguration());
      if (!fs.exists(dir)) {
        return List.of();
      }
      return Arrays.stream(fs.listStatus(dir))
          .filter(FileStatus::isDirectory)
          .filter(s -> exists(s.getPath()))
          .map(s -> s.getPath().getName())
          .sorted()
          .toList();
    } catch (IOException e) {
      throw Errors.unreadableFile(root, e.getMessage(), e);
    }
  }

  private boolean exists(Path table) {
    return DeltaTable.isDeltaTable(spark, table.toString());
  }

  /** The table's description, as stored in the Delta log. */
  public String description(String table) {
    Row detail = DeltaTable.forPath(spark, root + "/" + table).detail().first();
    Object d = detail.get(detail.fieldIndex("description"));
    return d == null ? "" : d.toString();
  }

  private static Column[] columns(TableContract table) {
    return table.columnNames().stream().map(c -> col(c)).toArray(Column[]::new);
  }
}
