package com.crmanalytics.model;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/**
 * The existing customers' purchases and revenue period by period (month by month in the pipeline):
 * for period k, Σ over customers of E[X(t_k) | x, t_x, T] − E[X(t_{k−1}) | x, t_x, T], t_k = k
 * periods after the end of the history, from the fitted transaction model's conditional
 * expectation; revenue is each customer's purchases times their Gamma-Gamma expected spend. It
 * works per distinct pattern ({@link CustomerAggregate}: customers sharing (x, t_x, T), with their
 * count and Σ m_x), so the cost does not grow with the number of customers; customers first seen at
 * the end of the history (T = 0, no pattern yet) expect E[X(t)] of a new customer at the
 * population's mean spend, as the value stage scores them. Undiscounted: these are the purchases
 * and revenue to expect, not their present value.
 *
 * <p>The 90% interval per period comes from the parameter uncertainty, drawn exactly as for
 * customer equity ({@link ParameterDraws}, same count and seed: the same draws), with the same
 * shortcut as {@link EquityInterval}: each draw works on at most {@code maxPatterns} merged
 * aggregates and its period values are the point values times (draw's value / value at the
 * estimates) over those aggregates. It covers the parameters only, not the luck of which customers
 * buy.
 */
public final class Forecast {

  /**
   * One period: 1 = the first after the end of the history; expected purchases and revenue
   * (currency units) with their 5% and 95% quantiles (NaN without an interval).
   */
  public record Period(
      int period,
      double purchases,
      double purchasesLow,
      double purchasesHigh,
      double revenue,
      double revenueLow,
      double revenueHigh) {}

  /**
   * The periods in order, and the draws and aggregates per draw behind the interval (0 if none).
   */
  public record Result(List<Period> periods, int draws, int patterns) {

    /** Σ purchases over the periods. */
    public double totalPurchases() {
      return periods.stream().mapToDouble(Period::purchases).sum();
    }

    /** Σ revenue over the periods. */
    public double totalRevenue() {
      return periods.stream().mapToDouble(Period::revenue).sum();
    }

    public boolean hasInterval() {
      return draws > 0;
    }
  }

  private Forecast() {}

  /**
   * The point forecast, without an interval.
   *
   * @param aggregates the customers' patterns; {@code sumMarginMx} / {@code sumMargin} are read as
   *     Σ m_x / Σ 1 (build them with margin 1 for revenue)
   * @param newCustomers customers first seen at the end of the history (T = 0)
   * @param periodUnits the length of one period in the model's time unit
   */
  public static Result point(
      TransactionModel model,
      GammaGamma spend,
      List<CustomerAggregate> aggregates,
      long newCustomers,
      double periodUnits,
      int periods) {
    check(aggregates, newCustomers, periodUnits, periods);
    double[][] v = sums(model, spend, aggregates, newCustomers, periodUnits, periods);
    List<Period> out = new ArrayList<>(periods);
    for (int k = 0; k < periods; k++) {
      out.add(new Period(k + 1, v[0][k], Double.NaN, Double.NaN, v[1][k], Double.NaN, Double.NaN));
    }
    return new Result(out, 0, 0);
  }

  /**
   * The forecast at the estimates with the 90% interval of each period from {@code draws} parameter
   * draws.
   *
   * @throws ModelException if a fit has no covariance (no interval can be drawn)
   */
  public static Result withInterval(
      TransactionModelType type,
      FitResult transactions,
      FitResult spend,
      List<CustomerAggregate> aggregates,
      long newCustomers,
      double periodUnits,
      int periods,
      int draws,
      long seed,
      int maxPatterns) {
    check(aggregates, newCustomers, periodUnits, periods);
    Checks.check(draws >= 20, "A forecast interval needs at least 20 draws, got %s", draws);
    List<ParameterDraws.Draw> drawn =
        ParameterDraws.draw(type, transactions, spend, draws, seed, "the forecast");
    TransactionModel model = type.create(transactions.params());
    GammaGamma gg = GammaGamma.fromParams(spend.params());
    double[][] point = sums(model, gg, aggregates, newCustomers, periodUnits, periods);
    List<CustomerAggregate> used =
        aggregates.isEmpty() ? aggregates : CustomerAggregate.coarsen(aggregates, maxPatterns);
    double[][] atEstimate = sums(model, gg, used, newCustomers, periodUnits, periods);
    // ratios[d][0][k] purchases, ratios[d][1][k] revenue: the draw's value over the estimate's
    double[][][] ratios = new double[draws][][];
    IntStream.range(0, draws)
        .parallel()
        .forEach(
            d -> {
              ParameterDraws.Draw p = drawn.get(d);
              double[][] v =
                  sums(p.transactions(), p.spend(), used, newCustomers, periodUnits, periods);
              for (int s = 0; s < 2; s++) {
                for (int k = 0; k < periods; k++) {
                  v[s][k] = atEstimate[s][k] == 0 ? 1 : v[s][k] / atEstimate[s][k];
                }
              }
              ratios[d] = v;
            });
    List<Period> out = new ArrayList<>(periods);
    for (int k = 0; k < periods; k++) {
      double[] purchases = new double[draws];
      double[] revenue = new double[draws];
      for (int d = 0; d < draws; d++) {
        purchases[d] = ratios[d][0][k];
        revenue[d] = ratios[d][1][k];
      }
      out.add(
          new Period(
              k + 1,
              point[0][k],
              point[0][k] * EquityInterval.quantile(purchases, 0.05),
              point[0][k] * EquityInterval.quantile(purchases, 0.95),
              point[1][k],
              point[1][k] * EquityInterval.quantile(revenue, 0.05),
              point[1][k] * EquityInterval.quantile(revenue, 0.95)));
    }
    return new Result(out, draws, used.size());
  }

  /** {purchases per period, revenue per period} summed over the aggregates. */
  private static double[][] sums(
      TransactionModel model,
      GammaGamma spend,
      List<CustomerAggregate> aggregates,
      long newCustomers,
      double periodUnits,
      int periods) {
    double[][] out = new double[2][periods];
    double previousNew = 0;
    for (int k = 1; k <= periods && newCustomers > 0; k++) {
      double e = model.expectedTransactionsNewCustomer(k * periodUnits);
      double step =
          Checks.finite(e - previousNew, "%s expected purchases of a new customer", model.name());
      out[0][k - 1] += step * newCustomers;
      out[1][k - 1] += step * newCustomers * spend.populationMean();
      previousNew = e;
    }
    for (CustomerAggregate a : aggregates) {
      double spendSum = a.spend(spend);
      double previous = 0;
      for (int k = 1; k <= periods; k++) {
        double e = model.expectedTransactions(a.x(), a.tx(), a.T(), k * periodUnits);
        double step =
            Checks.finite(
                e - previous,
                "%s expected purchases in period %s of (x=%s, t_x=%s, T=%s)",
                model.name(),
                k,
                a.x(),
                a.tx(),
                a.T());
        out[0][k - 1] += step * a.count();
        out[1][k - 1] += step * spendSum;
        previous = e;
      }
    }
    return out;
  }

  private static void check(
      List<CustomerAggregate> aggregates, long newCustomers, double periodUnits, int periods) {
    Checks.check(newCustomers >= 0, "New customers must be >= 0, got %s", newCustomers);
    Checks.check(
        !aggregates.isEmpty() || newCustomers > 0, "A forecast needs at least one customer");
    Checks.check(
        Double.isFinite(periodUnits) && periodUnits > 0,
        "A forecast period must be > 0 time units, got %s",
        periodUnits);
    Checks.check(periods >= 1, "A forecast needs at least one period, got %s", periods);
  }
}
