package com.crmanalytics.io;

import com.crmanalytics.contract.TableContract;
import io.delta.tables.DeltaTable;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** A table of the warehouse as it was at an earlier moment (Delta time travel). */
public final class TableHistory {
  /** How many of a table's latest commits {@link #asOf} looks through. */
  static final int DEPTH = 100;

  private TableHistory() {}

  /**
   * The table as it was at {@code at}: its latest version committed at or before that instant; an
   * empty table when it did not exist yet; empty (unknown) when {@code at} lies before the {@value
   * #DEPTH} latest commits. (Delta's own {@code timestampAsOf} refuses an instant after the latest
   * commit, the common case of a table not written since.)
   */
  public static Optional<Dataset<Row>> asOf(Warehouse wh, TableContract table, Instant at) {
    if (!wh.exists(table)) {
      return Optional.of(wh.spark().createDataFrame(List.of(), table.schema()));
    }
    List<Row> commits =
        DeltaTable.forPath(wh.spark(), wh.path(table))
            .history(DEPTH)
            .select("version", "timestamp")
            .collectAsList();
    Timestamp limit = Timestamp.from(at);
    Long version = null;
    for (Row c : commits) {
      if (!c.getTimestamp(1).after(limit) && (version == null || c.getLong(0) > version)) {
        version = c.getLong(0);
      }
    }
    if (version != null) {
      return Optional.of(
          wh.spark().read().format("delta").option("versionAsOf", version).load(wh.path(table)));
    }
    boolean wholeHistory =
        commits.size() < DEPTH || commits.stream().anyMatch(c -> c.getLong(0) == 0);
    return wholeHistory
        ? Optional.of(wh.spark().createDataFrame(List.of(), table.schema()))
        : Optional.empty();
  }
}
