package com.crmanalytics.model;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Distinct (x, t_x, T) patterns laid out for the many likelihood sums of a fit, in primitive arrays
 * sorted by (x, T, t_x).
 *
 * <p>Every term of the BTYD likelihoods except the final log-sum-exp depends on (x, t) only, where
 * t is a t_x or a T: ln Γ(r + x) and the other per-x terms, (r + x)·ln(α + t), and Pareto/NBD's
 * 2F1. t takes one value per day of history at most, so there are far fewer distinct (x, t) pairs
 * than patterns (at 1M customers over two years in days: ~20,000 pairs for ~320,000 patterns). A
 * model computes its terms once per pair and evaluation; per pattern only the two pair indices and
 * the count remain.
 *
 * <p>{@link #sum} adds per-pattern terms in fixed chunks of {@value Chunks#CHUNK} patterns (see
 * {@link Chunks}), in parallel when there are several, and then adds the chunk sums in order: the
 * result depends only on the patterns, never on the thread count, the scheduling or the order the
 * patterns were given in.
 */
public final class PatternSet {

  private final int size;
  private final long customers;

  /** Distinct x ascending. */
  final int[] xs;

  /** Distinct t_x and T values ascending. */
  final double[] times;

  /** Distinct (x, t) pairs: the index in {@link #xs} and the index in {@link #times}. */
  final int[] pairX;

  final int[] pairTime;

  /** Per pattern: the pair indices of (x, t_x) and (x, T), and the count as a double. */
  final int[] txPair;

  final int[] tPair;
  final double[] count;

  private PatternSet(int[] x, double[] tx, double[] bigT, long[] counts) {
    size = x.length;
    Integer[] order = new Integer[size];
    Arrays.setAll(order, i -> i);
    Arrays.sort(
        order,
        (i, j) ->
            x[i] != x[j]
                ? Integer.compare(x[i], x[j])
                : bigT[i] != bigT[j]
                    ? Double.compare(bigT[i], bigT[j])
                    : tx[i] != tx[j]
                        ? Double.compare(tx[i], tx[j])
                        : Long.compare(counts[i], counts[j]));
    xs =
        Arrays.stream(distinct(Arrays.stream(x).asDoubleStream().toArray()))
            .mapToInt(v -> (int) v)
            .toArray();
    double[] allTimes = Arrays.copyOf(tx, 2 * size);
    System.arraycopy(bigT, 0, allTimes, size, size);
    times = distinct(allTimes);
    txPair = new int[size];
    tPair = new int[size];
    count = new double[size];
    // pairs are numbered per x group (the order is by x) through a time-indexed lookup that is
    // reset per group
    int[] pairOfTime = new int[times.length];
    Arrays.fill(pairOfTime, -1);
    int[] px = new int[2 * size];
    int[] pt = new int[2 * size];
    int pairs = 0;
    int groupStart = 0;
    int k = -1;
    long n = 0;
    for (int i = 0; i < size; i++) {
      int p = order[i];
      if (k < 0 || xs[k] != x[p]) {
        for (int j = groupStart; j < pairs; j++) {
          pairOfTime[pt[j]] = -1;
        }
        groupStart = pairs;
        k++;
      }
      for (int side = 0; side < 2; side++) {
        int t = Arrays.binarySearch(times, side == 0 ? tx[p] : bigT[p]);
        if (pairOfTime[t] < 0) {
          pairOfTime[t] = pairs;
          px[pairs] = k;
          pt[pairs] = t;
          pairs++;
        }
        (side == 0 ? txPair : tPair)[i] = pairOfTime[t];
      }
      count[i] = counts[p];
      n += counts[p];
    }
    customers = n;
    pairX = Arrays.copyOf(px, pairs);
    pairTime = Arrays.copyOf(pt, pairs);
  }

  private static double[] distinct(double[] values) {
    double[] v = values.clone();
    Arrays.sort(v);
    int m = 0;
    for (int i = 0; i < v.length; i++) {
      if (m == 0 || Double.compare(v[i], v[m - 1]) != 0) {
        v[m++] = v[i];
      }
    }
    return Arrays.copyOf(v, m);
  }

  /** The patterns in canonical order; duplicates are allowed and simply add up. */
  public static PatternSet of(List<Pattern> patterns) {
    Checks.check(!patterns.isEmpty(), "A pattern set needs at least one pattern");
    int n = patterns.size();
    int[] x = new int[n];
    double[] tx = new double[n];
    double[] bigT = new double[n];
    long[] counts = new long[n];
    for (int i = 0; i < n; i++) {
      Pattern p = patterns.get(i);
      x[i] = p.x();
      tx[i] = p.tx();
      bigT[i] = p.T();
      counts[i] = p.count();
    }
    return new PatternSet(x, tx, bigT, counts);
  }

  /** Number of patterns. */
  public int size() {
    return size;
  }

  /** Number of customers: the sum of the counts. */
  public long customers() {
    return customers;
  }

  /** Number of distinct (x, t) pairs, t a t_x or T of a pattern with that x. */
  int pairs() {
    return pairX.length;
  }

  int x(int i) {
    return xs[pairX[tPair[i]]];
  }

  double tx(int i) {
    return times[pairTime[txPair[i]]];
  }

  double bigT(int i) {
    return times[pairTime[tPair[i]]];
  }

  /** ln(shift + t) for each distinct time t. */
  double[] logShiftedTimes(double shift) {
    double[] out = new double[times.length];
    for (int j = 0; j < times.length; j++) {
      out[j] = Math.log(shift + times[j]);
    }
    return out;
  }

  /** ln(1 + t/scale) for each distinct time t, in {@link #times} order. */
  double[] log1pScaledTimes(double scale) {
    double[] out = new double[times.length];
    for (int j = 0; j < times.length; j++) {
      out[j] = Math.log1p(times[j] / scale);
    }
    return out;
  }

  /**
   * Σ over the patterns of {@code terms}; if the total is not finite, the first chunk at fault is
   * re-evaluated customer by customer with {@code model}, whose per-customer check then names the
   * (x, t_x, T) at fault.
   */
  double sum(Chunks.RangeSum terms, TransactionModel model) {
    double[] partial = Chunks.chunkSums(size, terms);
    double total = Chunks.total(partial);
    if (Double.isFinite(total)) {
      return total;
    }
    for (int i : Chunks.firstChunkNotFinite(partial, size)) {
      model.logLikelihood(x(i), tx(i), bigT(i));
    }
    throw new ModelException(
        String.format(
            Locale.ROOT,
            "%s ln L summed over %d patterns at %s is %s",
            model.name(),
            size,
            model,
            total));
  }

  /**
   * Σ count · ln(e^{h(x) + A1(x, T)} + e^{h(x) + d(x) + A1(x, t_x)}) with A1(x, t) = −r·ln(1 + t/α)
   * − x·ln(α + t): the likelihood shape that BG/NBD and MBG/NBD share (h the terms in x alone, d
   * the log drop-out term), with the per-(x, t) terms computed once per distinct pair and only the
   * log-sum-exp per pattern.
   */
  double betaGeometricSum(
      double r,
      double alpha,
      java.util.function.IntToDoubleFunction head,
      java.util.function.IntToDoubleFunction dropout,
      TransactionModel what) {
    int nx = xs.length;
    double[] h = new double[nx];
    double[] d = new double[nx];
    for (int k = 0; k < nx; k++) {
      h[k] = head.applyAsDouble(xs[k]);
      d[k] = dropout.applyAsDouble(xs[k]);
    }
    double[] logAlphaT = logShiftedTimes(alpha);
    double[] scaled = log1pScaledTimes(alpha);
    double[] atT = new double[pairs()];
    double[] atTx = new double[pairs()];
    for (int j = 0; j < atT.length; j++) {
      int k = pairX[j];
      int t = pairTime[j];
      double power = -r * scaled[t] - xs[k] * logAlphaT[t];
      atT[j] = h[k] + power;
      atTx[j] = h[k] + (d[k] + power);
    }
    return sum(
        (from, to) -> {
          double total = 0;
          for (int i = from; i < to; i++) {
            total += count[i] * LogMath.addExpForSum(atT[tPair[i]], atTx[txPair[i]]);
          }
          return total;
        },
        what);
  }
}
