package com.crmanalytics.value;

import com.crmanalytics.contract.ModelRuns;
import com.crmanalytics.model.FitResult;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the value stage computed for D as a whole: the counts, the fit's size, the totals over the
 * customers, the baseline and the interval of customer equity. {@link #metrics()} is the chosen
 * model's {@code model_runs.metrics} beyond its holdout and choice.
 *
 * @param repeatBuyers customers with at least one repeat purchase
 * @param transactions the chosen transaction model's fit
 * @param interval the interval metrics of customer equity ({@link ValueInterval})
 */
public record ValueSummary(
    long customers,
    long repeatBuyers,
    FitResult transactions,
    ValueGate.Totals totals,
    ValueBaseline.Estimate baseline,
    Map<String, Double> interval) {

  /** The summary as {@code model_runs} metrics, by name. */
  public Map<String, Double> metrics() {
    Map<String, Double> m = new LinkedHashMap<>(baseline.metrics());
    m.put("customers", (double) customers);
    m.put("repeat_buyers", (double) repeatBuyers);
    m.put("patterns", (double) transactions.patterns());
    m.put("evaluations", (double) transactions.evaluations());
    m.put(ModelRuns.SUM_CLV, totals.sumClv());
    m.put("sum_expected_purchases", totals.sumExpectedPurchases());
    m.put(ModelRuns.SUM_CLV_AT_RISK, totals.sumClvAtRisk());
    if (totals.sumClvBaseline() != null) {
      m.put("sum_clv_baseline", totals.sumClvBaseline());
    }
    m.put(ModelRuns.SUM_CLV_LIFETIME, totals.sumClvLifetime());
    m.put(ModelRuns.EXPECTED_LOST, totals.expectedLost());
    m.put(ModelRuns.EXPECTED_QUIET, totals.expectedQuiet());
    m.putAll(interval);
    return m;
  }
}
