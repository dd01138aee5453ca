package com.crmanalytics.config;

import static com.crmanalytics.config.ConfigValues.integer;
import static com.crmanalytics.config.ConfigValues.number;
import static com.crmanalytics.config.ConfigValues.wholeLong;

import com.crmanalytics.error.Errors;
import com.typesafe.config.Config;

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

  /**
   * Reads and validates the {@code churn} section (exit 2 naming key, value and what is allowed).
   */
  public static ChurnSettings from(Config c) {
    int horizon = integer(c, "churn.horizon-days");
    if (horizon < 1 || horizon > 3660) {
      throw Errors.badConfig(
          "churn.horizon-days", horizon, "a whole number of days from 1 to 3660");
    }
    double gain = number(c, "churn.min-auc-gain");
    if (!(gain >= 0 && gain < 0.5)) {
      throw Errors.badConfig(
          "churn.min-auc-gain",
          c.getValue("churn.min-auc-gain").unwrapped(),
          "a ROC AUC margin, 0 or more and below 0.5 (0.01 = one point)");
    }
    long seed = wholeLong(c, "churn.seed");
    double medium = number(c, "churn.risk-bands.medium-from");
    double high = number(c, "churn.risk-bands.high-from");
    if (!(medium > 0 && medium < high && high < 1)) {
      throw Errors.badConfig(
          "churn.risk-bands",
          c.getValue("churn.risk-bands").unwrapped(),
          "{ medium-from = m, high-from = h } with 0 < m < h < 1");
    }
    return new ChurnSettings(horizon, gain, seed, medium, high);
  }
}
