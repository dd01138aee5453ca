package com.crmanalytics.cli;

import com.crmanalytics.config.PipelineConfig;
import com.crmanalytics.error.Errors;
import com.crmanalytics.io.Warehouse;
import com.crmanalytics.io.WarehouseLock;
import com.crmanalytics.job.NightlyJob;
import com.crmanalytics.pipeline.RunContext;
import com.crmanalytics.pipeline.RunHistory;
import java.io.PrintWriter;
import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code crm backfill --from D1 --to D2 [--resume]}: {@code run} for each date, in order. */
@Command(
    name = "backfill",
    mixinStandardHelpOptions = true,
    description = {
      "Run the whole nightly run for every date from D1 to D2 (inclusive), oldest first.",
      "All dates run under one warehouse lock; the first failure stops the backfill with its exit code.",
      "With --resume, a date is skipped when its last run (the last 'run' row in pipeline_runs, whatever"
          + " single stages ran after it) succeeded with no stage failed or rejected."
    })
final class BackfillCommand implements Callable<Integer> {
  @Mixin GlobalOptions global;

  @Mixin FullOption fullOption;

  @Spec CommandSpec spec;

  @Option(
      names = "--from",
      required = true,
      paramLabel = "YYYY-MM-DD",
      description = "First business date.")
  LocalDate from;

  @Option(
      names = "--to",
      required = true,
      paramLabel = "YYYY-MM-DD",
      description = "Last business date (inclusive).")
  LocalDate to;

  @Option(
      names = "--resume",
      description =
          "Skip the dates whose last run succeeded (single stages run later do not count).")
  boolean resume;

  @Override
  public Integer call() {
    if (to.isBefore(from)) {
      throw Errors.usage("backfill: --to " + to + " is before --from " + from);
    }
    PipelineConfig config = global.config();
    Warehouse warehouse = global.warehouse(config);
    PrintWriter out = spec.commandLine().getOut();
    int ran = 0;
    int skipped = 0;
    try (WarehouseLock lock = DatedCommand.lock(warehouse, "backfill " + from + ".." + to, spec)) {
      Map<LocalDate, String> done = resume ? RunHistory.succeeded(warehouse, from, to) : Map.of();
      for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
        if (done.containsKey(d)) {
          out.printf("backfill %s skipped: run %s succeeded%n", d, done.get(d));
          skipped++;
          continue;
        }
        RunContext started = RunContext.start(d, config, warehouse, VersionProvider.version());
        RunContext ctx = fullOption.full ? started.full() : started;
        out.printf("run %s for %s (warehouse %s)%n", ctx.runId(), d, warehouse.root());
        out.flush();
        try {
          NightlyJob.run(ctx, out);
        } catch (RuntimeException e) {
          out.printf(
              "backfill stopped at %s after %d run(s); later dates not run (continue with --resume)%n",
              d, ran);
          out.flush();
          throw e;
        }
        ran++;
      }
    }
    out.printf("backfill %s..%s: %d run, %d skipped%n", from, to, ran, skipped);
    out.flush();
    return 0;
  }
}
