package com.crmanalytics.product;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.array_except;
import static org.apache.spark.sql.functions.array_sort;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_set;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.date_sub;
import static org.apache.spark.sql.functions.element_at;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.to_date;

import com.crmanalytics.config.PipelineConfig;
import com.crmanalytics.config.ProductSettings;
import com.crmanalytics.contract.CustomerRecommendations;
import com.crmanalytics.contract.ModelRuns;
import com.crmanalytics.contract.Orders;
import com.crmanalytics.contract.ProductAffinity;
import com.crmanalytics.io.Warehouse;
import com.crmanalytics.model.RuleSignificance;
import com.crmanalytics.pipeline.RunContext;
import com.crmanalytics.pipeline.Stage;
import com.crmanalytics.pipeline.StageResult;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.ml.fpm.FPGrowth;
import org.apache.spark.ml.fpm.FPGrowthModel;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.storage.StorageLevel;

/**
 * Stage {@code product}: from silver {@code orders} of the RFM window ending on D, mines the
 * products bought together with MLlib FP-Growth and writes {@code product_affinity} for D (the
 * rules, with exact order counts, support, confidence and lift), {@code customer_recommendations}
 * for D (per identified customer, the top-N products never bought on or before D that the rules
 * firing on the customer's window purchases point to) and the {@code model_runs} row {@code
 * fp-growth} (thresholds and counts). A basket is the distinct product_ids of one order; returns
 * and lines without a product are in no basket; orders of unidentified buyers are baskets too;
 * orders with more than product.max-basket-products products are left out and counted. Only rows
 * dated on or before D are read: a rerun of an old date gives that date's answer.
 */
public final class ProductStage implements Stage<ProductStage.Result> {
  public static final String STAGE = "product";

  private static final String ITEMS = "items";
  private static final String FREQ = "freq";
  private static final String DAY = "_day";
  private static final String PURCHASE = "_purchase";

  /** What one run of the stage did. */
  public record Result(long baskets, long rules, long recommendations, String message)
      implements StageResult {}

  /**
   * The rules of a window (lazy, in the columns of product_affinity) and the number of baskets
   * mined.
   */
  public record Rules(
      Dataset<Row> rules,
      long baskets,
      long tooLarge,
      long frequentItemsets,
      long candidates,
      double minSupportUsed) {}

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
    Dataset<Row> lines = ctx.persist(productLines(wh.read(Orders.CONTRACT), d));
    Rules mined = mine(lines, d, windowDays, settings);
    Dataset<Row> rules = ctx.persist(mined.rules());
    long ruleCount = rules.count();
    Dataset<Row> recommendations =
        ctx.persist(recommend(lines, rules, d, windowDays, settings.topN()));
    long recommended = recommendations.count();
    long customers =
        recommended == 0
            ? 0
            : recommendations.select(CustomerRecommendations.CUSTOMER_ID).distinct().count();
    String onD = ProductAffinity.AS_OF_DATE + " = DATE'" + d + "'";
    wh.replace(ProductAffinity.CONTRACT, rules, onD);
    wh.replace(CustomerRecommendations.CONTRACT, recommendations, onD);
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

  /**
   * Lines with a product on or before D: (order_id, customer_id — null for an unidentified buyer —,
   * product_id, day, purchase). {@code purchase} is false for returns (quantity or amount below
   * zero) and free lines: they are in no basket, but a returned product still counts as bought.
   */
  public static Dataset<Row> productLines(Dataset<Row> orders, LocalDate d) {
    Column purchase =
        col(Orders.AMOUNT).gt(0).and(col(Orders.QUANTITY).isNull().or(col(Orders.QUANTITY).gt(0)));
    return orders
        .filter(col(Orders.PRODUCT_ID).isNotNull().and(to_date(col(Orders.ORDER_TS)).leq(lit(d))))
        .select(
            col(Orders.ORDER_ID),
            col(Orders.CUSTOMER_ID),
            col(Orders.PRODUCT_ID),
            to_date(col(Orders.ORDER_TS)).as(DAY),
            coalesce(purchase, lit(false)).as(PURCHASE));
  }

  /** Purchase lines (not returns) of the window: the windowDays days ending on D. */
  private static Column purchaseInWindow(LocalDate d, int windowDays) {
    return col(PURCHASE).and(col(DAY).gt(date_sub(lit(d), windowDays)));
  }

  /**
   * Mines the rules of the window: FP-Growth over the baskets, then exact order counts from its
   * frequent itemsets, so support, confidence and lift are ratios of whole numbers (the same on
   * every run).
   */
  public static Rules mine(
      Dataset<Row> lines, LocalDate d, int windowDays, ProductSettings settings) {
    SparkSession spark = lines.sparkSession();
    Dataset<Row> all =
        lines
            .filter(purchaseInWindow(d, windowDays))
            .groupBy(Orders.ORDER_ID)
            .agg(array_sort(collect_set(col(Orders.PRODUCT_ID))).as(ITEMS))
            .persist(StorageLevel.MEMORY_AND_DISK());
    Dataset<Row> baskets = all.filter(size(col(ITEMS)).leq(settings.maxBasketProducts()));
    try {
      long n = baskets.count();
      long tooLarge = all.count() - n;
      if (n == 0) {
        return new Rules(
            spark.createDataFrame(List.of(), ProductAffinity.CONTRACT.schema()),
            0,
            tooLarge,
            0,
            0,
            settings.minSupport());
      }
      // FP-Growth keeps itemsets in at least ceil(minSupport × n) baskets; min-orders − 0.5 keeps
      // rounding
      // from asking one order more than min-orders.
      double support =
          Math.min(1.0, Math.max(settings.minSupport(), (settings.minOrders() - 0.5) / n));
      FPGrowthModel model =
          new FPGrowth()
              .setItemsCol(ITEMS)
              .setMinSupport(support)
              .setMinConfidence(settings.minConfidence())
              .fit(baskets);
      Dataset<Row> frequent =
          model
              .freqItemsets()
              .select(array_sort(col(ITEMS)).as(ITEMS), col(FREQ))
              .persist(StorageLevel.MEMORY_AND_DISK());
      long itemsets = frequent.count();
      Dataset<Row> singles =
          frequent
              .filter(size(col(ITEMS)).equalTo(1))
              .select(
                  element_at(col(ITEMS), 1).as(ProductAffinity.CONSEQUENT),
                  col(FREQ).as("_consequent_orders"));
      Dataset<Row> rules =
          model
              .associationRules()
              .filter(size(col(ProductAffinity.ANTECEDENT)).leq(settings.maxAntecedent()))
              .select(
                  array_sort(col(ProductAffinity.ANTECEDENT)).as(ProductAffinity.ANTECEDENT),
                  element_at(col(ProductAffinity.CONSEQUENT), 1).as(ProductAffinity.CONSEQUENT))
              .join(
                  frequent
                      .withColumnRenamed(ITEMS, ProductAffinity.ANTECEDENT)
                      .withColumnRenamed(FREQ, ProductAffinity.ANTECEDENT_ORDERS),
                  ProductAffinity.ANTECEDENT)
              .withColumn(
                  "_all",
                  array_sort(
                      concat(
                          col(ProductAffinity.ANTECEDENT), array(col(ProductAffinity.CONSEQUENT)))))
              .join(
                  frequent
                      .withColumnRenamed(ITEMS, "_all")
                      .withColumnRenamed(FREQ, ProductAffinity.ORDERS),
                  "_all")
              .join(singles, ProductAffinity.CONSEQUENT);
      // A few thousand candidate rules at most: tested and ranked on the driver.
      List<Row> candidates =
          rules
              .filter(col(ProductAffinity.ORDERS).geq(settings.minOrders()))
              .select(
                  ProductAffinity.ANTECEDENT,
                  ProductAffinity.CONSEQUENT,
                  ProductAffinity.ANTECEDENT_ORDERS,
                  "_consequent_orders",
                  ProductAffinity.ORDERS)
              .collectAsList();
      Dataset<Row> result =
          spark.createDataFrame(
              significant(candidates, n, d, settings), ProductAffinity.CONTRACT.schema());
      frequent.unpersist();
      return new Rules(result, n, tooLarge, itemsets, candidates.size(), support);
    } finally {
      all.unpersist();
    }
  }

  /**
   * The candidates (antecedent, consequent, antecedent orders, consequent orders, orders) that are
   * more than chance — Benjamini–Hochberg over all candidates at product.false-discovery-rate, on
   * the one-sided hypergeometric p-value — with lift above product.min-lift, as product_affinity
   * rows ranked by lift, then confidence, then orders, then antecedent and consequent.
   */
  static List<Row> significant(
      List<Row> candidates, long n, LocalDate d, ProductSettings settings) {
    double[] p = new double[candidates.size()];
    for (int i = 0; i < p.length; i++) {
      Row r = candidates.get(i);
      p[i] = RuleSignificance.pValue(n, r.getLong(2), r.getLong(3), r.getLong(4));
    }
    boolean[] discovered = RuleSignificance.discoveries(p, settings.falseDiscoveryRate());
    record Kept(
        List<String> antecedent,
        String consequent,
        long antecedentOrders,
        long orders,
        double confidence,
        double lift,
        double p) {}
    List<Kept> kept = new ArrayList<>();
    for (int i = 0; i < p.length; i++) {
      Row r = candidates.get(i);
      long orders = r.getLong(4);
      long antecedentOrders = r.getLong(2);
      // orders × n / (antecedent orders × consequent orders): one expression of whole numbers, so a
      // rule and its
      // mirror get the same lift to the last bit
      double lift = orders * (double) n / (antecedentOrders * (double) r.getLong(3));
      if (discovered[i] && lift > settings.minLift()) {
        kept.add(
            new Kept(
                r.getList(0),
                r.getString(1),
                antecedentOrders,
                orders,
                orders / (double) antecedentOrders,
                lift,
                p[i]));
      }
    }
    kept.sort(
        Comparator.comparingDouble(Kept::lift)
            .reversed()
            .thenComparing(Comparator.comparingDouble(Kept::confidence).reversed())
            .thenComparing(Comparator.comparingLong(Kept::orders).reversed())
            .thenComparing(k -> String.join("\u0000", k.antecedent()))
            .thenComparing(Kept::consequent));
    List<Row> rows = new ArrayList<>();
    Date date = Date.valueOf(d);
    for (int i = 0; i < kept.size(); i++) {
      Kept k = kept.get(i);
      rows.add(
          RowFactory.create(
              date,
              i + 1,
              k.antecedent().toArray(String[]::new),
              k.consequent(),
              k.antecedent().size(),
              k.orders(),
              k.antecedentOrders(),
              k.orders() / (double) n,
              k.confidence(),
              k.lift(),
              k.p(),
              n));
    }
    return rows;
  }

  /**
   * The top {@code topN} products per identified customer: rules whose whole antecedent the
   * customer bought in the window, consequents the customer never bought (nor returned) on or
   * before D, best rule per product (confidence, then lift), ranked by confidence, then lift, then
   * product_id.
   */
  public static Dataset<Row> recommend(
      Dataset<Row> lines, Dataset<Row> rules, LocalDate d, int windowDays, int topN) {
    Dataset<Row> identified = lines.filter(col(Orders.CUSTOMER_ID).isNotNull());
    Dataset<Row> windowProducts =
        identified
            .filter(purchaseInWindow(d, windowDays))
            .select(Orders.CUSTOMER_ID, Orders.PRODUCT_ID)
            .distinct();
    Dataset<Row> basket =
        windowProducts
            .groupBy(Orders.CUSTOMER_ID)
            .agg(collect_set(col(Orders.PRODUCT_ID)).as(ITEMS));
    Dataset<Row> everBought =
        identified
            .select(col(Orders.CUSTOMER_ID), col(Orders.PRODUCT_ID).as(ProductAffinity.CONSEQUENT))
            .distinct();
    Dataset<Row> candidates =
        windowProducts
            .join(
                rules.withColumn(Orders.PRODUCT_ID, element_at(col(ProductAffinity.ANTECEDENT), 1)),
                Orders.PRODUCT_ID)
            .join(basket, Orders.CUSTOMER_ID)
            .filter(size(array_except(col(ProductAffinity.ANTECEDENT), col(ITEMS))).equalTo(0))
            .join(
                everBought,
                new String[] {Orders.CUSTOMER_ID, ProductAffinity.CONSEQUENT},
                "left_anti");
    Column best =
        row_number()
            .over(
                Window.partitionBy(Orders.CUSTOMER_ID, ProductAffinity.CONSEQUENT)
                    .orderBy(
                        col(ProductAffinity.CONFIDENCE).desc(),
                        col(ProductAffinity.LIFT).desc(),
                        col(ProductAffinity.RULE_RANK)));
    Column rank =
        row_number()
            .over(
                Window.partitionBy(Orders.CUSTOMER_ID)
                    .orderBy(
                        col(ProductAffinity.CONFIDENCE).desc(),
                        col(ProductAffinity.LIFT).desc(),
                        col(ProductAffinity.CONSEQUENT)));
    Dataset<Row> ranked =
        candidates
            .withColumn("_best", best)
            .filter(col("_best").equalTo(1))
            .withColumn(CustomerRecommendations.RECOMMENDATION_RANK, rank)
            .filter(col(CustomerRecommendations.RECOMMENDATION_RANK).leq(topN))
            .select(
                col(Orders.CUSTOMER_ID).as(CustomerRecommendations.CUSTOMER_ID),
                lit(Date.valueOf(d)).as(CustomerRecommendations.AS_OF_DATE),
                col(CustomerRecommendations.RECOMMENDATION_RANK),
                col(ProductAffinity.CONSEQUENT).as(CustomerRecommendations.PRODUCT_ID),
                col(ProductAffinity.ANTECEDENT).as(CustomerRecommendations.BECAUSE_OF),
                col(ProductAffinity.CONFIDENCE),
                col(ProductAffinity.LIFT));
    return CustomerRecommendations.CONTRACT.conform(ranked);
  }

  private static void writeRun(
      RunContext ctx,
      LocalDate d,
      int windowDays,
      ProductSettings s,
      Rules mined,
      long rules,
      long customers,
      long recommendations) {
    Map<String, Double> params = new LinkedHashMap<>();
    params.put("window_days", (double) windowDays);
    params.put("min_support", s.minSupport());
    params.put("min_orders", (double) s.minOrders());
    params.put("min_confidence", s.minConfidence());
    params.put("min_lift", s.minLift());
    params.put("max_antecedent", (double) s.maxAntecedent());
    params.put("top_n", (double) s.topN());
    params.put("max_basket_products", (double) s.maxBasketProducts());
    params.put("false_discovery_rate", s.falseDiscoveryRate());
    Map<String, Double> metrics = new LinkedHashMap<>();
    metrics.put("baskets", (double) mined.baskets());
    metrics.put("baskets_too_large", (double) mined.tooLarge());
    metrics.put("min_support_used", mined.minSupportUsed());
    metrics.put("frequent_itemsets", (double) mined.frequentItemsets());
    metrics.put("candidate_rules", (double) mined.candidates());
    metrics.put("rules", (double) rules);
    metrics.put("customers_with_recommendations", (double) customers);
    metrics.put("recommendations", (double) recommendations);
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
        .replace(
            ModelRuns.CONTRACT,
            ctx.spark().createDataFrame(List.of(run), ModelRuns.CONTRACT.schema()),
            ModelRuns.AS_OF_DATE
                + " = DATE'"
                + d
                + "' AND "
                + ModelRuns.MODEL
                + " = '"
                + ModelRuns.FP_GROWTH
                + "'");
  }
}
