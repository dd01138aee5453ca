package com.crmanalytics.model;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The customers sharing one calibration pattern (x, t_x, T in the model's time unit), with what
 * customer equity needs of them: {@code count} customers, {@code sumMargin} = Σ margin ratio and
 * {@code sumMarginMx} = Σ margin ratio × m_x (currency units; m_x the mean repeat transaction
 * value, 0 when x = 0).
 *
 * <p>With Gamma-Gamma, Σ margin · E[M | x, m_x] over the pattern is w·sumMarginMx + (1 −
 * w)·mean·sumMargin with w = p·x/(p·x + q − 1), and mean·sumMargin when x = 0, so a pattern's CLV
 * total is that times the discounted expected transactions of one customer.
 */
public record CustomerAggregate(
    int x, double tx, double T, long count, double sumMargin, double sumMarginMx) {

  public CustomerAggregate {
    new Pattern(x, tx, T, count);
    Checks.check(
        Double.isFinite(sumMargin) && Double.isFinite(sumMarginMx),
        "Customer aggregate sums must be finite, got Σ margin %s and Σ margin·m_x %s (x=%s, t_x=%s, T=%s)",
        sumMargin,
        sumMarginMx,
        x,
        tx,
        T);
  }

  /** Σ margin · E[M] over the customers of this pattern, currency units. */
  double spend(GammaGamma spend) {
    double mean = spend.populationMean();
    if (x == 0) {
      return mean * sumMargin;
    }
    double w = spend.p() * x / (spend.p() * x + spend.q() - 1);
    return w * sumMarginMx + (1 - w) * mean * sumMargin;
  }

  /**
   * At most {@code max} aggregates: unchanged if there are no more than that, else merged into bins
   * of t_x and T (width doubling from 1/1024 of the longest T) and of x (x = 0 alone; x >= 1 on a
   * log scale that coarsens with the bins), each bin represented by its count-weighted mean x
   * (rounded), t_x and T and summed counts and sums.
   */
  static List<CustomerAggregate> coarsen(Collection<CustomerAggregate> in, int max) {
    Checks.check(max >= 1, "At most %s aggregates is not a valid cap", max);
    if (in.size() <= max) {
      return List.copyOf(in);
    }
    double maxT = in.stream().mapToDouble(CustomerAggregate::T).max().orElseThrow();
    for (int level = 0; ; level++) {
      double width = maxT * Math.pow(2, level) / 1024;
      double perLn = 64 / Math.pow(2, level);
      Map<List<Long>, double[]> bins = new LinkedHashMap<>();
      for (CustomerAggregate a : in) {
        long xBin = a.x == 0 ? -1 : (long) Math.floor(Math.log(a.x) * perLn);
        List<Long> key =
            List.of(xBin, (long) Math.floor(a.tx / width), (long) Math.floor(a.T / width));
        double[] s = bins.computeIfAbsent(key, k -> new double[6]);
        s[0] += a.count;
        s[1] += (double) a.x * a.count;
        s[2] += a.tx * a.count;
        s[3] += a.T * a.count;
        s[4] += a.sumMargin;
        s[5] += a.sumMarginMx;
      }
      if (bins.size() <= max || width > 2 * maxT && perLn < 1e-3) {
        List<CustomerAggregate> out = new ArrayList<>(bins.size());
        for (double[] s : bins.values()) {
          int x = (int) Math.round(s[1] / s[0]);
          double T = s[3] / s[0];
          double tx = x == 0 ? 0 : Math.min(T, s[2] / s[0]);
          out.add(new CustomerAggregate(x, tx, T, (long) s[0], s[4], s[5]));
        }
        return out;
      }
    }
  }
}
