package com.crmanalytics.report;

import java.util.Locale;

/**
 * Writes one inline SVG element: shapes and text in a fixed coordinate system that scales with the
 * page (CSS gives {@code svg.chart} max-width 100%). Colours come from CSS classes of the page, or
 * a computed fill for heat-map cells. Every text is HTML-escaped here.
 */
final class Svg {
  static final double FONT = 12;

  private final StringBuilder body = new StringBuilder();
  private final double width;
  private final double height;
  private final String label;

  Svg(double width, double height, String label) {
    this.width = width;
    this.height = height;
    this.label = label;
  }

  Svg rect(double x, double y, double w, double h, String cssClass, String fill, String title) {
    body.append("<rect x=\"")
        .append(n(x))
        .append("\" y=\"")
        .append(n(y))
        .append("\" width=\"")
        .append(n(Math.max(0, w)))
        .append("\" height=\"")
        .append(n(Math.max(0, h)))
        .append('"');
    attr("class", cssClass);
    attr("fill", fill);
    if (title == null) {
      body.append("/>");
    } else {
      body.append("><title>").append(Html.escape(title)).append("</title></rect>");
    }
    return this;
  }

  /** Text at (x, y) on the baseline; anchor start, middle or end. */
  Svg text(double x, double y, String text, String anchor, String cssClass) {
    body.append("<text x=\"").append(n(x)).append("\" y=\"").append(n(y)).append('"');
    if (!"start".equals(anchor)) {
      attr("text-anchor", anchor);
    }
    attr("class", cssClass);
    body.append('>').append(Html.escape(text)).append("</text>");
    return this;
  }

  /** Text rotated about its anchor point, e.g. -40 degrees for column labels. */
  Svg rotatedText(double x, double y, double degrees, String text, String anchor, String cssClass) {
    body.append("<text x=\"0\" y=\"0\" transform=\"translate(")
        .append(n(x))
        .append(' ')
        .append(n(y))
        .append(") rotate(")
        .append(n(degrees))
        .append(")\"");
    attr("text-anchor", anchor);
    attr("class", cssClass);
    body.append('>').append(Html.escape(text)).append("</text>");
    return this;
  }

  Svg line(double x1, double y1, double x2, double y2, String cssClass) {
    body.append("<line x1=\"")
        .append(n(x1))
        .append("\" y1=\"")
        .append(n(y1))
        .append("\" x2=\"")
        .append(n(x2))
        .append("\" y2=\"")
        .append(n(y2))
        .append('"');
    attr("class", cssClass);
    body.append("/>");
    return this;
  }

  /** A path through the points (x0, y0, x1, y1, …), closed when asked. */
  Svg path(double[] xy, boolean closed, String cssClass) {
    body.append("<path d=\"");
    for (int i = 0; i < xy.length; i += 2) {
      body.append(i == 0 ? 'M' : 'L').append(n(xy[i])).append(',').append(n(xy[i + 1]));
    }
    if (closed) {
      body.append('Z');
    }
    body.append('"');
    attr("class", cssClass);
    body.append("/>");
    return this;
  }

  Svg circle(double cx, double cy, double r, String cssClass, String title) {
    body.append("<circle cx=\"")
        .append(n(cx))
        .append("\" cy=\"")
        .append(n(cy))
        .append("\" r=\"")
        .append(n(r))
        .append('"');
    attr("class", cssClass);
    body.append("><title>").append(Html.escape(title)).append("</title></circle>");
    return this;
  }

  /** A legend of coloured squares and names in one row from (x, y). */
  Svg legend(double x, double y, String[] names, String[] classes) {
    double at = x;
    for (int i = 0; i < names.length; i++) {
      rect(at, y - 10, 11, 11, classes[i], null, null);
      text(at + 16, y, names[i], "start", "legend");
      at += 16 + textWidth(names[i], FONT) + 18;
    }
    return this;
  }

  @Override
  public String toString() {
    return "<svg class=\"chart\" viewBox=\"0 0 "
        + n(width)
        + " "
        + n(height)
        + "\" width=\""
        + n(width)
        + "\" height=\""
        + n(height)
        + "\" role=\"img\" aria-label=\""
        + Html.escape(label)
        + "\">"
        + body
        + "</svg>";
  }

  /**
   * Estimated width of a text in pixels (no layout engine here): CJK characters are a full em wide.
   */
  static double textWidth(String s, double fontSize) {
    double em = 0;
    for (int i = 0; i < s.length(); ) {
      int c = s.codePointAt(i);
      i += Character.charCount(c);
      if (c >= 0x2E80) {
        em += 1.0;
      } else if (c == ' ' || c == '.' || c == ',' || c == 'i' || c == 'l' || c == 'j'
          || c == '\'') {
        em += 0.3;
      } else if (Character.isUpperCase(c) || c == 'm' || c == 'w' || c == '%') {
        em += 0.75;
      } else {
        em += 0.56;
      }
    }
    return em * fontSize;
  }

  /** The text, cut with an ellipsis to fit the width. */
  static String fit(String s, double maxWidth, double fontSize) {
    if (textWidth(s, fontSize) <= maxWidth) {
      return s;
    }
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < s.length(); ) {
      int c = s.codePointAt(i);
      i += Character.charCount(c);
      if (textWidth(out + new String(Character.toChars(c)) + "…", fontSize) > maxWidth) {
        break;
      }
      out.appendCodePoint(c);
    }
    return out + "…";
  }

  private void attr(String name, String value) {
    if (value != null) {
      body.append(' ').append(name).append("=\"").append(Html.escape(value)).append('"');
    }
  }

  private static String n(double v) {
    return v == Math.rint(v) ? Long.toString((long) v) : String.format(Locale.ROOT, "%.1f", v);
  }

  /** The colour a fraction t of the way from one #rrggbb to another. */
  static String mix(String from, String to, double t) {
    double f = Math.max(0, Math.min(1, t));
    int[] a = rgb(from);
    int[] b = rgb(to);
    return String.format(
        Locale.ROOT,
        "#%02x%02x%02x",
        Math.round(a[0] + (b[0] - a[0]) * f),
        Math.round(a[1] + (b[1] - a[1]) * f),
        Math.round(a[2] + (b[2] - a[2]) * f));
  }

  private static int[] rgb(String hex) {
    int v = Integer.parseInt(hex.substring(1), 16);
    return new int[] {(v >> 16) & 0xff, (v >> 8) & 0xff, v & 0xff};
  }
}
