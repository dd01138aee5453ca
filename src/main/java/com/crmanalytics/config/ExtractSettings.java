package com.crmanalytics.config;

import com.crmanalytics.contract.Field;
import com.crmanalytics.contract.Lineage;
import com.crmanalytics.contract.Source;
import com.crmanalytics.contract.TableContract;
import java.nio.charset.Charset;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.stream.Stream;

/**
 * How one source's extract is laid out and how its columns map onto the contract ({@code
 * extracts.<source>} in the configuration; docs/profiles.md explains each key).
 *
 * @param columns contract column → extract column (or {@link #FILE_LINE}); unmapped contract
 *     columns are read from the extract column of the same name
 * @param expressions contract column → a Spark SQL expression over the extract's columns
 * @param anonymousCustomers customer_id values meaning "no customer" ("" stands for empty or
 *     absent); empty: a row without a customer is an error
 * @param normaliseIds ids written as numbers with a zero fraction ({@code 17850.0}) lose the
 *     fraction
 * @param twoDigitYearBase first year of the century a two-digit year ({@code yy}) falls in; empty:
 *     the hundred years ending with the business date's year
 * @param minDate event dates before this are refused ({@code date_before_floor})
 * @param maxFieldLength longer text values are refused ({@code field_too_long})
 * @param deriveLineNumbers orders: number the lines of each order in file order (no line_no column)
 * @param identicalLines with derived line numbers: what a line identical to an earlier one is
 * @param amountWhenEmpty orders: an empty amount field is quantity × unit_price (otherwise missing)
 */
public record ExtractSettings(
    Source source,
    Format format,
    String pattern,
    boolean required,
    Charset encoding,
    boolean header,
    String delimiter,
    char quote,
    List<String> sourceColumns,
    Map<String, String> columns,
    Map<String, ColumnExpression> expressions,
    List<String> timestampFormats,
    List<String> dateFormats,
    List<String> anonymousCustomers,
    boolean normaliseIds,
    OptionalInt twoDigitYearBase,
    LocalDate minDate,
    int maxFieldLength,
    boolean deriveLineNumbers,
    IdenticalLines identicalLines,
    boolean amountWhenEmpty) {

  /** Mapping value that builds a key from the file name and the line number ("orders.csv:17"). */
  public static final String FILE_LINE = "@file_line";

  /** The {@code delimiter} value for runs of spaces and tabs. */
  public static final String WHITESPACE = "whitespace";

  /** File formats an extract may come in. */
  public enum Format {
    CSV,
    JSONL,
    PARQUET;

    public String id() {
      return name().toLowerCase();
    }
  }

  /** What a line identical in every column to an earlier line of the same extract means. */
  public enum IdenticalLines {
    /** A copy sent twice: counted in rows_duplicate and not stored again. */
    DUPLICATE,
    /** Another purchase of the same thing: it gets its own line number and counts. */
    DISTINCT;

    public String id() {
      return name().toLowerCase();
    }
  }

  /**
   * A contract column computed by a Spark SQL expression.
   *
   * @param sql the expression as configured
   * @param columns the extract columns it reads
   */
  public record ColumnExpression(String sql, List<String> columns) {}

  /** The extract column a contract column is read from, or {@link #FILE_LINE}. */
  public String sourceColumn(String contractColumn) {
    return columns.getOrDefault(contractColumn, contractColumn);
  }

  /**
   * The extract columns the contract's value columns are read from (directly or by an expression),
   * each once, in contract order.
   */
  public List<String> wantedColumns(List<String> contractColumns) {
    List<String> wanted = new ArrayList<>();
    for (String c : contractColumns) {
      Stream<String> from =
          expressions.containsKey(c)
              ? expressions.get(c).columns().stream()
              : Stream.of(sourceColumn(c));
      from.filter(x -> !x.equals(FILE_LINE) && !wanted.contains(x)).forEach(wanted::add);
    }
    return wanted;
  }

  /**
   * The extract columns every file must have: those the mapping names and those of the table's
   * required fields that are neither derived nor lineage.
   */
  public Set<String> neededColumns(TableContract table) {
    Set<String> needed = new LinkedHashSet<>();
    for (Field f : table.fields()) {
      boolean derivable = table.derivations().containsKey(f.name());
      if (isExpression(f.name())) {
        needed.addAll(expressions.get(f.name()).columns());
      } else if (isMapped(f.name()) || (f.required() && !derivable && table.hasColumn(f.name()))) {
        needed.add(sourceColumn(f.name()));
      }
    }
    needed.remove(FILE_LINE);
    Lineage.FIELDS.forEach(f -> needed.remove(f.name()));
    return needed;
  }

  public boolean isMapped(String contractColumn) {
    return columns.containsKey(contractColumn) || expressions.containsKey(contractColumn);
  }

  public boolean isExpression(String contractColumn) {
    return expressions.containsKey(contractColumn);
  }

  public boolean whitespaceDelimited() {
    return WHITESPACE.equals(delimiter);
  }
}
