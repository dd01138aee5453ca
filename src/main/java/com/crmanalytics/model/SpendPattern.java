package com.crmanalytics.model;

import java.util.Collection;

/**
 * A repeat buyer's spend pattern for the Gamma-Gamma model: {@code x >= 1} repeat transactions with
 * mean value {@code mx > 0} (currency units, first transaction excluded), and the number of
 * customers sharing it.
 */
public record SpendPattern(int x, double mx, long count) {

  public SpendPattern {
    Checks.check(x >= 1, "SpendPattern x must be >= 1 (repeat buyers only), got %s", x);
    Checks.check(
        Double.isFinite(mx) && mx > 0,
        "SpendPattern m_x must be finite and > 0, got %s (x=%s)",
        mx,
        x);
    Checks.check(
        count >= 1, "SpendPattern count must be >= 1, got %s (x=%s, m_x=%s)", count, x, mx);
  }

  /** One customer's spend pattern. */
  public static SpendPattern of(int x, double mx) {
    return new SpendPattern(x, mx, 1);
  }

  /** Number of customers: the sum of the counts. */
  public static long customers(Collection<SpendPattern> patterns) {
    return patterns.stream().mapToLong(SpendPattern::count).sum();
  }
}
