package com.crmanalytics.pipeline;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * The one place where the wall clock picks a business date: the nightly default, yesterday in
 * {@code run.timezone}. Every other date comes from the command line.
 */
public final class BusinessDates {
  private BusinessDates() {}

  /** The day before today, where today is the clock's date in {@code zone}. */
  public static LocalDate yesterday(ZoneId zone, Clock clock) {
    return LocalDate.now(clock.withZone(zone)).minusDays(1);
  }
}
