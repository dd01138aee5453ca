package com.crmanalytics.product;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.array_sort;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_set;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.element_at;
import static org.apache.spark.sql.functions.size;

import com.crmanalytics.config.ProductSettings;
import com.crmanalytics.contract.Orders;
import com.crmanalytics.contract.ProductAffinity;
import com.crmanalytics.model.RuleSignificance;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.spark.ml.fpm.FPGrowth;
import org.apache.spark.ml.fpm.FPGrowthModel;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;

/**
 * Mines the products bought together in a window: FP-Growth over the baskets (the distinct products
 * of one order), exact order counts, and only the rules that are more than chance.
 */
public final class AffinityMining {
  private static final String FREQ = "freq";

  private AffinityMining() {}

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
            .filter(ProductLines.purchaseInWindow(d, windowDays))
            .groupBy(Orders.ORDER_ID)
            .agg(array_sort(collect_set(col(Orders.PRODUCT_ID))).as(ProductLines.ITEMS))
            .persist(StorageLevel.MEMORY_AND_DISK());
    Dataset<Row> baskets =
        all.filter(size(col(ProductLines.ITEMS)).leq(settings.maxBasketProducts()));
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
              .setItemsCol(ProductLines.ITEMS)
              .setMinSupport(support)
              .setMinConfidence(settings.minConfidence())
              .fit(baskets);
      Dataset<Row> frequent =
          model
              .freqItemsets()
              .select(array_sort(col(ProductLines.ITEMS)).as(ProductLines.ITEMS), col(FREQ))
              .persist(StorageLevel.MEMORY_AND_DISK());
      long itemsets = frequent.count();
      Dataset<Row> singles =
          frequent
              .filter(size(col(ProductLines.ITEMS)).equalTo(1))
              .select(
                  element_at(col(ProductLines.ITEMS), 1).as(ProductAffinity.CONSEQUENT),
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
                      .withColumnRenamed(ProductLines.ITEMS, ProductAffinity.ANTECEDENT)
                      .withColumnRenamed(FREQ, ProductAffinity.ANTECEDENT_ORDERS),
                  ProductAffinity.ANTECEDENT)
              .withColumn(
                  "_all",
                  array_sort(
                      concat(
                          col(ProductAffinity.ANTECEDENT), array(col(ProductAffinity.CONSEQUENT)))))
              .join(
                  frequent
                      .withColumnRenamed(ProductLines.ITEMS, "_all")
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
}
