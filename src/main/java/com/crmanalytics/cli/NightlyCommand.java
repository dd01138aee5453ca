package com.crmanalytics.cli;

import com.crmanalytics.job.NightlyJob;
import com.crmanalytics.pipeline.BusinessDates;
import java.time.Clock;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code crm nightly [--date D]}: {@code run} for schedulers, for yesterday unless told otherwise.
 */
@Command(
    name = "nightly",
    mixinStandardHelpOptions = true,
    description = {
      "The nightly run as jobs/nightly and schedulers call it: crm run for business date D.",
      "D defaults to yesterday in run.timezone (the only place the wall clock chooses a date).",
      "Exits 5 when another run holds the warehouse's lock."
    })
final class NightlyCommand implements Callable<Integer> {
  /** The clock that picks the default date; tests replace it. */
  static Clock clock = Clock.systemUTC();

  @Mixin GlobalOptions global;

  @Mixin FullOption fullOption;

  @Spec CommandSpec spec;

  @Option(
      names = "--date",
      paramLabel = "YYYY-MM-DD",
      description = "Business date (default: yesterday in run.timezone).")
  LocalDate date;

  @Override
  public Integer call() {
    return DatedCommand.execute(
        global,
        spec,
        config -> {
          if (date != null) {
            return date;
          }
          LocalDate yesterday = BusinessDates.yesterday(config.run().timezone(), clock);
          spec.commandLine()
              .getOut()
              .printf(
                  "nightly: business date %s (yesterday in %s)%n",
                  yesterday, config.run().timezone());
          return yesterday;
        },
        fullOption.full,
        NightlyJob::run);
  }
}
