package com.crmanalytics.cli;

import com.crmanalytics.job.NightlyJob;
import com.crmanalytics.pipeline.RunContext;
import java.io.PrintWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code crm run --date D}: the nightly run, every stage in order. */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    description = {
      "The whole nightly run for business date D: ingest, features, segment, value, product, report.",
      "Idempotent: running a date again leaves every table as one run does.",
      "Prints one line per stage and, at the end, where the report was written."
    })
final class RunCommand extends DatedCommand {
  @Mixin FullOption fullOption;

  @Override
  boolean full() {
    return fullOption.full;
  }

  @Override
  void stages(RunContext ctx, PrintWriter out) {
    NightlyJob.run(ctx, out);
  }
}
