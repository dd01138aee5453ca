package com.crmanalytics.cli;

import com.crmanalytics.pipeline.RunContext;
import com.crmanalytics.segment.SegmentStage;
import java.io.PrintWriter;
import picocli.CommandLine.Command;

/** {@code crm segment --date D}: RFM scores, named segments and pyramid tiers as of D. */
@Command(
    name = "segment",
    mixinStandardHelpOptions = true,
    description = {
      "Write customer_segments for business date D: RFM scores, named segment and pyramid tier.",
      "Reads customer_features of D; records the score breaks and tier cuts used in model_runs (model = rfm)."
    })
final class SegmentCommand extends DatedCommand {
  @Override
  void stages(RunContext ctx, PrintWriter out) {
    segment(ctx, out);
  }

  static void segment(RunContext ctx, PrintWriter out) {
    SegmentStage.Result r = SegmentStage.run(ctx);
    out.printf("%-17s %-9s %s%n", SegmentStage.STAGE, "succeeded", r.message());
  }
}
