package com.crmanalytics.model;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A distinct calibration purchase pattern and the number of customers sharing it: {@code x} repeat
 * transactions, {@code tx} time from the first to the last transaction and {@code T} time from the
 * first transaction to the calibration end, both in the model's time unit (e.g. weeks).
 */
public record Pattern(int x, double tx, double T, long count) {

  public Pattern {
    Checks.check(x >= 0, "Pattern x must be >= 0, got %s", x);
    Checks.check(
        Double.isFinite(T) && T > 0,
        "Pattern T must be finite and > 0, got %s (x=%s, t_x=%s)",
        T,
        x,
        tx);
    Checks.check(
        tx >= 0 && tx <= T, "Pattern t_x must be in [0, T], got t_x=%s, T=%s (x=%s)", tx, T, x);
    Checks.check(x > 0 || tx == 0, "Pattern with x=0 must have t_x=0, got t_x=%s", tx);
    Checks.check(
        count >= 1, "Pattern count must be >= 1, got %s (x=%s, t_x=%s, T=%s)", count, x, tx, T);
  }

  /** One customer's pattern. */
  public static Pattern of(int x, double tx, double T) {
    return new Pattern(x, tx, T, 1);
  }

  /** Merges identical (x, t_x, T) by summing their counts, in first-seen order. */
  public static List<Pattern> distinct(Collection<Pattern> patterns) {
    Map<List<Double>, Pattern> merged = new LinkedHashMap<>();
    for (Pattern p : patterns) {
      merged.merge(
          List.of((double) p.x, p.tx, p.T),
          p,
          (old, add) -> new Pattern(old.x, old.tx, old.T, old.count + add.count));
    }
    return new ArrayList<>(merged.values());
  }

  /** Number of customers: the sum of the counts. */
  public static long customers(Collection<Pattern> patterns) {
    return patterns.stream().mapToLong(Pattern::count).sum();
  }
}
