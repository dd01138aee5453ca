package com.crmanalytics.cli;

import com.crmanalytics.config.PipelineConfig;
import com.crmanalytics.pipeline.Stage;
import com.crmanalytics.value.ValueStage;
import picocli.CommandLine.Command;

/** {@code crm value --date D}: lifetime value and churn risk as of D. */
@Command(
    name = "value",
    mixinStandardHelpOptions = true,
    description = {
      "Write customer_value for business date D: purchase model, lifetime value and churn risk.",
      "Fits clv.model (bg-nbd or pareto-nbd) and Gamma-Gamma on customer_features of D, trains the churn"
          + " classifier, and writes customer_value for as_of_date = D and the fits to model_runs.",
      "Too little data or no convergence: exit 3 and nothing written."
    })
final class ValueCommand extends StageCommand {
  @Override
  Stage<?> stage(PipelineConfig config) {
    return ValueStage.from(config);
  }
}
