package com.crmanalytics.contract;

import static com.crmanalytics.contract.Rules.DATE;
import static com.crmanalytics.contract.Rules.DOUBLE;
import static com.crmanalytics.contract.Rules.INT;
import static com.crmanalytics.contract.Rules.STRING;

/**
 * Gold table {@code customer_recommendations}: for each customer, the top product_affinity.top-n
 * products the customer has not bought on or before {@code as_of_date}, from the rules of {@code
 * product_affinity} whose antecedent the customer has bought (in the window). Partitioned by {@code
 * as_of_date}; a run for D replaces the rows of D.
 */
public final class CustomerRecommendations {
  public static final String CUSTOMER_ID = "customer_id";
  public static final String AS_OF_DATE = "as_of_date";
  public static final String RECOMMENDATION_RANK = "recommendation_rank";
  public static final String PRODUCT_ID = "product_id";
  public static final String BECAUSE_OF = "because_of";
  public static final String CONFIDENCE = "confidence";
  public static final String LIFT = "lift";

  public static final TableContract CONTRACT =
      TableContract.builder(
              "customer_recommendations",
              "Products to offer each customer, from the products bought together, by date")
          .required(CUSTOMER_ID, STRING, "Customer identifier")
          .required(
              AS_OF_DATE, DATE, "Business date D of product_affinity the recommendation comes from")
          .required(
              RECOMMENDATION_RANK,
              INT,
              "1 = best recommendation for the customer (highest confidence, then lift)")
          .required(
              PRODUCT_ID,
              STRING,
              "Product to offer: one the customer has not bought on or before D")
          .required(
              BECAUSE_OF,
              Rules.STRINGS,
              "Products the customer bought in the window that the rule "
                  + "starts from (its antecedent)")
          .required(
              CONFIDENCE,
              DOUBLE,
              "The rule's confidence: share of orders with because_of that also held the "
                  + "product")
          .required(
              LIFT, DOUBLE, "The rule's lift (above 1 = bought together more often than chance)")
          .key(CUSTOMER_ID, AS_OF_DATE, PRODUCT_ID)
          .partitionBy(AS_OF_DATE)
          .build();

  private CustomerRecommendations() {}
}
