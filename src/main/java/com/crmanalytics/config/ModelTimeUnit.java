package com.crmanalytics.config;

/** The time unit of the BTYD summary and models ({@code clv.time-unit}). */
public enum ModelTimeUnit {
  WEEK(7),
  DAY(1);

  private final int days;

  ModelTimeUnit(int days) {
    this.days = days;
  }

  /** Length of one unit in days. */
  public int days() {
    return days;
  }

  public String id() {
    return name().toLowerCase();
  }
}
