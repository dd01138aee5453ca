package com.crmanalytics.cli;

import com.crmanalytics.error.CrmException;
import com.crmanalytics.error.ExitCode;
import com.crmanalytics.io.Warehouse;
import java.util.Optional;
import java.util.Set;
import org.apache.spark.SparkThrowable;
import org.apache.spark.sql.AnalysisException;
import org.apache.spark.sql.catalyst.parser.ParseException;

/**
 * Tells a failure that is the SQL's fault (syntax, unknown name, a value it cannot compute) from
 * any other.
 */
final class SqlFailures {
  /**
   * SQLSTATE classes of errors in the statement itself: 07 dynamic SQL (unbound parameters), 0A
   * feature not supported, 21 cardinality (a scalar subquery with many rows), 22 data exception
   * (division by zero, a failed cast, overflow), 42 syntax or access rule (unknown table or
   * column).
   */
  private static final Set<String> STATEMENT_FAULTS = Set.of("07", "0A", "21", "22", "42");

  private SqlFailures() {}

  /**
   * One line for a person when {@code failure} is the statement's fault: "SQL syntax error: …", or
   * "SQL error: …" (with the warehouse's tables when a name was not found); empty otherwise.
   */
  static Optional<String> describe(Throwable failure, Warehouse warehouse) {
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof CrmException c && c.exitCode() == ExitCode.USAGE) {
        return Optional.of(c.getMessage()); // refused by the SQL guard
      }
      if (t instanceof ParseException) {
        return Optional.of("SQL syntax error: " + firstLine(t.getMessage()));
      }
      if (t instanceof AnalysisException) {
        return Optional.of(
            "SQL error: "
                + firstLine(t.getMessage())
                + " (tables: "
                + String.join(", ", warehouse.tableNames())
                + ")");
      }
      if (t instanceof SparkThrowable s
          && s.getSqlState() != null
          && s.getSqlState().length() >= 2
          && STATEMENT_FAULTS.contains(s.getSqlState().substring(0, 2))) {
        return Optional.of("SQL error: " + firstLine(t.getMessage()));
      }
    }
    return Optional.empty();
  }

  /**
   * The first line that is not blank: Spark's messages put the SQL and a caret under it on later
   * lines.
   */
  static String firstLine(String message) {
    String m = String.valueOf(message);
    return m.lines().filter(l -> !l.isBlank()).findFirst().orElse(m).strip();
  }
}
