package com.crmanalytics.cli;

import static org.apache.spark.sql.functions.col;

import com.crmanalytics.notebook.ResultTable;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.NumericType;
import org.apache.spark.sql.types.StructField;

/**
 * Prints a query result as an aligned table, CSV or JSON Lines, without holding it all in memory
 * (the table format holds at most its limit of rows); shared by {@code crm sql} and {@code crm
 * notebook run}.
 */
final class ResultPrinter {
  /** Output formats of {@code crm sql}. */
  enum Format {
    table,
    csv,
    json
  }

  private ResultPrinter() {}

  static void print(Dataset<Row> result, Format format, int limit, PrintWriter out) {
    switch (format) {
      case json -> result.toJSON().toLocalIterator().forEachRemaining(out::println);
      case csv -> {
        out.println(
            String.join(",", Arrays.stream(result.columns()).map(ResultPrinter::csv).toList()));
        Iterator<Row> rows = asText(result).toLocalIterator();
        while (rows.hasNext()) {
          Row r = rows.next();
          List<String> cells = new ArrayList<>();
          for (int i = 0; i < r.length(); i++) {
            cells.add(r.isNullAt(i) ? "" : csv(r.getString(i)));
          }
          out.println(String.join(",", cells));
        }
      }
      case table -> table(result, limit, out);
    }
  }

  private static void table(Dataset<Row> result, int limit, PrintWriter out) {
    table(collect(result, limit), out, "use --limit or --format csv");
  }

  /**
   * Runs the query and keeps at most {@code limit} rows, each value as Spark renders it (null for
   * SQL NULL); a statement without a result set (SET VAR, CREATE …) gives a table without columns.
   */
  static ResultTable collect(Dataset<Row> result, int limit) {
    StructField[] fields = result.schema().fields();
    if (fields.length == 0) {
      return new ResultTable(List.of(), List.of(), List.of(), false);
    }
    List<Row> rows = asText(result).limit(limit + 1).collectAsList();
    boolean more = rows.size() > limit;
    if (more) {
      rows = rows.subList(0, limit);
    }
    List<List<String>> text = new ArrayList<>();
    for (Row r : rows) {
      List<String> cells = new ArrayList<>();
      for (int i = 0; i < fields.length; i++) {
        cells.add(r.isNullAt(i) ? null : r.getString(i));
      }
      text.add(cells);
    }
    return new ResultTable(
        Arrays.stream(fields).map(StructField::name).toList(),
        Arrays.stream(fields).map(f -> f.dataType() instanceof NumericType).toList(),
        text,
        more);
  }

  /** The rows as an aligned text table, then their count; {@code moreHint} says how to see more. */
  static void table(ResultTable t, PrintWriter out, String moreHint) {
    List<String> names = t.columns();
    int[] width = new int[names.size()];
    for (int i = 0; i < names.size(); i++) {
      width[i] = names.get(i).length();
      for (List<String> r : t.rows()) {
        width[i] = Math.max(width[i], cell(r, i).length());
      }
    }
    StringBuilder rule = new StringBuilder("+");
    for (int w : width) {
      rule.append("-".repeat(w + 2)).append('+');
    }
    out.println(rule);
    out.println(line(names, width));
    out.println(rule);
    for (List<String> r : t.rows()) {
      List<String> cells = new ArrayList<>();
      for (int i = 0; i < names.size(); i++) {
        cells.add(cell(r, i));
      }
      out.println(line(cells, width));
    }
    out.println(rule);
    int n = t.rows().size();
    out.println(
        n
            + (n == 1 ? " row" : " rows")
            + (t.more() ? " shown (more exist; " + moreHint + ")" : ""));
  }

  private static String line(List<String> cells, int[] width) {
    StringBuilder b = new StringBuilder("|");
    for (int i = 0; i < cells.size(); i++) {
      b.append(' ')
          .append(cells.get(i))
          .append(" ".repeat(width[i] - cells.get(i).length()))
          .append(" |");
    }
    return b.toString();
  }

  private static String cell(List<String> r, int i) {
    return r.get(i) == null ? "NULL" : r.get(i);
  }

  /** Spark's own rendering of every value (dates, decimals, maps) in the session's time zone. */
  private static Dataset<Row> asText(Dataset<Row> result) {
    Column[] cols =
        Arrays.stream(result.columns())
            .map(c -> col("`" + c + "`").cast("string").as(c))
            .toArray(Column[]::new);
    return result.select(cols);
  }

  private static String csv(String value) {
    if (value.contains(",")
        || value.contains("\"")
        || value.contains("\n")
        || value.contains("\r")) {
      return "\"" + value.replace("\"", "\"\"") + "\"";
    }
    return value;
  }
}
