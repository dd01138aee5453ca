package com.crmanalytics.generate;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * Simulation time: seconds since {@code from} 00:00 (UTC, as the reference config reads timestamps
 * without an offset), the landing folder each instant belongs to, and fast ISO text for dates and
 * timestamps ({@code 2026-11-22}, {@code 2026-11-22 14:05:00}).
 */
final class Timeline {
  static final long DAY = 86_400L;
  static final long WEEK = 7 * DAY;

  /** Days past the end for which date text exists (bad rows dated in the future). */
  private static final int SLACK_DAYS = 60;

  private final LocalDate from;
  private final long end;
  private final int initialDay;
  private final int folders;
  private final String[] dayText;

  Timeline(GeneratorOptions options) {
    this.from = options.from();
    int days = (int) ChronoUnit.DAYS.between(options.from(), options.to()) + 1;
    this.end = days * DAY;
    this.initialDay = (int) ChronoUnit.DAYS.between(options.from(), options.initialLoad());
    this.folders = options.increments() + 1;
    this.dayText = new String[days + SLACK_DAYS];
    for (int d = 0; d < dayText.length; d++) {
      dayText[d] = from.plusDays(d).toString();
    }
  }

  /** The end of the period: the first second after {@code to}. */
  long end() {
    return end;
  }

  int folders() {
    return folders;
  }

  /** The landing folder (0 = initial load, k = k-th increment) holding an event at time t < end. */
  int folder(long t) {
    int day = (int) Math.floorDiv(t, DAY);
    return day <= initialDay ? 0 : day - initialDay;
  }

  /** The last instant (exclusive) that belongs in a folder. */
  long folderEnd(int folder) {
    return (initialDay + folder + 1) * DAY;
  }

  LocalDate folderDate(int folder) {
    return from.plusDays(initialDay + folder);
  }

  String date(long t) {
    return dayText[(int) Math.floorDiv(t, DAY)];
  }

  String timestamp(long t) {
    StringBuilder sb = new StringBuilder(19);
    appendTimestamp(sb, t);
    return sb.toString();
  }

  void appendTimestamp(StringBuilder sb, long t) {
    long day = Math.floorDiv(t, DAY);
    int s = (int) (t - day * DAY);
    sb.append(dayText[(int) day]).append(' ');
    two(sb, s / 3600);
    sb.append(':');
    two(sb, (s / 60) % 60);
    sb.append(':');
    two(sb, s % 60);
  }

  private static void two(StringBuilder sb, int v) {
    sb.append((char) ('0' + v / 10)).append((char) ('0' + v % 10));
  }

  /** Cents as a decimal text with two places: 1234 → "12.34", -5 → "-0.05". */
  static String money(long cents) {
    StringBuilder sb = new StringBuilder(12);
    if (cents < 0) {
      sb.append('-');
      cents = -cents;
    }
    sb.append(cents / 100).append('.');
    long c = cents % 100;
    sb.append((char) ('0' + c / 10)).append((char) ('0' + c % 10));
    return sb.toString();
  }
}
