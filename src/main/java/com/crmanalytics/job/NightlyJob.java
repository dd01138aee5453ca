package com.crmanalytics.job;

import com.crmanalytics.config.PipelineConfig;
import com.crmanalytics.features.FeaturesStage;
import com.crmanalytics.ingest.IngestStage;
import com.crmanalytics.pipeline.RunContext;
import com.crmanalytics.pipeline.Stage;
import com.crmanalytics.pipeline.StageRunner;
import com.crmanalytics.product.ProductStage;
import com.crmanalytics.report.ReportStage;
import com.crmanalytics.segment.SegmentStage;
import com.crmanalytics.value.ValueStage;
import java.io.PrintWriter;
import java.util.List;

/**
 * The nightly job: its stages in order, each built with its own settings, run by {@link
 * StageRunner} and closed by the {@code pipeline_runs} row of stage {@code run} — the one job
 * {@code crm run}, {@code crm nightly} and {@code crm backfill} share. A new stage is one class
 * implementing {@link Stage} and one line in {@link #stages}. (It lives above the stage packages,
 * not in {@code pipeline}, which the stages themselves use.)
 */
public final class NightlyJob {
  private NightlyJob() {}

  /** The stages of the nightly run, in the order they run. */
  public static List<Stage<?>> stages(PipelineConfig config) {
    return List.of(
        IngestStage.from(config),
        FeaturesStage.from(config),
        SegmentStage.from(config),
        ValueStage.from(config),
        ProductStage.from(config),
        ReportStage.from(config));
  }

  /**
   * Runs every stage for {@code ctx}'s business date, printing one line per stage (per source for
   * ingest) and the run's verdict to {@code out}; stops at the first failure and rethrows it.
   */
  public static void run(RunContext ctx, PrintWriter out) {
    new StageRunner(out).runJob(stages(ctx.config()), ctx);
  }
}
