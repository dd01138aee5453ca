package com.crmanalytics.value;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import com.crmanalytics.config.ClvSettings;
import com.crmanalytics.contract.CustomerFeatures;
import com.crmanalytics.contract.ModelRuns;
import com.crmanalytics.model.Clv;
import com.crmanalytics.model.CustomerAggregate;
import com.crmanalytics.model.EquityInterval;
import com.crmanalytics.model.FitResult;
import com.crmanalytics.model.ModelException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The 90% interval of customer equity (Σ clv) and of Σ clv_lifetime from the uncertainty of the
 * chosen transaction model's and Gamma-Gamma's parameters ({@link EquityInterval},
 * clv.interval-draws draws, clv.interval-seed), over the customers' (x, t_x, T) patterns with their
 * summed margin ratios and margin × m_x, aggregated in Spark. Customers first seen on D (T = 0)
 * have no pattern: the interval is scaled by Σ clv over the patterns' total, i.e. their share is
 * given the same relative uncertainty. Without a covariance of the parameters there is no interval
 * (a warning and interval.available = 0), never a made-up one.
 */
final class ValueInterval {
  private static final Logger LOG = LoggerFactory.getLogger(ValueInterval.class);

  private ValueInterval() {}

  /**
   * The interval metrics (sum_clv.p05, sum_clv.p95, sum_clv_lifetime.p05, .p95, interval.*) given
   * the run's totals.
   */
  static Map<String, Double> compute(
      Dataset<Row> features,
      ModelChoice.Choice choice,
      FitResult spend,
      ClvSettings clv,
      ValueGate.Totals totals) {
    Map<String, Double> metrics = new LinkedHashMap<>();
    Column margin = coalesce(col(CustomerFeatures.MARGIN_RATE), lit(clv.marginRate()));
    Column mx =
        when(
                col(CustomerFeatures.X).gt(0),
                greatest(coalesce(col(CustomerFeatures.M_X), lit(0.0)), lit(0.0)))
            .otherwise(0.0);
    List<CustomerAggregate> aggregates = new ArrayList<>();
    for (Row r :
        features
            .filter(col(CustomerFeatures.T).gt(0))
            .groupBy(CustomerFeatures.X, CustomerFeatures.T_X, CustomerFeatures.T)
            .agg(count(lit(1)), sum(margin), sum(margin.multiply(mx)))
            .collectAsList()) {
      aggregates.add(
          new CustomerAggregate(
              r.getInt(0),
              r.getDouble(1),
              r.getDouble(2),
              r.getLong(3),
              r.getDouble(4),
              r.getDouble(5)));
    }
    if (aggregates.isEmpty()) {
      metrics.put(ModelRuns.INTERVAL_AVAILABLE, 0.0);
      return metrics;
    }
    try {
      EquityInterval.Result r =
          EquityInterval.compute(
              choice.chosen().type(),
              choice.chosen().fit(),
              spend,
              new Clv(clv.horizonMonths(), clv.annualDiscountRate(), clv.timeUnit().days()),
              aggregates,
              clv.intervalDraws(),
              clv.intervalSeed(),
              EquityInterval.DEFAULT_MAX_PATTERNS);
      double scale = r.point() == 0 ? 1 : totals.sumClv() / r.point();
      double lifetimeScale =
          r.lifetimePoint() == 0 ? 1 : totals.sumClvLifetime() / r.lifetimePoint();
      metrics.put(ModelRuns.SUM_CLV + ModelRuns.P05, r.low() * scale);
      metrics.put(ModelRuns.SUM_CLV + ModelRuns.P95, r.high() * scale);
      metrics.put(ModelRuns.SUM_CLV_LIFETIME + ModelRuns.P05, r.lifetimeLow() * lifetimeScale);
      metrics.put(ModelRuns.SUM_CLV_LIFETIME + ModelRuns.P95, r.lifetimeHigh() * lifetimeScale);
      metrics.put(ModelRuns.INTERVAL_DRAWS, (double) r.draws());
      metrics.put(ModelRuns.INTERVAL_PATTERNS, (double) r.patterns());
      metrics.put(ModelRuns.INTERVAL_AVAILABLE, 1.0);
    } catch (ModelException e) {
      LOG.warn("value: no interval for customer equity: {}", e.getMessage());
      metrics.put(ModelRuns.INTERVAL_AVAILABLE, 0.0);
    }
    return metrics;
  }
}
