package com.crmanalytics.export;

import java.util.List;
import java.util.stream.Collectors;

/**
 * One RFC 4180 csv line: a cell with a comma, quote or line break is quoted, quotes doubled; null
 * is empty.
 */
final class Csv {
  private Csv() {}

  static String line(List<String> cells) {
    return cells.stream().map(Csv::cell).collect(Collectors.joining(",")) + "\r\n";
  }

  private static String cell(String value) {
    if (value == null) {
      return "";
    }
    boolean quote =
        value.contains(",") || value.contains("\"") || value.contains("\n") || value.contains("\r");
    return quote ? "\"" + value.replace("\"", "\"\"") + "\"" : value;
  }
}
