package com.crmanalytics.generate;

import com.crmanalytics.error.Errors;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * What to generate: how many customers, over which dates, with which seed, into which folder and
 * format, with how many daily increments after the initial load, and at what rate of bad rows.
 */
public record GeneratorOptions(
    long customers,
    LocalDate from,
    LocalDate to,
    long seed,
    Path out,
    ExtractFormat format,
    double badRowRate,
    int increments,
    GeneratorParams params) {

  public static final int DEFAULT_INCREMENTS = 7;

  /** Checks the options; a problem is a usage error naming the option. */
  public GeneratorOptions {
    if (customers < 1 || customers > 100_000_000L) {
      throw Errors.usage("--customers must be between 1 and 100000000, got " + customers);
    }
    if (!to.isAfter(from)) {
      throw Errors.usage("--to (" + to + ") must be after --from (" + from + ")");
    }
    if (increments < 0) {
      throw Errors.usage("--increments must be 0 or more, got " + increments);
    }
    if (!to.minusDays(increments).isAfter(from.minusDays(1))) {
      throw Errors.usage(
          "--increments "
              + increments
              + " leaves no initial load: the period "
              + from
              + " .. "
              + to
              + " has only "
              + (ChronoUnit.DAYS.between(from, to) + 1)
              + " days");
    }
    if (!(badRowRate >= 0 && badRowRate <= 0.5)) {
      throw Errors.usage("--bad-rows must be a rate between 0 and 0.5, got " + badRowRate);
    }
    check("--r", params.r());
    check("--alpha", params.alpha());
    check("--a", params.a());
    check("--b", params.b());
    check("--spend-p", params.p());
    check("--spend-gamma", params.gamma());
    if (!(params.q() > 1)) {
      throw Errors.usage(
          "--spend-q must be above 1 (the mean spend γ·p/(q−1) is undefined otherwise), got "
              + params.q());
    }
  }

  private static void check(String option, double value) {
    if (!(value > 0) || Double.isInfinite(value)) {
      throw Errors.usage(option + " must be a positive number, got " + value);
    }
  }

  /** The date of the initial-load folder: {@code to − increments} days. */
  public LocalDate initialLoad() {
    return to.minusDays(increments);
  }
}
