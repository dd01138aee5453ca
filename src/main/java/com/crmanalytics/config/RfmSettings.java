package com.crmanalytics.config;

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
}
