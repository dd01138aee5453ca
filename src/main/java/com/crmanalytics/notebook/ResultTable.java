package com.crmanalytics.notebook;

import java.util.Collections;
import java.util.List;

/**
 * The rows of one query result as text, at most the display limit of them.
 *
 * @param columns column names; none for a statement that returns no result set (DECLARE, SET VAR,
 *     CREATE …)
 * @param numeric per column: whether it holds numbers (shown right-aligned)
 * @param rows the values as Spark renders them, {@code null} for SQL NULL
 * @param more whether the result has more rows than {@code rows} holds
 */
public record ResultTable(
    List<String> columns, List<Boolean> numeric, List<List<String>> rows, boolean more) {
  public ResultTable {
    columns = List.copyOf(columns);
    numeric = List.copyOf(numeric);
    rows =
        rows.stream().map(r -> Collections.unmodifiableList(new java.util.ArrayList<>(r))).toList();
    if (numeric.size() != columns.size()) {
      throw new IllegalArgumentException(
          "numeric flags " + numeric.size() + " for " + columns.size() + " columns");
    }
  }

  /** Whether the statement returned a result set at all (a command such as SET VAR does not). */
  public boolean hasColumns() {
    return !columns.isEmpty();
  }
}
