package com.crmanalytics.cli;

import com.crmanalytics.contract.PipelineRuns;
import com.crmanalytics.pipeline.RunContext;
import com.crmanalytics.pipeline.RunLog.Counts;
import java.io.PrintWriter;
import java.time.Instant;
import picocli.CommandLine.Command;

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
  @Override
  void stages(RunContext ctx, PrintWriter out) {
    chain(ctx, out);
  }

  /**
   * Every stage of the nightly run, in order — the one chain {@code run}, {@code nightly} and
   * {@code backfill} share. Ends with a {@code pipeline_runs} row of stage {@code run}: succeeded
   * when every stage finished, failed (with the error) when one stopped the run.
   */
  static void chain(RunContext ctx, PrintWriter out) {
    Instant started = Instant.now();
    try {
      IngestCommand.ingest(ctx, out);
      out.flush();
      FeaturesCommand.features(ctx, out);
      out.flush();
      SegmentCommand.segment(ctx, out);
      out.flush();
      ValueCommand.value(ctx, out);
      out.flush();
      ProductCommand.product(ctx, out);
      out.flush();
      ReportCommand.report(ctx, out);
    } catch (RuntimeException e) {
      try {
        ctx.log()
            .record(
                PipelineRuns.RUN_STAGE,
                PipelineRuns.FAILED,
                started,
                Counts.NONE,
                String.valueOf(e.getMessage()));
      } catch (RuntimeException logFailed) {
        e.addSuppressed(logFailed);
      }
      throw e;
    }
    ctx.log()
        .record(
            PipelineRuns.RUN_STAGE,
            PipelineRuns.SUCCEEDED,
            started,
            Counts.NONE,
            "every stage finished");
    out.printf("run %s succeeded%n", ctx.runId());
  }
}
