package com.crmanalytics.cli;

import com.crmanalytics.config.PipelineConfig;
import com.crmanalytics.features.FeaturesStage;
import com.crmanalytics.pipeline.Stage;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code crm features --date D}: customer_features as of D from the silver tables. */
@Command(
    name = "features",
    mixinStandardHelpOptions = true,
    description = {
      "Write customer_features for business date D, from events on or before D only.",
      "One row per customer with an order on or before D; only the rows of as_of_date = D are replaced."
    })
final class FeaturesCommand extends StageCommand {
  @Mixin FullOption fullOption;

  @Override
  boolean full() {
    return fullOption.full;
  }

  @Override
  Stage<?> stage(PipelineConfig config) {
    return FeaturesStage.from(config);
  }
}
