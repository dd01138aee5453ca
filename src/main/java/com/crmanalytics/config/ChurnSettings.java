package com.crmanalytics.config;

/**
 * The {@code churn} section: the churn classifier's label horizon, train/test split and risk bands.
 *
 * @param horizonDays a customer has churned when it makes no purchase in the horizonDays after a cutoff
 * @param trainShare share of customers (0..1, exclusive) the classifier is trained on; the rest measure it
 * @param seed seed of the customer split and of the classifier, so reruns are identical
 * @param mediumFrom churn probabilities from this value are "medium"
 * @param highFrom churn probabilities from this value are "high" (below mediumFrom: "low")
 */
public record ChurnSettings(int horizonDays, double trainShare, long seed, double mediumFrom, double highFrom) {

  /** The risk band of a churn probability. */
  public String band(double p) {
    return p >= highFrom ? "high" : p >= mediumFrom ? "medium" : "low";
  }
}
