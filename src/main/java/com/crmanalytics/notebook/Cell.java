package com.crmanalytics.notebook;

import java.util.List;

/**
 * One cell of a notebook: SQL to run or Markdown to show.
 *
 * @param number position in the notebook, 1 = first cell, markdown cells included (as Databricks
 *     numbers them)
 * @param line the line of the notebook file where the cell's content starts
 * @param kind SQL or MARKDOWN
 * @param title the cell's title ({@code -- DBTITLE 1,<title>}), or empty
 * @param source the SQL as written, or the Markdown with the {@code -- MAGIC} prefixes and {@code
 *     %md} removed
 * @param statements the SQL statements in order (none for markdown cells and SQL cells holding only
 *     comments)
 */
public record Cell(
    int number, int line, Kind kind, String title, String source, List<Statement> statements) {
  /** What a cell holds. */
  public enum Kind {
    SQL,
    MARKDOWN
  }

  public Cell {
    statements = List.copyOf(statements);
  }

  public boolean isSql() {
    return kind == Kind.SQL;
  }
}
