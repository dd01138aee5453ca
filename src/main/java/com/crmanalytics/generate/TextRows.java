package com.crmanalytics.generate;

/**
 * Renders rows as CSV (RFC 4180 quoting) or JSON Lines, appending to a buffer with a trailing
 * newline.
 */
final class TextRows {
  private TextRows() {}

  static void csvHeader(StringBuilder sb, String[] columns) {
    csv(sb, columns, false);
  }

  /** A malformed row loses its last field, so the line has one field too few. */
  static void csv(StringBuilder sb, String[] values, boolean malformed) {
    int n = malformed ? values.length - 1 : values.length;
    for (int i = 0; i < n; i++) {
      if (i > 0) {
        sb.append(',');
      }
      String v = values[i];
      if (v == null) {
        continue;
      }
      if (needsQuotes(v)) {
        sb.append('"').append(v.replace("\"", "\"\"")).append('"');
      } else {
        sb.append(v);
      }
    }
    sb.append('\n');
  }

  /** A malformed row is cut off before its closing brace (invalid JSON). */
  static void jsonl(
      StringBuilder sb, String[] columns, Layout.Kind[] kinds, String[] values, boolean malformed) {
    int start = sb.length();
    sb.append('{');
    for (int i = 0; i < values.length; i++) {
      if (i > 0) {
        sb.append(", ");
      }
      sb.append('"').append(columns[i]).append("\": ");
      String v = values[i];
      if (v == null || v.isEmpty()) {
        sb.append("null");
      } else if ((kinds[i] == Layout.Kind.NUMBER && isNumber(v))
          || (kinds[i] == Layout.Kind.BOOLEAN && (v.equals("true") || v.equals("false")))) {
        sb.append(v);
      } else {
        jsonString(sb, v);
      }
    }
    sb.append('}');
    if (malformed) {
      sb.setLength(start + (sb.length() - start) / 2);
    }
    sb.append('\n');
  }

  private static boolean needsQuotes(String v) {
    for (int i = 0; i < v.length(); i++) {
      char c = v.charAt(i);
      if (c == ',' || c == '"' || c == '\n' || c == '\r') {
        return true;
      }
    }
    return !v.isEmpty() && (v.charAt(0) == ' ' || v.charAt(v.length() - 1) == ' ');
  }

  private static boolean isNumber(String v) {
    int i = v.charAt(0) == '-' ? 1 : 0;
    if (i >= v.length()) {
      return false;
    }
    boolean dot = false;
    for (; i < v.length(); i++) {
      char c = v.charAt(i);
      if (c == '.' && !dot) {
        dot = true;
      } else if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }

  private static void jsonString(StringBuilder sb, String v) {
    sb.append('"');
    for (int i = 0; i < v.length(); i++) {
      char c = v.charAt(i);
      switch (c) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        case '\n' -> sb.append("\\n");
        case '\r' -> sb.append("\\r");
        case '\t' -> sb.append("\\t");
        default -> {
          if (c < 0x20) {
            sb.append(String.format("\\u%04x", (int) c));
          } else {
            sb.append(c);
          }
        }
      }
    }
    sb.append('"');
  }
}
