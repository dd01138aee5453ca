package com.crmanalytics.cli;

import com.crmanalytics.config.PipelineConfig;
import com.crmanalytics.pipeline.RunContext;
import com.crmanalytics.pipeline.Stage;
import com.crmanalytics.pipeline.StageRunner;
import java.io.PrintWriter;

/** A command that runs one stage of the nightly job for a business date. */
abstract class StageCommand extends DatedCommand {
  /** The command's stage, built with its settings from {@code config}. */
  abstract Stage<?> stage(PipelineConfig config);

  @Override
  final void stages(RunContext ctx, PrintWriter out) {
    new StageRunner(out).run(stage(ctx.config()), ctx);
  }
}
