package com.crmanalytics.model;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Spend patterns laid out for the likelihood sums of a Gamma-Gamma fit: primitive arrays sorted by
 * (x, m_x), the distinct x values with each pattern's index in them, and ln m_x computed once
 * rather than per evaluation.
 */
final class SpendPatternSet {

  final int[] xs;
  final int[] xIndex;
  final double[] mx;
  final double[] logMx;
  final double[] count;

  private SpendPatternSet(List<SpendPattern> sorted) {
    int size = sorted.size();
    xs = sorted.stream().mapToInt(SpendPattern::x).distinct().toArray();
    xIndex = new int[size];
    mx = new double[size];
    logMx = new double[size];
    count = new double[size];
    int k = -1;
    for (int i = 0; i < size; i++) {
      SpendPattern p = sorted.get(i);
      if (k < 0 || xs[k] != p.x()) {
        k++;
      }
      xIndex[i] = k;
      mx[i] = p.mx();
      logMx[i] = Math.log(p.mx());
      count[i] = p.count();
    }
  }

  static SpendPatternSet of(List<SpendPattern> patterns) {
    List<SpendPattern> sorted = new ArrayList<>(patterns);
    sorted.sort(
        Comparator.comparingInt(SpendPattern::x)
            .thenComparingDouble(SpendPattern::mx)
            .thenComparingLong(SpendPattern::count));
    return new SpendPatternSet(sorted);
  }

  int size() {
    return mx.length;
  }
}
