package com.crmanalytics.report;

import java.util.List;

/**
 * Charts over time, drawn as inline SVG like {@link Charts}: lines against a common x axis with a
 * marked point (the tracking chart), columns with their interval (the forecast), and a sparkline
 * for a headline tile. Every chart takes already formatted and translated texts.
 */
final class TimeCharts {
  private TimeCharts() {}

  /** One line: its name in the legend, its colour class and its y value at each x. */
  record Series(String name, String cssClass, double[] ys) {}

  /**
   * Lines over a shared x axis, the y axis from 0 with four grid lines, and a dashed vertical line
   * at {@code markX} with its label (none when NaN).
   *
   * @param xs increasing x values (e.g. days since the first point)
   * @param xTicks x value and label pairs for the axis
   * @param yTick the text of a y value on the axis
   */
  static String lines(
      String aria,
      double[] xs,
      List<Series> series,
      List<Tick> xTicks,
      java.util.function.DoubleFunction<String> yTick,
      double markX,
      String markLabel,
      String yTitle,
      double width) {
    double left = 64;
    double right = 16;
    double top = 34;
    double plotH = 220;
    double height = top + plotH + 30;
    double maxY = 0;
    for (Series s : series) {
      for (double y : s.ys()) {
        maxY = Math.max(maxY, y);
      }
    }
    double topY = niceCeiling(maxY);
    double minX = xs[0];
    double maxX = xs[xs.length - 1] > minX ? xs[xs.length - 1] : minX + 1;
    double plotW = width - left - right;
    java.util.function.DoubleUnaryOperator px = x -> left + plotW * (x - minX) / (maxX - minX);
    java.util.function.DoubleUnaryOperator py = y -> top + plotH * (1 - y / topY);
    Svg svg = new Svg(width, height, aria);
    svg.legend(
        left,
        14,
        series.stream().map(Series::name).toArray(String[]::new),
        series.stream().map(s -> s.cssClass() + "-key").toArray(String[]::new));
    for (int t = 0; t <= 4; t++) {
      double v = topY * t / 4;
      double y = py.applyAsDouble(v);
      svg.line(left, y, left + plotW, y, "grid");
      svg.text(left - 6, y + 4, yTick.apply(v), "end", "tick");
    }
    svg.rotatedText(12, top + plotH / 2, -90, yTitle, "middle", "axis-title");
    for (Tick t : xTicks) {
      double x = px.applyAsDouble(t.x());
      svg.line(x, top + plotH, x, top + plotH + 4, "zero");
      svg.text(x, top + plotH + 18, t.label(), "middle", "tick");
    }
    svg.line(left, top + plotH, left + plotW, top + plotH, "zero");
    if (Double.isFinite(markX)) {
      double x = px.applyAsDouble(markX);
      svg.line(x, top - 6, x, top + plotH, "reference");
      svg.text(x + 4, top + 4, markLabel, "start", "note");
    }
    for (Series s : series) {
      double[] xy = new double[2 * xs.length];
      for (int i = 0; i < xs.length; i++) {
        xy[2 * i] = px.applyAsDouble(xs[i]);
        xy[2 * i + 1] = py.applyAsDouble(s.ys()[i]);
      }
      svg.path(xy, false, s.cssClass());
    }
    return svg.toString();
  }

  /** A labelled position on the x axis. */
  record Tick(double x, String label) {}

  /**
   * Columns with the interval of each as a whisker (low and high NaN: none), labels under them and
   * the value texts above.
   */
  static String columnsWithRange(
      String aria,
      List<String> labels,
      double[] values,
      double[] lows,
      double[] highs,
      String[] valueTexts,
      String[] titles,
      double width) {
    double top = 24;
    double plotH = 170;
    double height = top + plotH + 26;
    double max = 0;
    for (int i = 0; i < values.length; i++) {
      max = Math.max(max, Double.isFinite(highs[i]) ? highs[i] : values[i]);
    }
    max = max <= 0 ? 1 : max * 1.08;
    double slot = (width - 8) / labels.size();
    double barW = Math.min(44, slot * 0.62);
    double scale = plotH / max;
    Svg svg = new Svg(width, height, aria);
    for (int i = 0; i < labels.size(); i++) {
      double cx = 4 + slot * i + slot / 2;
      double h = Math.max(1, values[i] * scale);
      double y = top + plotH - h;
      svg.rect(cx - barW / 2, y, barW, h, "s1", null, titles[i]);
      double above = y;
      if (Double.isFinite(lows[i]) && Double.isFinite(highs[i])) {
        double yl = top + plotH - lows[i] * scale;
        double yh = top + plotH - highs[i] * scale;
        svg.line(cx, yl, cx, yh, "whisker");
        svg.line(cx - 5, yh, cx + 5, yh, "whisker");
        svg.line(cx - 5, yl, cx + 5, yl, "whisker");
        above = Math.min(above, yh);
      }
      svg.text(cx, above - 5, valueTexts[i], "middle", "value");
      svg.text(cx, top + plotH + 16, labels.get(i), "middle", "tick");
    }
    svg.line(4, top + plotH, width - 4, top + plotH, "zero");
    return svg.toString();
  }

  /**
   * A small line of the values (oldest first) with the last point marked; null values are gaps
   * (left out). Empty string with fewer than two values.
   */
  static String sparkline(String aria, List<Double> values, double width, double height) {
    List<double[]> points = new java.util.ArrayList<>();
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < values.size(); i++) {
      Double v = values.get(i);
      if (v != null && Double.isFinite(v)) {
        points.add(new double[] {i, v});
        min = Math.min(min, v);
        max = Math.max(max, v);
      }
    }
    if (points.size() < 2) {
      return "";
    }
    double span = max - min == 0 ? 1 : max - min;
    double n = Math.max(1, values.size() - 1);
    double[] xy = new double[2 * points.size()];
    for (int i = 0; i < points.size(); i++) {
      xy[2 * i] = 3 + (width - 6) * points.get(i)[0] / n;
      xy[2 * i + 1] = 3 + (height - 6) * (1 - (points.get(i)[1] - min) / span);
    }
    Svg svg = new Svg(width, height, aria);
    svg.path(xy, false, "spark");
    svg.circle(xy[xy.length - 2], xy[xy.length - 1], 2.5, "spark-dot", aria);
    return svg.toString().replace("class=\"chart\"", "class=\"chart spark-chart\"");
  }

  /** 1, 2, 2.5 or 5 times a power of ten, at least v: a round top for an axis. */
  static double niceCeiling(double v) {
    if (!(v > 0)) {
      return 1;
    }
    double p = Math.pow(10, Math.floor(Math.log10(v)));
    for (double m : new double[] {1, 2, 2.5, 5, 10}) {
      if (m * p >= v) {
        return m * p;
      }
    }
    return 10 * p;
  }
}
