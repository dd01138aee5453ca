package com.crmanalytics.value;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import com.crmanalytics.config.ClvSettings;
import com.crmanalytics.contract.CustomerFeatures;
import com.crmanalytics.contract.CustomerValue;
import com.crmanalytics.contract.ModelRuns;
import com.crmanalytics.contract.Orders;
import com.crmanalytics.io.Warehouse;
import com.crmanalytics.model.RetentionBaseline;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Gupta &amp; Lehmann baseline clv_baseline: the retention of the last two rfm windows measured
 * from silver orders as of D. Available only when both windows are fully covered by data (the first
 * order is on or before D − 2W) and somebody bought in the previous window; otherwise null for
 * everyone, with the reason in model_runs.
 */
public final class ValueBaseline {
  private static final Logger LOG = LoggerFactory.getLogger(ValueBaseline.class);

  private ValueBaseline() {}

  /**
   * The baseline of D and what was measured for it.
   *
   * @param perWindowMargin what one currency unit of window margin is worth, or null when the
   *     baseline is not available
   * @param metrics the counts, the rates, baseline.available and the reason it is not available
   */
  public record Estimate(Double perWindowMargin, Map<String, Double> metrics) {
    boolean available() {
      return perWindowMargin != null;
    }
  }

  /** The baseline of D from the silver orders of the two RFM windows ending on D. */
  static Estimate estimate(Warehouse wh, LocalDate d, int windowDays, ClvSettings clv) {
    Map<String, Double> metrics = new LinkedHashMap<>();
    return new Estimate(perWindowMargin(wh, d, windowDays, clv, metrics), metrics);
  }

  /**
   * What one currency unit of window margin is worth under the baseline, or null when it is not
   * available, recording the counts, the rates, baseline.available and the reason in {@code
   * metrics}.
   */
  private static Double perWindowMargin(
      Warehouse wh, LocalDate d, int windowDays, ClvSettings clv, Map<String, Double> metrics) {
    WindowRetention.Counts counts =
        WindowRetention.measure(wh.read(Orders.CONTRACT), d, windowDays);
    metrics.put(
        ModelRuns.BASELINE_PREVIOUS_WINDOW_CUSTOMERS, (double) counts.previousWindowCustomers());
    metrics.put(ModelRuns.BASELINE_RETAINED_CUSTOMERS, (double) counts.retainedCustomers());
    LocalDate start = d.minusDays(2L * windowDays);
    if (counts.firstDay() == null || counts.firstDay().isAfter(start)) {
      LOG.warn(
          "value: clv_baseline is null: the data start on {}, after {}, so the previous window ({}, {}] is not "
              + "fully covered",
          counts.firstDay(),
          start,
          start,
          d.minusDays(windowDays));
      return unavailable(metrics, ModelRuns.BASELINE_HISTORY_TOO_SHORT);
    }
    if (counts.previousWindowCustomers() == 0) {
      LOG.warn(
          "value: clv_baseline is null: nobody bought in the previous window ({}, {}]",
          start,
          d.minusDays(windowDays));
      return unavailable(metrics, ModelRuns.BASELINE_NO_PREVIOUS_BUYERS);
    }
    RetentionBaseline baseline =
        new RetentionBaseline(counts.share(), windowDays, clv.annualDiscountRate());
    metrics.put(ModelRuns.BASELINE_WINDOW_RETENTION_RATE, baseline.windowRetention());
    metrics.put(ModelRuns.BASELINE_RETENTION_RATE, baseline.yearlyRetention());
    if (!baseline.defined()) {
      LOG.warn(
          "value: clv_baseline is null: retention rate {} with discount rate {} makes m·r/(1+d−r) infinite",
          baseline.yearlyRetention(),
          clv.annualDiscountRate());
      return unavailable(metrics, ModelRuns.BASELINE_UNDEFINED);
    }
    metrics.put(ModelRuns.BASELINE_AVAILABLE, 1.0);
    return baseline.value(1.0);
  }

  private static Double unavailable(Map<String, Double> metrics, String reason) {
    metrics.put(ModelRuns.BASELINE_AVAILABLE, 0.0);
    metrics.put(reason, 1.0);
    return null;
  }

  /**
   * Adds clv_baseline = window net revenue × the margin ratio clv uses ({@code margin}) × {@code
   * perWindowMargin} (the baseline is linear in the margin), or null for everyone when {@code
   * perWindowMargin} is null.
   */
  static Dataset<Row> add(Dataset<Row> scored, Column margin, Double perWindowMargin) {
    Column value =
        perWindowMargin == null
            ? lit(null).cast("double")
            : col(CustomerFeatures.MONETARY)
                .cast("double")
                .multiply(margin)
                .multiply(lit(perWindowMargin));
    return scored.withColumn(CustomerValue.CLV_BASELINE, value);
  }
}
