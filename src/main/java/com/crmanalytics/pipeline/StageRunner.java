package com.crmanalytics.pipeline;

import com.crmanalytics.contract.PipelineRuns;
import com.crmanalytics.pipeline.RunLog.Counts;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;
import org.apache.spark.SparkContext;

/**
 * Runs stages: names the Spark job group after the stage (and always clears it), times the stage,
 * writes its {@code pipeline_runs} row (succeeded, or failed with the error's message), unpersists
 * what it cached ({@link RunContext#persist}) and prints its one line, {@code <stage> <status>
 * <message>}, for the user. Failures print nothing here: the command prints the error.
 */
public final class StageRunner {
  private final PrintWriter out;

  /** A runner printing each stage's line to {@code out}. */
  public StageRunner(PrintWriter out) {
    this.out = out;
  }

  /** Runs one stage for {@code ctx} and returns what it did; rethrows its failure once logged. */
  public <R extends StageResult> R run(Stage<R> stage, RunContext ctx) {
    SparkContext spark = ctx.spark().sparkContext();
    spark.setJobGroup(stage.name(), stage.name() + " " + ctx.businessDate(), false);
    RunContext.Scope scope = ctx.open(this);
    try {
      if (stage.reportsParts()) {
        return stage.run(ctx);
      }
      return logged(ctx, stage.name(), stage.name(), () -> stage.run(ctx));
    } finally {
      scope.close();
      spark.clearJobGroup();
    }
  }

  /**
   * Runs {@code work} as one logged unit: a {@code pipeline_runs} row of stage {@code row} with the
   * result's status, counts and message (or failed with the error's message), and the line {@code
   * label status message}.
   */
  <R extends StageResult> R logged(RunContext ctx, String row, String label, Supplier<R> work) {
    Instant started = Instant.now();
    R result;
    try {
      result = work.get();
    } catch (RuntimeException e) {
      recordFailure(ctx, row, started, e, e.getMessage());
      throw e;
    }
    // Parts may run at once (ingest's sources): one writer of the run log and the output at a time.
    synchronized (this) {
      ctx.log().record(row, result.status(), started, result.counts(), result.message());
      out.printf("%-17s %-9s %s%n", label, result.status(), result.message());
      result.notes().forEach(out::println);
      out.flush();
    }
    return result;
  }

  /**
   * Writes the failed row of {@code row}; a run log that cannot be written either does not hide the
   * failure, it is attached to it.
   */
  private synchronized void recordFailure(
      RunContext ctx, String row, Instant started, RuntimeException e, String message) {
    try {
      ctx.log().record(row, PipelineRuns.FAILED, started, Counts.NONE, message);
    } catch (RuntimeException logFailed) {
      e.addSuppressed(logFailed);
    }
  }

  /**
   * Runs {@code stages} in order as one job — the nightly run — stopping at the first failure, and
   * ends with a {@code pipeline_runs} row of stage {@code run}: succeeded when every stage
   * finished, failed (with the error) when one stopped the run. {@code backfill --resume} trusts
   * that row alone.
   */
  public void runJob(List<Stage<?>> stages, RunContext ctx) {
    Instant started = Instant.now();
    try {
      for (Stage<?> stage : stages) {
        run(stage, ctx);
      }
    } catch (RuntimeException e) {
      recordFailure(ctx, PipelineRuns.RUN_STAGE, started, e, String.valueOf(e.getMessage()));
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
    out.flush();
  }
}
