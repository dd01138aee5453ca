package com.crmanalytics.cli;

import com.crmanalytics.config.PipelineConfig;
import com.crmanalytics.pipeline.Stage;
import com.crmanalytics.segment.SegmentStage;
import picocli.CommandLine.Command;

/** {@code crm segment --date D}: RFM scores, named segments and pyramid tiers as of D. */
@Command(
    name = "segment",
    mixinStandardHelpOptions = true,
    description = {
      "Write customer_segments for business date D: RFM scores, named segment and pyramid tier.",
      "Reads customer_features of D; records the score breaks and tier cuts used in model_runs (model = rfm)."
    })
final class SegmentCommand extends StageCommand {
  @Override
  Stage<?> stage(PipelineConfig config) {
    return SegmentStage.from(config);
  }
}
