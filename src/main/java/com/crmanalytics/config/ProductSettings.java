package com.crmanalytics.config;

import static com.crmanalytics.config.ConfigValues.integer;
import static com.crmanalytics.config.ConfigValues.number;

import com.crmanalytics.error.Errors;
import com.typesafe.config.Config;

/**
 * The {@code product} section: how {@code crm product} mines the products bought together.
 *
 * @param minSupport a rule needs at least this share of the window's orders to hold all its
 *     products
 * @param minConfidence a rule needs at least this share of its antecedent's orders to hold the
 *     consequent
 * @param minLift rules at or below this lift are not kept (1 = no better than chance)
 * @param maxAntecedent rules start from at most this many products
 * @param minOrders a rule needs at least this many orders holding all its products (guards small
 *     windows, where a share is a handful of orders)
 * @param topN recommendations per customer
 * @param maxBasketProducts orders with more distinct products than this are left out of the mining
 *     (bulk and wholesale orders say little about what goes together, and FP-Growth's tree grows as
 *     deep as the largest basket); they are counted in model_runs
 * @param falseDiscoveryRate rules are kept when more than chance by the Benjamini–Hochberg
 *     procedure at this false-discovery rate (1 = no test)
 */
public record ProductSettings(
    double minSupport,
    double minConfidence,
    double minLift,
    int maxAntecedent,
    int minOrders,
    int topN,
    int maxBasketProducts,
    double falseDiscoveryRate) {
  /**
   * Reads and validates the {@code product} section (exit 2 naming key, value and what is allowed).
   */
  public static ProductSettings from(Config c) {
    double support = number(c, "product.min-support");
    if (!(support > 0 && support <= 1)) {
      throw Errors.badConfig(
          "product.min-support", support, "a share of orders above 0 and at most 1, e.g. 0.01");
    }
    double confidence = number(c, "product.min-confidence");
    if (!(confidence >= 0 && confidence <= 1)) {
      throw Errors.badConfig("product.min-confidence", confidence, "a number from 0 to 1");
    }
    double lift = number(c, "product.min-lift");
    if (!(lift >= 0 && Double.isFinite(lift))) {
      throw Errors.badConfig(
          "product.min-lift", lift, "a number, 0 or more (1 = no better than chance)");
    }
    int antecedent = integer(c, "product.max-antecedent");
    if (antecedent < 1 || antecedent > 5) {
      throw Errors.badConfig(
          "product.max-antecedent", antecedent, "a whole number of products from 1 to 5");
    }
    int orders = integer(c, "product.min-orders");
    if (orders < 1) {
      throw Errors.badConfig("product.min-orders", orders, "a whole number of orders, at least 1");
    }
    int topN = integer(c, "product.top-n");
    if (topN < 1 || topN > 100) {
      throw Errors.badConfig("product.top-n", topN, "a whole number from 1 to 100");
    }
    int basket = integer(c, "product.max-basket-products");
    if (basket < 2) {
      throw Errors.badConfig(
          "product.max-basket-products", basket, "a whole number of products, at least 2");
    }
    double fdr = number(c, "product.false-discovery-rate");
    if (!(fdr > 0 && fdr <= 1)) {
      throw Errors.badConfig(
          "product.false-discovery-rate", fdr, "a share above 0 and at most 1, e.g. 0.05");
    }
    return new ProductSettings(support, confidence, lift, antecedent, orders, topN, basket, fdr);
  }
}
