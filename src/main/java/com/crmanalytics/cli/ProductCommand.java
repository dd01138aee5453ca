package com.crmanalytics.cli;

import com.crmanalytics.config.PipelineConfig;
import com.crmanalytics.pipeline.Stage;
import com.crmanalytics.product.ProductStage;
import picocli.CommandLine.Command;

/**
 * {@code crm product --date D}: the products bought together and what to offer each customer, as of
 * D.
 */
@Command(
    name = "product",
    mixinStandardHelpOptions = true,
    description = {
      "Write product_affinity for as_of_date = D (products bought together: FP-Growth association rules over the "
          + "orders of the RFM window ending on D) and customer_recommendations for D (per customer, products not "
          + "bought yet that the rules point to), with the thresholds used in model_runs (model = fp-growth)."
    })
final class ProductCommand extends StageCommand {
  @Override
  Stage<?> stage(PipelineConfig config) {
    return ProductStage.from(config);
  }
}
