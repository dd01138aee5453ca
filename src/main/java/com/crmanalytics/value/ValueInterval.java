package com.crmanalytics.value;

import com.crmanalytics.config.ClvSettings;
import com.crmanalytics.model.FitResult;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** The 90% interval of customer equity (pending the model package's interval class). */
final class ValueInterval {
  private ValueInterval() {}

  static Map<String, Double> compute(Dataset<Row> features, ModelChoice.Choice choice, FitResult spend, ClvSettings clv,
      Map<String, Double> summary) {
    return new LinkedHashMap<>();
  }
}
