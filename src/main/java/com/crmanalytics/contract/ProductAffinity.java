package com.crmanalytics.contract;

import static com.crmanalytics.contract.Rules.DATE;
import static com.crmanalytics.contract.Rules.DOUBLE;
import static com.crmanalytics.contract.Rules.INT;
import static com.crmanalytics.contract.Rules.LONG;

/**
 * Gold table {@code product_affinity}: association rules "orders with the antecedent products also
 * hold the consequent product", mined with FP-Growth over the orders of the RFM window ending on
 * {@code as_of_date} (a basket = the distinct products of one order, returns left out). Partitioned
 * by {@code as_of_date}; a run for D replaces the rows of D.
 */
public final class ProductAffinity {
  public static final String AS_OF_DATE = "as_of_date";
  public static final String RULE_RANK = "rule_rank";
  public static final String ANTECEDENT = "antecedent";
  public static final String CONSEQUENT = "consequent";
  public static final String ANTECEDENT_SIZE = "antecedent_size";
  public static final String ORDERS = "orders";
  public static final String ANTECEDENT_ORDERS = "antecedent_orders";
  public static final String SUPPORT = "support";
  public static final String CONFIDENCE = "confidence";
  public static final String LIFT = "lift";
  public static final String P_VALUE = "p_value";
  public static final String BASKETS = "baskets";

  public static final TableContract CONTRACT =
      TableContract.builder(
              "product_affinity",
              "Products bought together: association rules over the orders of the window, by date")
          .required(
              AS_OF_DATE,
              DATE,
              "Business date D; the baskets are the orders of the RFM window ending on D")
          .required(
              RULE_RANK,
              INT,
              "1 = strongest rule of the date (by lift, then confidence, then orders)")
          .required(
              ANTECEDENT,
              Rules.STRINGS,
              "Products in the order (product_id, sorted): the 'if' side of the rule")
          .required(CONSEQUENT, Rules.STRING, "The product also in the order: the 'then' side")
          .required(ANTECEDENT_SIZE, INT, "Number of antecedent products")
          .required(ORDERS, LONG, "Orders of the window holding the antecedent and the consequent")
          .required(ANTECEDENT_ORDERS, LONG, "Orders of the window holding the antecedent")
          .required(
              SUPPORT,
              DOUBLE,
              "orders / baskets: share of all orders holding every product of the rule")
          .required(
              CONFIDENCE,
              DOUBLE,
              "orders / antecedent_orders: share of the antecedent's orders that also hold "
                  + "the consequent")
          .required(
              LIFT,
              DOUBLE,
              "confidence / (share of all orders holding the consequent): above 1 = bought "
                  + "together more often than chance")
          .required(
              P_VALUE,
              DOUBLE,
              "Chance of at least this many orders holding both if the products were bought "
                  + "independently (one-sided hypergeometric test); rules are kept when significant at "
                  + "product.false-discovery-rate (Benjamini-Hochberg)")
          .required(BASKETS, LONG, "Orders (baskets) of the window with at least one product")
          .key(AS_OF_DATE, ANTECEDENT, CONSEQUENT)
          .partitionBy(AS_OF_DATE)
          .build();

  private ProductAffinity() {}
}
