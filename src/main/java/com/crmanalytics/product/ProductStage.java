package com.crmanalytics.product;

import com.crmanalytics.config.PipelineConfig;
import com.crmanalytics.config.ProductSettings;
import com.crmanalytics.contract.CustomerRecommendations;
import com.crmanalytics.contract.ModelRuns;
import com.crmanalytics.contract.Orders;
import com.crmanalytics.contract.ProductAffinity;
import com.crmanalytics.io.Warehouse;
import com.crmanalytics.pipeline.RunContext;
import com.crmanalytics.pipeline.Stage;
import com.crmanalytics.pipeline.StageResult;
import java.sql.Date;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;

/**
 * Stage {@code product}: from silver {@code orders} of the RFM window ending on D, mines the
 * products bought together with MLlib FP-Growth and writes {@code product_affinity} for D (the
 * rules, with exact order counts, support, confidence and lift), {@code customer_recommendations}
 * for D (per identified customer, the top-N products never bought on or before D that the rules
 * firing on the customer's window purchases point to) and the {@code model_runs} row {@code
 * fp-growth} (thresholds and counts). A basket is the distinct product_ids of one order; returns
 * and lines without a product are in no basket; orders of unidentified buyers are baskets too;
 * orders with more than product.max-basket-products products are left out and counted. Only rows
 * dated on or before D are read: a rerun of an old date gives that date's answer. The lines come
 * from {@link ProductLines}, the rules from {@link AffinityMining}, the recommendations from {@link
 * Recommendations}.
 */
public final class ProductStage implements Stage<ProductStage.Result> {
  public static final String STAGE = "product";

  /** What one run of the stage did. */
  public record Result(long baskets, long rules, long recommendations, String message)
      implements StageResult {}

  private final ProductSettings settings;
  private final int windowDays;

  /**
   * @param settings the {@code product} section
   * @param windowDays the RFM window ({@code rfm.window-days}): the orders mined end on D
   */
  public ProductStage(ProductSettings settings, int windowDays) {
    this.settings = settings;
    this.windowDays = windowDays;
  }

  /** The stage with its settings from {@code config}. */
  public static ProductStage from(PipelineConfig config) {
    return new ProductStage(config.product(), config.rfm().windowDays());
  }

  @Override
  public String name() {
    return STAGE;
  }

  @Override
  public Result run(RunContext ctx) {
    LocalDate d = ctx.businessDate();
    Warehouse wh = ctx.warehouse();
    Dataset<Row> lines = ctx.persist(ProductLines.of(wh.read(Orders.CONTRACT), d));
    AffinityMining.Rules mined = AffinityMining.mine(lines, d, windowDays, settings);
    Dataset<Row> rules = ctx.persist(mined.rules());
    long ruleCount = rules.count();
    // No rule, no recommendation: nothing to compute over every customer's orders (67 s at a
    // million customers); the empty slice still replaces a rerun's rows of D.
    Dataset<Row> recommendations =
        ruleCount == 0
            ? wh.spark().createDataFrame(List.of(), CustomerRecommendations.CONTRACT.schema())
            : ctx.persist(Recommendations.recommend(lines, rules, d, windowDays, settings.topN()));
    long recommended = ruleCount == 0 ? 0 : recommendations.count();
    long customers =
        recommended == 0
            ? 0
            : recommendations.select(CustomerRecommendations.CUSTOMER_ID).distinct().count();
    wh.replaceDate(ProductAffinity.CONTRACT, ProductAffinity.AS_OF_DATE, d, rules);
    wh.replaceDate(
        CustomerRecommendations.CONTRACT, CustomerRecommendations.AS_OF_DATE, d, recommendations);
    recommendations.unpersist();
    writeRun(ctx, d, windowDays, settings, mined, ruleCount, customers, recommended);
    String message =
        String.format(
            Locale.ROOT,
            "%d rules more than chance of %d candidates over %d orders of the %d days ending %s (support >= %.4f, at "
                + "least %d orders, confidence >= %.2f, lift > %.2f, false-discovery rate %.2f); %d recommendations "
                + "for %d customers",
            ruleCount,
            mined.candidates(),
            mined.baskets(),
            windowDays,
            d,
            mined.minSupportUsed(),
            settings.minOrders(),
            settings.minConfidence(),
            settings.minLift(),
            settings.falseDiscoveryRate(),
            recommended,
            customers);
    return new Result(mined.baskets(), ruleCount, recommended, message);
  }

  private static void writeRun(
      RunContext ctx,
      LocalDate d,
      int windowDays,
      ProductSettings s,
      AffinityMining.Rules mined,
      long rules,
      long customers,
      long recommendations) {
    Map<String, Double> params = new LinkedHashMap<>();
    params.put(ModelRuns.WINDOW_DAYS, (double) windowDays);
    params.put(ModelRuns.MIN_SUPPORT, s.minSupport());
    params.put(ModelRuns.MIN_ORDERS, (double) s.minOrders());
    params.put(ModelRuns.MIN_CONFIDENCE, s.minConfidence());
    params.put(ModelRuns.MIN_LIFT, s.minLift());
    params.put(ModelRuns.MAX_ANTECEDENT, (double) s.maxAntecedent());
    params.put(ModelRuns.TOP_N, (double) s.topN());
    params.put(ModelRuns.MAX_BASKET_PRODUCTS, (double) s.maxBasketProducts());
    params.put(ModelRuns.FALSE_DISCOVERY_RATE, s.falseDiscoveryRate());
    Map<String, Double> metrics = new LinkedHashMap<>();
    metrics.put(ModelRuns.BASKETS, (double) mined.baskets());
    metrics.put(ModelRuns.BASKETS_TOO_LARGE, (double) mined.tooLarge());
    metrics.put(ModelRuns.MIN_SUPPORT_USED, mined.minSupportUsed());
    metrics.put(ModelRuns.FREQUENT_ITEMSETS, (double) mined.frequentItemsets());
    metrics.put(ModelRuns.CANDIDATE_RULES, (double) mined.candidates());
    metrics.put(ModelRuns.RULES, (double) rules);
    metrics.put(ModelRuns.CUSTOMERS_WITH_RECOMMENDATIONS, (double) customers);
    metrics.put(ModelRuns.RECOMMENDATIONS, (double) recommendations);
    Row run =
        RowFactory.create(
            ctx.runId(),
            Date.valueOf(d),
            ModelRuns.FP_GROWTH,
            params,
            null,
            customers,
            null,
            null,
            metrics,
            null);
    ctx.warehouse()
        .replaceDate(
            ModelRuns.CONTRACT,
            ModelRuns.AS_OF_DATE,
            d,
            ModelRuns.MODEL,
            List.of(ModelRuns.FP_GROWTH),
            ctx.spark().createDataFrame(List.of(run), ModelRuns.CONTRACT.schema()));
  }
}
