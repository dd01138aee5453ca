package com.crmanalytics.report;

import java.util.List;

/**
 * The report's chart types, drawn as inline SVG: horizontal bars (negative values to the left of a
 * zero line), grouped bars, 100% stacked bars beside value bars, the Lorenz curve with the diagonal
 * ({@link HeatMap} draws the heat map). Every chart takes already formatted and translated texts.
 */
final class Charts {
  private static final double ROW = 26;
  private static final double BAR = 15;
  private static final double LABEL_MAX = 190;

  private Charts() {}

  /** One bar: its label, its value (null: no bar), the text shown for the value, a colour class. */
  record Bar(String label, Double value, String valueText, String cssClass) {}

  /** A vertical line across the bars at a value, e.g. 0.5 = a coin flip for an AUC. */
  record Reference(double value, String label) {}

  /**
   * Horizontal bars with the value texts in a right-hand column.
   *
   * @param fixedMax the value at the full bar length, or null for the largest value
   */
  static String bars(
      String aria, List<Bar> bars, double width, Double fixedMax, Reference reference) {
    double labelW = labelWidth(bars.stream().map(Bar::label).toList(), width * 0.45);
    double valueW =
        8 + bars.stream().mapToDouble(b -> Svg.textWidth(b.valueText(), Svg.FONT)).max().orElse(0);
    double top = reference == null ? 4 : 20;
    double height = top + bars.size() * ROW + 4;
    double min =
        Math.min(
            0,
            bars.stream().filter(b -> b.value() != null).mapToDouble(Bar::value).min().orElse(0));
    double max =
        fixedMax != null
            ? fixedMax
            : Math.max(
                0,
                bars.stream()
                    .filter(b -> b.value() != null)
                    .mapToDouble(Bar::value)
                    .max()
                    .orElse(0));
    if (max - min <= 0) {
      max = 1;
    }
    double x0 = labelW;
    double x1 = width - valueW;
    double span = max - min;
    double finalMin = min;
    java.util.function.DoubleUnaryOperator x = v -> x0 + (x1 - x0) * (v - finalMin) / span;
    Svg svg = new Svg(width, height, aria);
    for (int i = 0; i < bars.size(); i++) {
      Bar b = bars.get(i);
      double y = top + i * ROW;
      svg.text(
          labelW - 8, y + ROW / 2 + 4, Svg.fit(b.label(), labelW - 10, Svg.FONT), "end", "label");
      svg.rect(x0, y + (ROW - BAR) / 2, x1 - x0, BAR, "track", null, null);
      if (b.value() != null) {
        double from = x.applyAsDouble(Math.max(min, Math.min(0, b.value())));
        double to = x.applyAsDouble(Math.min(max, Math.max(0, b.value())));
        svg.rect(
            from,
            y + (ROW - BAR) / 2,
            Math.max(to - from, 1),
            BAR,
            b.cssClass(),
            null,
            b.label() + ": " + b.valueText());
      }
      svg.text(width - 2, y + ROW / 2 + 4, b.valueText(), "end", "value");
    }
    if (min < 0) {
      svg.line(x.applyAsDouble(0), top, x.applyAsDouble(0), height - 4, "zero");
    }
    if (reference != null) {
      double rx = x.applyAsDouble(reference.value());
      svg.line(rx, top - 4, rx, height - 2, "reference");
      svg.text(rx, top - 8, reference.label(), "middle", "note");
    }
    return svg.toString();
  }

  /**
   * Groups of bars, one group per category and one bar per series, with a legend; values are scaled
   * to the largest one.
   */
  static String groupedBars(
      String aria,
      List<String> categories,
      String[] seriesNames,
      String[] seriesClasses,
      double[][] values,
      String[][] texts,
      double width) {
    int series = seriesNames.length;
    double barH = 13;
    double groupH = series * (barH + 3) + 14;
    double labelW = labelWidth(categories, width * 0.35);
    double top = 28;
    double height = top + categories.size() * groupH;
    double max = 0;
    for (double[] s : values) {
      for (double v : s) {
        max = Math.max(max, v);
      }
    }
    max = max <= 0 ? 1 : max;
    double plotW = width - labelW - 62;
    Svg svg = new Svg(width, height, aria);
    svg.legend(labelW, 14, seriesNames, seriesClasses);
    for (int c = 0; c < categories.size(); c++) {
      double y = top + c * groupH;
      svg.text(
          labelW - 8,
          y + (series * (barH + 3)) / 2 + 4,
          Svg.fit(categories.get(c), labelW - 10, Svg.FONT),
          "end",
          "label");
      for (int s = 0; s < series; s++) {
        double by = y + s * (barH + 3);
        double w = Math.max(1, plotW * values[s][c] / max);
        svg.rect(
            labelW,
            by,
            w,
            barH,
            seriesClasses[s],
            null,
            categories.get(c) + " · " + seriesNames[s] + ": " + texts[s][c]);
        svg.text(labelW + w + 5, by + barH - 2, texts[s][c], "start", "value");
      }
    }
    return svg.toString();
  }

  /**
   * Rows of a value bar (left panel) and a 100% stacked bar of parts (right panel), e.g. CLV per
   * segment beside its mix of risk bands.
   */
  static String barsAndMix(
      String aria,
      List<String> labels,
      double[] values,
      String[] valueTexts,
      String valueTitle,
      double[][] parts,
      String[] partNames,
      String[] partClasses,
      double width,
      java.util.function.DoubleFunction<String> percent) {
    double labelW = labelWidth(labels, 170);
    double top = 34;
    double height = top + labels.size() * ROW + 4;
    double valueTextW = 8;
    for (String t : valueTexts) {
      valueTextW = Math.max(valueTextW, Svg.textWidth(t, Svg.FONT) + 8);
    }
    double leftW = (width - labelW) * 0.5 - valueTextW;
    double mixX = labelW + leftW + valueTextW + 16;
    double mixW = width - mixX - 2;
    double max = 0;
    for (double v : values) {
      max = Math.max(max, v);
    }
    max = max <= 0 ? 1 : max;
    Svg svg = new Svg(width, height, aria);
    svg.text(labelW, 12, valueTitle, "start", "axis-title");
    svg.legend(mixX, 13, partNames, partClasses);
    for (int i = 0; i < labels.size(); i++) {
      double y = top + i * ROW;
      double by = y + (ROW - BAR) / 2;
      svg.text(
          labelW - 8,
          y + ROW / 2 + 4,
          Svg.fit(labels.get(i), labelW - 10, Svg.FONT),
          "end",
          "label");
      double w = Math.max(1, leftW * Math.max(0, values[i]) / max);
      svg.rect(labelW, by, w, BAR, "s1", null, labels.get(i) + ": " + valueTexts[i]);
      svg.text(labelW + w + 5, y + ROW / 2 + 4, valueTexts[i], "start", "value");
      double total = 0;
      for (double p : parts[i]) {
        total += Math.max(0, p);
      }
      double at = mixX;
      for (int k = 0; k < parts[i].length; k++) {
        double share = total <= 0 ? 0 : Math.max(0, parts[i][k]) / total;
        double w2 = mixW * share;
        svg.rect(
            at,
            by,
            w2,
            BAR,
            partClasses[k],
            null,
            labels.get(i) + " · " + partNames[k] + ": " + percent.apply(share));
        at += w2;
      }
      if (total <= 0) {
        svg.rect(mixX, by, mixW, BAR, "track", null, null);
      }
    }
    return svg.toString();
  }

  /**
   * The Lorenz curve: share of the measure held by the bottom x of customers, against the diagonal
   * of perfect equality; the area between them is shaded.
   *
   * @param xs customer shares 0..1, increasing, starting with 0
   * @param ys the curve's value shares 0..1
   */
  static String lorenz(
      String aria,
      double[] xs,
      double[] ys,
      String xTitle,
      String yTitle,
      String equalityName,
      String curveName,
      double markX,
      String markText) {
    double left = 50;
    double top = 30;
    double size = 250;
    double width = left + size + 24;
    double height = top + size + 46;
    Svg svg = new Svg(width, height, aria);
    svg.legend(left, 14, new String[] {curveName, equalityName}, new String[] {"s1", "s-muted"});
    for (int t = 0; t <= 4; t++) {
      double v = t / 4.0;
      double gx = left + size * v;
      double gy = top + size * (1 - v);
      svg.line(left, gy, left + size, gy, "grid");
      svg.line(gx, top, gx, top + size, "grid");
      String pct = (t * 25) + "%";
      svg.text(left - 6, gy + 4, pct, "end", "tick");
      svg.text(gx, top + size + 16, pct, "middle", "tick");
    }
    double[] curve = new double[xs.length * 2];
    for (int i = 0; i < xs.length; i++) {
      curve[2 * i] = left + size * xs[i];
      curve[2 * i + 1] = top + size * (1 - ys[i]);
    }
    double[] area = new double[curve.length + 2];
    System.arraycopy(curve, 0, area, 0, curve.length);
    area[curve.length] = left + size * xs[0];
    area[curve.length + 1] = top + size * (1 - xs[0]);
    svg.path(area, true, "inequality");
    svg.line(left, top + size, left + size, top, "diagonal");
    svg.path(curve, false, "curve");
    double markY = interpolate(xs, ys, markX);
    svg.line(
        left + size * markX,
        top + size,
        left + size * markX,
        top + size * (1 - markY),
        "reference");
    svg.circle(left + size * markX, top + size * (1 - markY), 4, "mark", markText);
    svg.text(left + size * markX - 6, top + size * (1 - markY) - 10, markText, "end", "note");
    svg.text(left + size / 2, height - 6, xTitle, "middle", "axis-title");
    svg.rotatedText(14, top + size / 2, -90, yTitle, "middle", "axis-title");
    return svg.toString();
  }

  static double labelWidth(List<String> labels, double cap) {
    double w = labels.stream().mapToDouble(l -> Svg.textWidth(l, Svg.FONT)).max().orElse(40);
    return Math.min(cap, Math.max(48, w + 14));
  }

  /** The curve's y at x, linear between the points. */
  static double interpolate(double[] xs, double[] ys, double x) {
    for (int i = 1; i < xs.length; i++) {
      if (xs[i] >= x) {
        double f = xs[i] == xs[i - 1] ? 1 : (x - xs[i - 1]) / (xs[i] - xs[i - 1]);
        return ys[i - 1] + f * (ys[i] - ys[i - 1]);
      }
    }
    return ys[ys.length - 1];
  }
}
