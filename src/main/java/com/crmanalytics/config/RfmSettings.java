package com.crmanalytics.config;

import static com.crmanalytics.config.ConfigValues.integer;

import com.crmanalytics.error.Errors;
import com.typesafe.config.Config;

/**
 * The {@code rfm} section: the window frequency and monetary are measured over, and the number of
 * score bins.
 *
 * @param windowDays days of history ending on D (D included)
 * @param bins scores run from 1 to bins (5 is classic RFM)
 */
public record RfmSettings(int windowDays, int bins) {
  public static final int MIN_BINS = 2;

  /** One digit per score keeps rfm_cell readable ("545"). */
  public static final int MAX_BINS = 9;

  /** Reads and validates the {@code rfm} section (exit 2 naming key, value and what is allowed). */
  public static RfmSettings from(Config c) {
    int window = integer(c, "rfm.window-days");
    if (window < 1) {
      throw Errors.badConfig("rfm.window-days", window, "a whole number of days, at least 1");
    }
    int bins = integer(c, "rfm.bins");
    if (bins < MIN_BINS || bins > MAX_BINS) {
      throw Errors.badConfig(
          "rfm.bins", bins, "a whole number from " + MIN_BINS + " to " + MAX_BINS);
    }
    return new RfmSettings(window, bins);
  }
}
