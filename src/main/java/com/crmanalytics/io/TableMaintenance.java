package com.crmanalytics.io;

import io.delta.tables.DeltaTable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import scala.Console;

/**
 * OPTIMIZE (bin-packing compaction) and VACUUM of one Delta table of the warehouse. The retention
 * is set as the table's {@code delta.deletedFileRetentionDuration} and VACUUM runs without an
 * argument: Delta 4.4 ignores (with a warning) any retention passed to VACUUM other than 0 and uses
 * that table property instead, so passing the configured hours would silently keep Delta's default
 * of 7 days.
 */
public final class TableMaintenance {
  private static final String RETENTION_CHECK =
      "spark.databricks.delta.retentionDurationCheck.enabled";

  private static final String MIN_FILE_SIZE = "spark.databricks.delta.optimize.minFileSize";

  /**
   * Files at least this large are left out of compaction (unless {@code
   * spark.databricks.delta.optimize.minFileSize} is configured): Delta's default, 1 GB, makes every
   * file a candidate and bins them by size, which would merge campaign_touches' files, laid out by
   * send time ({@link MergeLayout}), into files spanning the whole history again. The small files
   * of nightly increments (kilobytes) are still compacted.
   */
  static final long MIN_FILE_BYTES = 1L << 20;

  /** The table property VACUUM's retention comes from. */
  public static final String RETENTION_PROPERTY = "delta.deletedFileRetentionDuration";

  /** What maintenance did to one table. */
  public record Result(
      String table, long filesCompacted, long filesAdded, long filesRemoved, long dataFilesLeft) {}

  private final Warehouse warehouse;

  public TableMaintenance(Warehouse warehouse) {
    this.warehouse = warehouse;
  }

  /**
   * Compacts the table's small files, then deletes files unreferenced for longer than {@code
   * retentionHours}. With {@code force}, Delta's retention safety check is off for this call only
   * (readers of versions older than the retention then fail).
   */
  public Result maintain(String table, int retentionHours, boolean force) {
    SparkSession spark = warehouse.spark();
    String path = warehouse.root() + "/" + table;
    spark.sparkContext().setJobGroup("maintain", "maintain " + table, false);
    // getAll holds only what was set (getOption would give Delta's default, 1 GB).
    boolean ownMinimum = !spark.conf().getAll().contains(MIN_FILE_SIZE);
    Row metrics;
    try {
      if (ownMinimum) {
        spark.conf().set(MIN_FILE_SIZE, MIN_FILE_BYTES);
      }
      metrics = DeltaTable.forPath(spark, path).optimize().executeCompaction().first();
    } finally {
      if (ownMinimum) {
        spark.conf().unset(MIN_FILE_SIZE);
      }
    }
    Row m = metrics.getStruct(metrics.fieldIndex("metrics"));
    long compacted = m.getLong(m.fieldIndex("numFilesRemoved"));
    long added = m.getLong(m.fieldIndex("numFilesAdded"));

    long before = dataFiles(path);
    String retention = "interval " + retentionHours + " hours";
    DeltaTable delta = DeltaTable.forPath(spark, path);
    Row detail = delta.detail().first();
    if (!retention.equals(
        detail.getJavaMap(detail.fieldIndex("properties")).get(RETENTION_PROPERTY))) {
      spark.sql(
          "ALTER TABLE delta.`"
              + path
              + "` SET TBLPROPERTIES ('"
              + RETENTION_PROPERTY
              + "' = '"
              + retention
              + "')");
    }
    String previous = spark.conf().get(RETENTION_CHECK, "true");
    try {
      if (force) {
        spark.conf().set(RETENTION_CHECK, "false");
      }
      // Delta's VACUUM prints "Deleted N files and directories in a total of M directories." with
      // Scala's println, onto the command's standard output between our lines (a cron mail of
      // 25 such lines); this command's own line says what VACUUM removed.
      Console.withOut(OutputStream.nullOutputStream(), delta::vacuum);
    } finally {
      spark.conf().set(RETENTION_CHECK, previous);
    }
    long after = dataFiles(path);
    return new Result(table, compacted, added, before - after, after);
  }

  /** Data files in the table's folder, referenced or not (the Delta log and checksums aside). */
  private long dataFiles(String table) {
    Path dir = new Path(table);
    try {
      FileSystem fs = dir.getFileSystem(warehouse.spark().sparkContext().hadoopConfiguration());
      RemoteIterator<LocatedFileStatus> files = fs.listFiles(dir, true);
      long n = 0;
      while (files.hasNext()) {
        Path p = files.next().getPath();
        if (!p.toString().contains("/_delta_log/")
            && !p.getName().startsWith(".")
            && !p.getName().startsWith("_")) {
          n++;
        }
      }
      return n;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
