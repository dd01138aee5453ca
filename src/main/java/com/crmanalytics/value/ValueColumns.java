package com.crmanalytics.value;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import com.crmanalytics.config.ChurnSettings;
import com.crmanalytics.config.ClvSettings;
import com.crmanalytics.contract.CustomerFeatures;
import com.crmanalytics.contract.CustomerValue;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The per-customer columns of {@code customer_value}: the model's scores times the margin ratio,
 * and the risk band of the churn probability. Lazy column expressions over the features of D.
 */
final class ValueColumns {
  private static final String SCORES = "_scores";

  /** The margin ratio of each customer: its own where its costs are known, else clv.margin-rate. */
  static final String MARGIN = "_margin";

  private ValueColumns() {}

  /**
   * Adds p_alive, expected_purchases, expected_avg_spend, clv, clv_lifetime, p_no_purchase_model
   * and the value if still active (margin × discounted value) to features.
   */
  static Dataset<Row> score(Dataset<Row> features, Scorer scorer, String model, ClvSettings clv) {
    Column s = col(SCORES);
    Column margin = col(MARGIN);
    return features
        .withColumn(
            SCORES,
            scorer
                .udf()
                .apply(
                    col(CustomerFeatures.X),
                    col(CustomerFeatures.T_X),
                    col(CustomerFeatures.T),
                    col(CustomerFeatures.M_X)))
        .withColumn(MARGIN, coalesce(col(CustomerFeatures.MARGIN_RATE), lit(clv.marginRate())))
        .withColumn(CustomerValue.P_ALIVE, s.getItem(Scorer.P_ALIVE))
        .withColumn(CustomerValue.EXPECTED_PURCHASES, s.getItem(Scorer.EXPECTED))
        .withColumn(CustomerValue.EXPECTED_AVG_SPEND, s.getItem(Scorer.SPEND))
        .withColumn(CustomerValue.CLV, s.getItem(Scorer.CLV_PER_MARGIN).multiply(margin))
        .withColumn(
            CustomerValue.CLV_LIFETIME, s.getItem(Scorer.CLV_LIFETIME_PER_MARGIN).multiply(margin))
        .withColumn(CustomerValue.P_NO_PURCHASE_MODEL, s.getItem(Scorer.P_NO_PURCHASE))
        // Value at risk = P(has left) × the value if still active, from the same (has-left) model.
        .withColumn(
            CustomerValue.CLV_AT_RISK,
            lit(1.0)
                .minus(s.getItem(Scorer.P_ALIVE))
                .multiply(s.getItem(Scorer.VALUE_IF_ACTIVE_PER_MARGIN))
                .multiply(margin))
        .withColumn(CustomerValue.MODEL, lit(model));
  }

  /** Risk band of churn_probability, in the columns of customer_value. */
  static Dataset<Row> finish(Dataset<Row> rows, ChurnSettings churn) {
    Column p = col(CustomerValue.CHURN_PROBABILITY);
    return CustomerValue.CONTRACT.conform(
        rows.withColumn(
            CustomerValue.RISK_BAND,
            when(p.geq(churn.highFrom()), "high")
                .when(p.geq(churn.mediumFrom()), "medium")
                .otherwise("low")));
  }
}
