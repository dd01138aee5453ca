package com.crmanalytics.report;

import java.util.List;

/** HTML escaping and the few repeated fragments of the report page (tables, captions). */
final class Html {
  private Html() {}

  /** Text safe inside an element or a quoted attribute. */
  static String escape(String s) {
    if (s == null) {
      return "";
    }
    StringBuilder out = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }

  /**
   * A chart with its caption above it; more HTML (notes) may follow the chart inside the figure.
   */
  static String figure(String caption, String... content) {
    return "<figure><figcaption>"
        + escape(caption)
        + "</figcaption>"
        + String.join("", content)
        + "</figure>";
  }

  static String p(String cssClass, String text) {
    return "<p class=\"" + cssClass + "\">" + escape(text) + "</p>";
  }

  /**
   * A table of texts; the first column is left-aligned (names), the others right-aligned (numbers).
   */
  static String table(List<String> header, List<List<String>> rows) {
    StringBuilder t = new StringBuilder("<table class=\"data\"><thead><tr>");
    for (String h : header) {
      t.append("<th>").append(escape(h)).append("</th>");
    }
    t.append("</tr></thead><tbody>");
    for (List<String> row : rows) {
      t.append("<tr>");
      for (String cell : row) {
        t.append("<td>").append(escape(cell)).append("</td>");
      }
      t.append("</tr>");
    }
    return t.append("</tbody></table>").toString();
  }
}
