package com.crmanalytics.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;

/**
 * A 90% interval for total customer equity (Σ CLV over the H-month horizon, and Σ lifetime CLV)
 * from the uncertainty of the fitted parameters: the parameters are drawn ({@link ParameterDraws}:
 * log-parameters from their asymptotic normal, the two fits independently), the total is recomputed
 * for each draw, and the interval is the 5% and 95% quantiles of the draws. It covers parameter
 * uncertainty only, not the luck of which customers buy (that averages out over a large base).
 *
 * <p>The H-month point total is computed at the estimates over every aggregate and equals the sum
 * of the customers' CLVs. To stay fast at millions of customers, each draw works on at most {@code
 * maxPatterns} aggregates (default {@value #DEFAULT_MAX_PATTERNS}, merged by {@link
 * CustomerAggregate#coarsen}) and the lifetime sum of a draw uses monthly steps for the H months
 * and then steps growing by {@value #LIFETIME_STEP_GROWTH} up to {@value Clv#LIFETIME_CAP_MONTHS}
 * months (about 40 evaluations of E(t) per aggregate and draw instead of up to 1,200). Both
 * shortcuts are corrected by ratio: a draw's total is the point total times (draw's approximate
 * total / approximate total at the estimates), so the approximations cancel at the estimates and
 * only shape the spread. The lifetime point is the exact monthly lifetime sum over the merged
 * aggregates, times the H-month merging ratio (point / merged H-month total); it is within about
 * 0.5% of the sum of the customers' lifetime values (tests). Cost: draws × maxPatterns × ~40
 * evaluations of E(t) plus maxPatterns × ≤ 1,200 for the lifetime point, whatever the number of
 * customers (a few seconds on two cores at the defaults).
 */
public final class EquityInterval {

  public static final int DEFAULT_DRAWS = 200;
  public static final int DEFAULT_MAX_PATTERNS = 500;
  static final double LIFETIME_STEP_GROWTH = 1.25;

  /**
   * Point totals and the 5% / 95% quantiles, currency units; {@code patterns} the aggregates used
   * per draw.
   */
  public record Result(
      double point,
      double low,
      double high,
      double lifetimePoint,
      double lifetimeLow,
      double lifetimeHigh,
      int draws,
      int patterns,
      long seed) {}

  private EquityInterval() {}

  /**
   * @param transactions the transaction model's fit, with the covariance of its log-parameters
   * @param spend the Gamma-Gamma fit, with the covariance of its log-parameters
   * @throws ModelException if a fit has no covariance (the interval is then undefined), or a
   *     pattern cannot be valued
   */
  public static Result compute(
      TransactionModelType type,
      FitResult transactions,
      FitResult spend,
      Clv clv,
      List<CustomerAggregate> aggregates,
      int draws,
      long seed,
      int maxPatterns) {
    Checks.check(draws >= 20, "An equity interval needs at least 20 draws, got %s", draws);
    Checks.check(!aggregates.isEmpty(), "An equity interval needs at least one customer aggregate");
    List<ParameterDraws.Draw> drawn =
        ParameterDraws.draw(type, transactions, spend, draws, seed, "customer equity");
    TransactionModel model = type.create(transactions.params());
    GammaGamma gg = GammaGamma.fromParams(spend.params());
    double[] grid = grid(clv);
    double point = 0;
    for (CustomerAggregate a : aggregates) {
      point += clv.value(model, a.x(), a.tx(), a.T(), 1, 1) * a.spend(gg);
    }
    List<CustomerAggregate> used = CustomerAggregate.coarsen(aggregates, maxPatterns);
    double[] atEstimate = totals(model, gg, used, clv, grid);
    double lifetimeExact = 0;
    for (CustomerAggregate a : used) {
      lifetimeExact += clv.lifetimeValue(model, a.x(), a.tx(), a.T(), 1, 1) * a.spend(gg);
    }
    // exact lifetime over the merged aggregates, corrected for the merging as the H-month total is
    double lifetimePoint =
        atEstimate[0] == 0 ? lifetimeExact : lifetimeExact * point / atEstimate[0];
    double[][] ratios = new double[2][draws];
    IntStream.range(0, draws)
        .parallel()
        .forEach(
            d -> {
              ParameterDraws.Draw p = drawn.get(d);
              double[] t = totals(p.transactions(), p.spend(), used, clv, grid);
              ratios[0][d] = atEstimate[0] == 0 ? 1 : t[0] / atEstimate[0];
              ratios[1][d] = atEstimate[1] == 0 ? 1 : t[1] / atEstimate[1];
            });
    return new Result(
        point,
        point * quantile(ratios[0], 0.05),
        point * quantile(ratios[0], 0.95),
        lifetimePoint,
        lifetimePoint * quantile(ratios[1], 0.05),
        lifetimePoint * quantile(ratios[1], 0.95),
        draws,
        used.size(),
        seed);
  }

  /**
   * With {@value #DEFAULT_DRAWS} draws and at most {@value #DEFAULT_MAX_PATTERNS} aggregates per
   * draw.
   */
  public static Result compute(
      TransactionModelType type,
      FitResult transactions,
      FitResult spend,
      Clv clv,
      List<CustomerAggregate> aggregates,
      long seed) {
    return compute(
        type, transactions, spend, clv, aggregates, DEFAULT_DRAWS, seed, DEFAULT_MAX_PATTERNS);
  }

  /** Months at which E(t) is evaluated: 1..H monthly, then growing steps up to the lifetime cap. */
  static double[] grid(Clv clv) {
    List<Double> months = new ArrayList<>();
    for (int k = 0; k <= clv.horizonMonths(); k++) {
      months.add((double) k);
    }
    double step = 1;
    double k = clv.horizonMonths();
    while (k < Clv.LIFETIME_CAP_MONTHS) {
      step *= LIFETIME_STEP_GROWTH;
      k = Math.min(Clv.LIFETIME_CAP_MONTHS, k + Math.ceil(step));
      months.add(k);
    }
    return months.stream().mapToDouble(Double::doubleValue).toArray();
  }

  /**
   * {H-month total, approximate lifetime total}: one E(t) per grid point and aggregate; beyond H
   * months each step's increment is discounted at the step's mid-point.
   */
  private static double[] totals(
      TransactionModel model, GammaGamma gg, List<CustomerAggregate> used, Clv clv, double[] grid) {
    double v = 1 / (1 + Clv.monthlyRate(clv.annualDiscountRate()));
    double month = clv.monthInUnits();
    int h = clv.horizonMonths();
    double horizon = 0;
    double lifetime = 0;
    for (CustomerAggregate a : used) {
      double spendSum = a.spend(gg);
      double previous = 0;
      double near = 0;
      double far = 0;
      for (int i = 1; i < grid.length; i++) {
        double e = model.expectedTransactions(a.x(), a.tx(), a.T(), grid[i] * month);
        if (i <= h) {
          near += (e - previous) * Math.pow(v, grid[i]);
        } else {
          far += (e - previous) * Math.pow(v, (grid[i - 1] + 1 + grid[i]) / 2);
        }
        previous = e;
      }
      horizon += near * spendSum;
      lifetime += (near + far) * spendSum;
    }
    return new double[] {horizon, lifetime};
  }

  /** Linear interpolation between order statistics (R's type 7). */
  static double quantile(double[] values, double p) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    double h = (sorted.length - 1) * p;
    int lo = (int) Math.floor(h);
    int hi = Math.min(sorted.length - 1, lo + 1);
    double q = sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
    return Checks.finite(
        q,
        String.format(Locale.ROOT, "%.0f%% quantile of %d equity draws", 100 * p, values.length));
  }
}
