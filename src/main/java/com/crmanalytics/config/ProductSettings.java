package com.crmanalytics.config;

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
    double falseDiscoveryRate) {}
