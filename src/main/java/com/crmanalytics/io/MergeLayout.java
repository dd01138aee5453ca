package com.crmanalytics.io;

import static org.apache.spark.sql.functions.col;

import com.crmanalytics.contract.TableContract;
import java.util.Optional;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** How the rows of a MERGE into silver are arranged in files ({@link Warehouse#merge}). */
final class MergeLayout {
  /** Rows per file when a MERGE arranges its rows by time. */
  static final long ROWS_PER_FILE = 500_000;

  /**
   * The {@code count} rows range-partitioned by the table's event column into files of about {@code
   * rowsPerFile} rows each covering a narrow span of time, where the event column is part of the
   * key (campaign_touches' sent_ts): a later MERGE, bounded by the increment's keys ({@link
   * Warehouse#merge}), then reads and rewrites one file instead of all — at 1M customers a night's
   * 4,250 touches rewrote all 10.1M rows in 58 s, now 459k (one file of 21) in 10.5 s. Elsewhere
   * (orders, service_contacts: keys without time) the bounds cannot skip anything, and the range
   * partitioning only costs the initial load time; and fewer rows than for two files are written as
   * they come (a nightly increment).
   */
  static Dataset<Row> clustered(
      TableContract table, Dataset<Row> rows, long count, long rowsPerFile) {
    long files = (count + rowsPerFile - 1) / rowsPerFile;
    Optional<String> time = table.eventColumn().filter(table.key()::contains);
    if (files <= 1 || time.isEmpty()) {
      return rows;
    }
    return rows.repartitionByRange((int) files, col(time.get()));
  }

  private MergeLayout() {}
}
