package com.crmanalytics.cli;

import static org.apache.spark.sql.functions.col;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** Prints a query result as an aligned table, CSV or JSON Lines, without holding it all in memory. */
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
        out.println(String.join(",", Arrays.stream(result.columns()).map(ResultPrinter::csv).toList()));
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
    String[] names = result.columns();
    List<Row> rows = asText(result).limit(limit + 1).collectAsList();
    boolean more = rows.size() > limit;
    if (more) {
      rows = rows.subList(0, limit);
    }
    int[] width = new int[names.length];
    for (int i = 0; i < names.length; i++) {
      width[i] = names[i].length();
      for (Row r : rows) {
        width[i] = Math.max(width[i], cell(r, i).length());
      }
    }
    StringBuilder rule = new StringBuilder("+");
    for (int w : width) {
      rule.append("-".repeat(w + 2)).append('+');
    }
    out.println(rule);
    out.println(line(Arrays.asList(names), width));
    out.println(rule);
    for (Row r : rows) {
      List<String> cells = new ArrayList<>();
      for (int i = 0; i < names.length; i++) {
        cells.add(cell(r, i));
      }
      out.println(line(cells, width));
    }
    out.println(rule);
    out.println(rows.size() + (rows.size() == 1 ? " row" : " rows") + (more ? " shown (more exist; use --limit or --format csv)" : ""));
  }

  private static String line(List<String> cells, int[] width) {
    StringBuilder b = new StringBuilder("|");
    for (int i = 0; i < cells.size(); i++) {
      b.append(' ').append(cells.get(i)).append(" ".repeat(width[i] - cells.get(i).length())).append(" |");
    }
    return b.toString();
  }

  private static String cell(Row r, int i) {
    return r.isNullAt(i) ? "NULL" : r.getString(i);
  }

  /** Spark's own rendering of every value (dates, decimals, maps) in the session's time zone. */
  private static Dataset<Row> asText(Dataset<Row> result) {
    Column[] cols = Arrays.stream(result.columns()).map(c -> col("`" + c + "`").cast("string").as(c)).toArray(Column[]::new);
    return result.select(cols);
  }

  private static String csv(String value) {
    if (value.contains(",") || value.contains("\"") || value.contains("\n") || value.contains("\r")) {
      return "\"" + value.replace("\"", "\"\"") + "\"";
    }
    return value;
  }
}
