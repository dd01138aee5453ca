package com.crmanalytics.cli;

import com.crmanalytics.features.FeaturesStage;
import com.crmanalytics.pipeline.RunContext;
import java.io.PrintWriter;
import picocli.CommandLine.Command;

/** {@code crm features --date D}: customer_features as of D from the silver tables. */
@Command(
    name = "features",
    mixinStandardHelpOptions = true,
    description = {
      "Write customer_features for business date D, from events on or before D only.",
      "One row per customer with an order on or before D; only the rows of as_of_date = D are replaced."
    })
final class FeaturesCommand extends DatedCommand {
  @Override
  void stages(RunContext ctx, PrintWriter out) {
    features(ctx, out);
  }

  static void features(RunContext ctx, PrintWriter out) {
    FeaturesStage.Result r = FeaturesStage.run(ctx);
    out.printf("%-17s %-9s %s%n", FeaturesStage.STAGE, "succeeded", r.message());
  }
}
