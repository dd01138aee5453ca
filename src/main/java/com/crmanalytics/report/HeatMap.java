package com.crmanalytics.report;

import java.util.List;

/** The report's heat map of moves between segments or tiers, drawn as inline SVG. */
final class HeatMap {
  private HeatMap() {}

  /** Tone of a heat-map cell: how it is coloured. */
  enum Tone {
    STAY,
    UP,
    DOWN,
    MOVE
  }

  /**
   * A heat map of counts: rows "from", columns "to". Cells of customers who stayed are grey; the
   * other cells are shaded by their count relative to the largest of them, green for a move up,
   * orange for a move down, blue otherwise. Cells show counts in short form (they are narrow); the
   * tooltips in full.
   */
  static String draw(
      String aria,
      List<String> rowLabels,
      List<String> colLabels,
      long[][] counts,
      Tone[][] tones,
      String rowTitle,
      String colTitle,
      java.util.function.LongFunction<String> shortCount,
      java.util.function.LongFunction<String> fullCount) {
    double cellW = 44;
    double cellH = 26;
    double labelW = Charts.labelWidth(rowLabels, 150);
    double colLabelH =
        10 + colLabels.stream().mapToDouble(l -> Svg.textWidth(l, 11)).max().orElse(0) * 0.7;
    colLabelH = Math.min(colLabelH, 110);
    double top = 22 + colLabelH;
    double width = labelW + colLabels.size() * cellW + 6 + colLabelH * 0.8;
    double height = top + rowLabels.size() * cellH + 6;
    long maxMove = 1;
    for (int r = 0; r < counts.length; r++) {
      for (int c = 0; c < counts[r].length; c++) {
        if (tones[r][c] != Tone.STAY) {
          maxMove = Math.max(maxMove, counts[r][c]);
        }
      }
    }
    Svg svg = new Svg(width, height, aria);
    svg.text(labelW, 15, colTitle + " →", "start", "axis-title");
    svg.text(labelW - 8, top - 6, rowTitle + " ↓", "end", "axis-title");
    for (int c = 0; c < colLabels.size(); c++) {
      double cx = labelW + c * cellW + cellW / 2;
      svg.rotatedText(
          cx - 2, top - 6, -45, Svg.fit(colLabels.get(c), 100, 11), "start", "col-label");
    }
    for (int r = 0; r < rowLabels.size(); r++) {
      double y = top + r * cellH;
      svg.text(
          labelW - 8,
          y + cellH / 2 + 4,
          Svg.fit(rowLabels.get(r), labelW - 10, Svg.FONT),
          "end",
          "label");
      for (int c = 0; c < colLabels.size(); c++) {
        double x = labelW + c * cellW;
        long n = counts[r][c];
        double t = n == 0 ? 0 : Math.sqrt((double) n / maxMove);
        String fill =
            n == 0
                ? "#f4f6f9"
                : switch (tones[r][c]) {
                  case STAY -> "#dfe3ea";
                  case UP -> Svg.mix("#e3f4ec", "#1b7f5a", t);
                  case DOWN -> Svg.mix("#fdebdf", "#c2571a", t);
                  case MOVE -> Svg.mix("#e6eef8", "#1f4e8c", t);
                };
        svg.rect(
            x + 1,
            y + 1,
            cellW - 2,
            cellH - 2,
            "cell",
            fill,
            rowLabels.get(r) + " → " + colLabels.get(c) + ": " + fullCount.apply(n));
        if (n > 0) {
          boolean dark = tones[r][c] != Tone.STAY && t > 0.55;
          svg.text(
              x + cellW / 2,
              y + cellH / 2 + 4,
              shortCount.apply(n),
              "middle",
              dark ? "cell-text light" : "cell-text");
        }
      }
    }
    return svg.toString();
  }
}
