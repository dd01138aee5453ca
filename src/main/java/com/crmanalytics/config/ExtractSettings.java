package com.crmanalytics.config;

import com.crmanalytics.contract.Source;
import java.nio.charset.Charset;
import java.util.List;
import java.util.Map;

/**
 * How one source's extract is laid out and how its columns map onto the contract
 * ({@code extracts.<source>} in the configuration).
 *
 * @param columns contract column → extract column (or {@link #FILE_LINE}); unmapped contract columns
 *     are read from the extract column of the same name
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
    List<String> timestampFormats,
    List<String> dateFormats) {

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

  /** The extract column a contract column is read from, or {@link #FILE_LINE}. */
  public String sourceColumn(String contractColumn) {
    return columns.getOrDefault(contractColumn, contractColumn);
  }

  /** The extract columns the contract's value columns are read from, each once, in contract order. */
  public List<String> wantedColumns(List<String> contractColumns) {
    return contractColumns.stream().map(this::sourceColumn).filter(c -> !c.equals(FILE_LINE)).distinct().toList();
  }

  public boolean isMapped(String contractColumn) {
    return columns.containsKey(contractColumn);
  }

  public boolean whitespaceDelimited() {
    return WHITESPACE.equals(delimiter);
  }
}
