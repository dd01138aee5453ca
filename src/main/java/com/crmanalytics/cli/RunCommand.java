package com.crmanalytics.cli;

import com.crmanalytics.pipeline.RunContext;
import java.io.PrintWriter;
import picocli.CommandLine.Command;

/** {@code crm run --date D}: the nightly run, every stage in order. */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    description = {
      "The whole nightly run for business date D: ingest, features, segment (more stages join as they are built).",
      "Idempotent: running a date again leaves every table as one run does."
    })
final class RunCommand extends DatedCommand {
  @Override
  void stages(RunContext ctx, PrintWriter out) {
    IngestCommand.ingest(ctx, out);
    out.flush();
    FeaturesCommand.features(ctx, out);
    out.flush();
    SegmentCommand.segment(ctx, out);
    ValueCommand.value(ctx, out);
  }
}
