package com.crmanalytics.cli;

import com.crmanalytics.pipeline.RunContext;
import com.crmanalytics.product.ProductStage;
import java.io.PrintWriter;
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
final class ProductCommand extends DatedCommand {
  @Override
  void stages(RunContext ctx, PrintWriter out) {
    product(ctx, out);
  }

  static void product(RunContext ctx, PrintWriter out) {
    ProductStage.Result r = ProductStage.run(ctx);
    out.printf("%-17s %-9s %s%n", ProductStage.STAGE, "succeeded", r.message());
  }
}
