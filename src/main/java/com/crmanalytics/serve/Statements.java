package com.crmanalytics.serve;

import com.crmanalytics.sql.GuardedSql;
import com.crmanalytics.sql.SqlGuard;
import java.util.List;
import java.util.function.Supplier;
import org.apache.arrow.flight.CallStatus;
import org.apache.arrow.vector.types.pojo.Schema;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The guarded session behind {@code crm serve} and the statements run on it, one at a time: they
 * share one Spark session, its variables and temporary views. The views are registered again when
 * older than a minute (new tables, a nightly run's versions).
 */
final class Statements {
  private static final Logger LOG = LoggerFactory.getLogger(Statements.class);

  /**
   * A checked statement; a query keeps its analysed plan, so running it does not analyse it again.
   */
  record Prepared(String sql, SqlGuard.Kind kind, Schema schema, Dataset<Row> rows) {}

  /** A query's result: its Arrow schema and at most serve.max-rows rows. */
  record Result(Schema schema, List<Row> rows) {}

  private static final long REFRESH_NANOS = 60_000_000_000L;

  private final Supplier<GuardedSql> open;
  private final int maxRows;
  private final Object lock = new Object();
  private GuardedSql sql;
  private long openedAt;

  Statements(Supplier<GuardedSql> open, int maxRows) {
    this.open = open;
    this.maxRows = maxRows;
  }

  /** The guarded views, registered again when older than a minute. */
  GuardedSql current() {
    synchronized (lock) {
      if (sql == null || System.nanoTime() - openedAt > REFRESH_NANOS) {
        sql = open.get();
        openedAt = System.nanoTime();
      }
      return sql;
    }
  }

  /** Checks the statement and, for a query, finds its result's schema without running it. */
  Prepared prepare(String statement) {
    synchronized (lock) {
      GuardedSql sql = current();
      SqlGuard.Kind kind = sql.check(statement);
      if (kind == SqlGuard.Kind.COMMAND) {
        return new Prepared(statement, kind, null, null);
      }
      Dataset<Row> rows = ArrowResults.flatten(sql.sql(statement));
      return new Prepared(statement, kind, ArrowResults.schema(rows.schema(), null), rows);
    }
  }

  /**
   * Runs a query ({@code prepared}'s plan, or the statement when null); a result longer than
   * serve.max-rows is cut, with a warning in the log.
   */
  Result query(String statement, Dataset<Row> prepared) {
    List<Row> rows;
    Schema schema;
    synchronized (lock) {
      GuardedSql sql = current();
      Dataset<Row> result = prepared != null ? prepared : ArrowResults.flatten(sql.sql(statement));
      schema = ArrowResults.schema(result.schema(), null);
      rows = result.limit(maxRows + 1).collectAsList();
    }
    if (rows.size() > maxRows) {
      LOG.warn(
          "result cut at serve.max-rows = {} rows: {}", maxRows, Failures.firstLine(statement));
      rows = rows.subList(0, maxRows);
    }
    return new Result(schema, rows);
  }

  /** Runs a command (SET, DECLARE VARIABLE, ...); a query is refused: it has no update count. */
  void update(String statement) {
    synchronized (lock) {
      GuardedSql sql = current();
      if (sql.check(statement) != SqlGuard.Kind.COMMAND) {
        throw CallStatus.INVALID_ARGUMENT
            .withDescription("a query has no update count: run it as a query")
            .toRuntimeException();
      }
      sql.sql(statement);
    }
  }
}
