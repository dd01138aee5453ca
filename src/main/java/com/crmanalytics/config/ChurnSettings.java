package com.crmanalytics.config;

/**
 * The {@code churn} section: the horizon of churn_probability, when the classifier may replace the
 * model's figure, and the risk bands.
 *
 * @param horizonDays churn_probability is the probability of no purchase in the horizonDays days
 *     after D
 * @param minAucGain the classifier is used only when its out-of-time ROC AUC beats the model's by
 *     this much
 * @param seed seed of the folds the classifier's calibration is measured on, so reruns are
 *     identical
 * @param mediumFrom churn probabilities from this value are "medium"
 * @param highFrom churn probabilities from this value are "high" (below mediumFrom: "low")
 */
public record ChurnSettings(
    int horizonDays, double minAucGain, long seed, double mediumFrom, double highFrom) {

  /** The risk band of a churn probability. */
  public String band(double p) {
    return p >= highFrom ? "high" : p >= mediumFrom ? "medium" : "low";
  }
}
