package com.crmanalytics.config;

import static com.crmanalytics.config.ConfigValues.number;

import com.crmanalytics.error.Errors;
import com.typesafe.config.Config;

/**
 * The {@code quality} section: the gate ingest applies to each source.
 *
 * @param maxRejectRatio a source whose quarantined share of the rows with a customer is above this
 *     is refused whole (exit 3)
 */
public record QualitySettings(double maxRejectRatio) {
  /** Reads and validates the section (exit 2 naming key, value and what is allowed). */
  public static QualitySettings from(Config c) {
    double ratio = number(c, "quality.max-reject-ratio");
    if (!(ratio >= 0 && ratio <= 1)) {
      throw Errors.badConfig(
          "quality.max-reject-ratio",
          c.getValue("quality.max-reject-ratio").unwrapped(),
          "a number from 0 to 1");
    }
    return new QualitySettings(ratio);
  }
}
