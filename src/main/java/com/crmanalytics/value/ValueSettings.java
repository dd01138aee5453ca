package com.crmanalytics.value;

import com.crmanalytics.config.ChurnSettings;
import com.crmanalytics.config.ClvSettings;
import com.crmanalytics.config.PipelineConfig;

/**
 * What the value stage reads of the configuration: the RFM window (the features it rebuilds for
 * earlier cutoffs use it), the {@code clv} section and the {@code churn} section.
 *
 * @param windowDays {@code rfm.window-days}
 */
public record ValueSettings(
    int windowDays,
    ClvSettings clv,
    ChurnSettings churn,
    String configHash,
    int incrementalFromCustomers) {
  public static ValueSettings from(PipelineConfig config) {
    return new ValueSettings(
        config.rfm().windowDays(),
        config.clv(),
        config.churn(),
        config.hash(),
        config.run().incrementalFromCustomers());
  }

  /** The churn horizon in the model's time unit. */
  double quietUnits() {
    return churn.horizonDays() / (double) clv.timeUnit().days();
  }
}
