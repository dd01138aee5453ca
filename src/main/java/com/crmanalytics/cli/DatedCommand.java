package com.crmanalytics.cli;

import com.crmanalytics.config.PipelineConfig;
import com.crmanalytics.pipeline.RunContext;
import java.io.PrintWriter;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** A command that runs one or more stages for a business date. */
abstract class DatedCommand implements Callable<Integer> {
  @Mixin GlobalOptions global;

  @Spec CommandSpec spec;

  @Option(
      names = "--date",
      required = true,
      paramLabel = "YYYY-MM-DD",
      description = "Business date: the extracts of this date are read, and nothing after it is used.")
  LocalDate date;

  @Override
  public final Integer call() {
    PipelineConfig config = global.config();
    RunContext ctx = RunContext.start(date, config, global.warehouse(config), VersionProvider.version());
    PrintWriter out = spec.commandLine().getOut();
    out.printf("run %s for %s (warehouse %s)%n", ctx.runId(), date, ctx.warehouse().root());
    stages(ctx, out);
    out.flush();
    return 0;
  }

  /** Runs the stages, printing one line per stage outcome. */
  abstract void stages(RunContext ctx, PrintWriter out);
}
