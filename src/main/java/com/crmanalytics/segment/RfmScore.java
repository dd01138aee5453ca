package com.crmanalytics.segment;

/**
 * The RFM score formula, in exact integer arithmetic (no Spark). Values are ordered "better is
 * larger" (recency is negated first); a value's percent rank is {@code worse / (n − 1)}, where
 * {@code worse} counts the customers with a strictly worse value, so tied values share a rank;
 * {@code score = min(bins, 1 + floor(bins × percent_rank))}. A single customer scores 1.
 */
public final class RfmScore {
  private RfmScore() {}

  /** The score of a value that {@code worse} of {@code n} customers are strictly worse than. */
  public static int score(long worse, long n, int bins) {
    if (worse < 0 || worse >= Math.max(n, 1)) {
      throw new IllegalArgumentException("worse = " + worse + " must lie in [0, " + n + ")");
    }
    if (n <= 1) {
      return 1;
    }
    return (int) Math.min(bins, 1 + Math.floorDiv(bins * worse, n - 1));
  }

  /**
   * The break of score {@code k} (2 ≤ k ≤ bins) among {@code n ≥ 2} customers, as a 1-based
   * position p in the values sorted worst first: a value scores k or more exactly when it is
   * strictly better than the p-th worst value. (score ≥ k ⇔ bins × worse ≥ (k − 1)(n − 1) ⇔ worse ≥
   * p.)
   */
  public static long breakPosition(int k, long n, int bins) {
    if (k < 2 || k > bins || n < 2) {
      throw new IllegalArgumentException(
          "breaks exist for 2 <= k <= bins and n >= 2: k=" + k + ", n=" + n);
    }
    long numerator = (long) (k - 1) * (n - 1);
    return Math.floorDiv(numerator + bins - 1, bins);
  }

  /**
   * A score on 1..bins moved onto the 1..5 scale the segment table is written in: 1 stays 1, bins
   * becomes 5, the rest are spread evenly and rounded half up. The identity when bins = 5.
   */
  public static int toFivePoint(int score, int bins) {
    if (score < 1 || score > bins) {
      throw new IllegalArgumentException("score " + score + " outside 1.." + bins);
    }
    // 1 + round(4 (score − 1) / (bins − 1)), in integers.
    return 1 + Math.floorDiv(2 * 4 * (score - 1) + (bins - 1), 2 * (bins - 1));
  }
}
