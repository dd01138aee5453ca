package com.crmanalytics.model;

import java.util.Map;
import java.util.TreeMap;

/**
 * The tracking curve of a transaction model (Fader, Hardie &amp; Lee 2005, Figure 4): the
 * cumulative repeat transactions a group of customers is expected to make by each point in calendar
 * time, from the model's E[X(t)] for a customer acquired t time units earlier. Times are in the
 * model's unit from any fixed origin.
 */
public final class Tracking {
  private Tracking() {}

  /**
   * Expected cumulative repeat transactions at each of {@code at}: Σ over customers of E[X(max(0, t
   * − s_i))], s_i the customer's first purchase; customers sharing a first-purchase time are
   * computed once.
   */
  public static double[] expectedCumulative(
      TransactionModel model, double[] firstPurchases, double[] at) {
    Map<Double, Integer> cohorts = new TreeMap<>();
    for (double s : firstPurchases) {
      Checks.check(Double.isFinite(s), "first purchase time must be finite, got %s", s);
      cohorts.merge(s, 1, Integer::sum);
    }
    double[] expected = new double[at.length];
    for (int k = 0; k < at.length; k++) {
      double sum = 0;
      for (Map.Entry<Double, Integer> c : cohorts.entrySet()) {
        double age = at[k] - c.getKey();
        if (age > 0) {
          sum += c.getValue() * model.expectedTransactionsNewCustomer(age);
        }
      }
      expected[k] = sum;
    }
    return expected;
  }
}
