package com.crmanalytics.report;

/**
 * The concentration of a non-negative measure over N customers ranked largest first: the share of
 * the top p% and the Lorenz curve at each percentile p = 1..100, and the Gini coefficient.
 * Spark-free: the report stage feeds it 100 bucket sums and two totals computed in one Spark
 * aggregation.
 *
 * <p>The top p% are the customers of rank ≤ ceil(p·N/100); customer of rank k belongs to the top p%
 * exactly when p ≥ {@link #bucket(long, long) bucket(k, N)} = floor(100·(k − 1)/N) + 1, so the top
 * share at p is the sum of buckets 1..p over the total. The bottom p% are the other floor(p·N/100)
 * customers, so lorenz(p) = 1 − top(100 − p). With customers sorted smallest first (index i = N − k
 * + 1), Gini = 2·Σ i·x_i / (N·Σ x_i) − (N + 1)/N, exact, ties in any order.
 */
public final class Concentration {
  private Concentration() {}

  /**
   * The first percentile whose top set contains the customer of rank {@code rank} (1-based) of n.
   */
  public static int bucket(long rank, long n) {
    return (int) (100 * (rank - 1) / n) + 1;
  }

  /** Customers in the top p%. */
  public static long topCustomers(int p, long n) {
    return (p * n + 99) / 100;
  }

  /**
   * Shares of the top p% for p = 0..100 (index p; top[0] = 0, top[100] = 1 unless the total is 0).
   *
   * @param bucketSums bucketSums[p] = sum of the measure over customers of bucket p (index 1..100)
   * @param total the sum of the measure over all customers
   */
  public static double[] topShares(double[] bucketSums, double total) {
    double[] top = new double[101];
    double cumulative = 0;
    for (int p = 1; p <= 100; p++) {
      cumulative += bucketSums[p];
      top[p] = total > 0 ? Math.min(1.0, cumulative / total) : 0.0;
    }
    return top;
  }

  /**
   * Lorenz curve for p = 0..100 from the top shares: lorenz(p) = 1 − top(100 − p); all 0 when the
   * total is 0.
   */
  public static double[] lorenz(double[] top, double total) {
    double[] lorenz = new double[101];
    for (int p = 0; p <= 100; p++) {
      lorenz[p] = total > 0 ? Math.max(0.0, 1.0 - top[100 - p]) : 0.0;
    }
    return lorenz;
  }

  /**
   * Gini coefficient from Σ x and Σ i·x with i the ascending index (1 = smallest); 0 when the total
   * is 0 or there is one customer.
   */
  public static double gini(long n, double total, double weightedByAscendingIndex) {
    if (n <= 1 || total <= 0) {
      return 0.0;
    }
    double g = 2.0 * weightedByAscendingIndex / (n * total) - (n + 1.0) / n;
    return Math.max(0.0, Math.min(1.0, g));
  }
}
