package com.crmanalytics.config;

import static com.crmanalytics.config.ConfigLoader.EXTRACTS;
import static com.crmanalytics.config.ConfigValues.bool;
import static com.crmanalytics.config.ConfigValues.integer;
import static com.crmanalytics.config.ConfigValues.string;
import static com.crmanalytics.config.ConfigValues.strings;

import com.crmanalytics.config.ExtractSettings.ColumnExpression;
import com.crmanalytics.config.ExtractSettings.Format;
import com.crmanalytics.config.ExtractSettings.IdenticalLines;
import com.crmanalytics.contract.Orders;
import com.crmanalytics.contract.Source;
import com.crmanalytics.contract.TableContract;
import com.crmanalytics.error.Errors;
import com.typesafe.config.Config;
import com.typesafe.config.ConfigUtil;
import java.nio.charset.Charset;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.apache.spark.sql.catalyst.analysis.UnresolvedAttribute;
import org.apache.spark.sql.catalyst.expressions.Expression;
import org.apache.spark.sql.catalyst.parser.CatalystSqlParser$;
import scala.jdk.javaapi.CollectionConverters;

/** Reads and checks one {@code extracts.<source>} section into {@link ExtractSettings}. */
final class ExtractConfig {
  private ExtractConfig() {}

  static ExtractSettings read(Config root, Source source) {
    String prefix = EXTRACTS + "." + source.id() + ".";
    String formatText = string(root, prefix + "format");
    Format format =
        Arrays.stream(Format.values())
            .filter(f -> f.id().equals(formatText))
            .findFirst()
            .orElseThrow(
                () -> Errors.badConfig(prefix + "format", formatText, "csv, jsonl, parquet"));
    String encodingName = string(root, prefix + "encoding");
    Charset encoding;
    try {
      encoding = Charset.forName(encodingName);
    } catch (IllegalArgumentException e) {
      throw Errors.badConfig(
          prefix + "encoding", encodingName, "a Java charset name such as UTF-8, GBK, ISO-8859-1");
    }
    String delimiter = string(root, prefix + "csv.delimiter");
    if (delimiter.equals("\\t")) {
      delimiter = "\t";
    }
    if (delimiter.length() != 1 && !delimiter.equals(ExtractSettings.WHITESPACE)) {
      throw Errors.badConfig(
          prefix + "csv.delimiter", delimiter, "one character, \"\\t\" or \"whitespace\"");
    }
    String quote = string(root, prefix + "csv.quote");
    if (quote.length() != 1) {
      throw Errors.badConfig(prefix + "csv.quote", quote, "one character");
    }
    boolean header = bool(root, prefix + "csv.header");
    List<String> sourceColumns = strings(root, prefix + "source-columns");
    if (format == Format.CSV && !header && sourceColumns.isEmpty()) {
      throw Errors.badConfig(
          prefix + "source-columns",
          "[]",
          "the names of the columns, in order, when csv.header = false");
    }
    Map<String, String> columns = mapping(root, prefix + "columns", source, sourceColumns);
    Map<String, ColumnExpression> expressions =
        expressions(root, prefix + "expressions", source, sourceColumns);
    for (String c : expressions.keySet()) {
      if (columns.containsKey(c)) {
        throw Errors.badConfig(
            prefix + "expressions." + c,
            expressions.get(c).sql(),
            "either a column mapping or an expression for " + c + ", not both");
      }
    }
    boolean deriveLines = bool(root, prefix + "derive-line-numbers");
    if (deriveLines
        && (source != Source.ORDERS
            || columns.containsKey(Orders.LINE_NO)
            || expressions.containsKey(Orders.LINE_NO))) {
      throw Errors.badConfig(
          prefix + "derive-line-numbers",
          true,
          "false here: only orders without a mapped line_no have their lines numbered");
    }
    String identical = string(root, prefix + "identical-lines");
    IdenticalLines identicalLines =
        Arrays.stream(IdenticalLines.values())
            .filter(v -> v.id().equals(identical))
            .findFirst()
            .orElseThrow(
                () ->
                    Errors.badConfig(
                        prefix + "identical-lines", identical, "duplicate or distinct"));
    List<String> anonymous =
        strings(root, prefix + "anonymous-customers").stream().map(String::strip).toList();
    // The contract is looked at only when needed: it loads Spark's classes, which --help and config
    // errors avoid.
    if (!anonymous.isEmpty()
        && !(source.table().hasColumn(Orders.CUSTOMER_ID)
            && source.table().field(Orders.CUSTOMER_ID).nullable())) {
      throw Errors.badConfig(
          prefix + "anonymous-customers",
          anonymous,
          "[] here: only orders and service rows may lack a customer");
    }
    String minDateText = string(root, prefix + "min-date");
    LocalDate minDate;
    try {
      minDate = LocalDate.parse(minDateText);
    } catch (DateTimeParseException e) {
      throw Errors.badConfig(prefix + "min-date", minDateText, "a date such as 1900-01-01");
    }
    int maxLength = integer(root, prefix + "max-field-length");
    if (maxLength < 1) {
      throw Errors.badConfig(
          prefix + "max-field-length", maxLength, "a whole number of characters, at least 1");
    }
    return new ExtractSettings(
        source,
        format,
        string(root, prefix + "pattern"),
        bool(root, prefix + "required"),
        encoding,
        header,
        delimiter,
        quote.charAt(0),
        sourceColumns,
        columns,
        expressions,
        patterns(root, prefix + "timestamp-formats"),
        patterns(root, prefix + "date-formats"),
        anonymous,
        bool(root, prefix + "normalise-ids"),
        yearBase(root, prefix + "two-digit-year-base"),
        minDate,
        maxLength,
        deriveLines,
        identicalLines,
        bool(root, prefix + "amount-when-empty"));
  }

  private static OptionalInt yearBase(Config root, String key) {
    String text = string(root, key);
    if (text.equals("auto")) {
      return OptionalInt.empty();
    }
    try {
      int year = Integer.parseInt(text);
      if (year >= 1000 && year <= 9899) {
        return OptionalInt.of(year);
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw Errors.badConfig(key, text, "auto or a four-digit year such as 1950");
  }

  private static Map<String, String> mapping(
      Config root, String key, Source source, List<String> sourceColumns) {
    Map<String, String> columns = new LinkedHashMap<>();
    Config mapping = root.getConfig(key);
    for (String contractColumn : mapping.root().keySet()) {
      TableContract table =
          source.table(); // only with a mapping: the contract loads Spark's classes
      String k = key + "." + contractColumn;
      requireContractColumn(k, contractColumn, table);
      String from = string(root, key + "." + ConfigUtil.quoteString(contractColumn));
      if (!sourceColumns.isEmpty()
          && !from.equals(ExtractSettings.FILE_LINE)
          && !sourceColumns.contains(from)) {
        throw Errors.badConfig(
            k, from, "one of source-columns " + sourceColumns + " or " + ExtractSettings.FILE_LINE);
      }
      columns.put(contractColumn, from);
    }
    return columns;
  }

  /** Each expression is parsed here, so a syntax error stops the run before anything is read. */
  private static Map<String, ColumnExpression> expressions(
      Config root, String key, Source source, List<String> sourceColumns) {
    Map<String, ColumnExpression> out = new LinkedHashMap<>();
    Config block = root.getConfig(key);
    for (String contractColumn : block.root().keySet()) {
      TableContract table =
          source.table(); // only with an expression: the contract loads Spark's classes
      String k = key + "." + contractColumn;
      requireContractColumn(k, contractColumn, table);
      String sql = string(root, key + "." + ConfigUtil.quoteString(contractColumn));
      List<String> used;
      try {
        used = referencedColumns(CatalystSqlParser$.MODULE$.parseExpression(sql));
      } catch (Exception e) { // ParseException is a checked AnalysisException
        throw Errors.badConfig(
            k,
            sql,
            "a Spark SQL expression over the extract's columns ("
                + firstLine(e.getMessage())
                + ")");
      }
      for (String c : used) {
        if (!sourceColumns.isEmpty() && !sourceColumns.contains(c)) {
          throw Errors.badConfig(
              k,
              sql,
              "an expression over source-columns "
                  + sourceColumns
                  + "; '"
                  + c
                  + "' is not one of them");
        }
      }
      out.put(contractColumn, new ColumnExpression(sql, used));
    }
    return out;
  }

  /**
   * The extract columns an expression reads (its unresolved attributes), in order of appearance.
   */
  private static List<String> referencedColumns(Expression expression) {
    List<String> names = new ArrayList<>();
    Deque<Expression> todo = new ArrayDeque<>(List.of(expression));
    while (!todo.isEmpty()) {
      Expression e = todo.pop();
      if (e instanceof UnresolvedAttribute a) {
        String name = String.join(".", CollectionConverters.asJava(a.nameParts()));
        if (!names.contains(name)) {
          names.add(name);
        }
      }
      List<Expression> children = new ArrayList<>(CollectionConverters.asJava(e.children()));
      for (int i = children.size() - 1; i >= 0; i--) {
        todo.push(children.get(i));
      }
    }
    return names;
  }

  static String firstLine(String message) {
    String text = message == null ? "" : message.strip();
    int nl = text.indexOf('\n');
    return nl < 0 ? text : text.substring(0, nl).strip();
  }

  private static void requireContractColumn(String key, String column, TableContract table) {
    if (!table.valueColumns().contains(column)) {
      throw Errors.badConfig(
          key,
          column,
          "a column of " + table.name() + ": " + String.join(", ", table.valueColumns()));
    }
  }

  private static List<String> patterns(Config root, String key) {
    List<String> patterns = strings(root, key);
    for (String p : patterns) {
      try {
        DateTimeFormatter.ofPattern(p);
      } catch (IllegalArgumentException e) {
        throw Errors.badConfig(
            key, p, "a datetime pattern such as yyyy-MM-dd or yyyyMMdd HH:mm:ss");
      }
    }
    return patterns;
  }
}
