package com.crmanalytics.value;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import com.crmanalytics.contract.CustomerFeatures;
import com.crmanalytics.contract.CustomerValue;
import com.crmanalytics.error.Errors;
import com.crmanalytics.model.ModelException;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The value stage's last check before it writes: every value of every customer is a finite number.
 * One pass over the values gives the check and the run's totals; a customer that fails stops the
 * stage (exit 3) naming it, its summary and the model's reason.
 */
public final class ValueGate {
  private ValueGate() {}

  /**
   * The sums over the customers of D.
   *
   * @param sumClvBaseline null when the baseline is not available
   * @param expectedLost Σ (1 − P(alive))
   * @param expectedQuiet Σ churn_probability
   */
  public record Totals(
      long customers,
      double sumClv,
      double sumExpectedPurchases,
      double sumClvAtRisk,
      Double sumClvBaseline,
      double sumClvLifetime,
      double expectedLost,
      double expectedQuiet) {}

  /**
   * The totals of {@code values} (customer_value rows of D, cached), or exit 3 naming the first
   * customer whose values are not all finite.
   *
   * @param baselineAvailable whether clv_baseline must be a number (else it is null for everyone)
   */
  static Totals check(
      Dataset<Row> values,
      Dataset<Row> features,
      Scorer scorer,
      boolean baselineAvailable,
      LocalDate d) {
    Row check =
        values
            .agg(
                count(lit(1)),
                sum(when(notFinite(baselineAvailable), 1).otherwise(0)),
                sum(col(CustomerValue.CLV)),
                sum(col(CustomerValue.EXPECTED_PURCHASES)),
                sum(col(CustomerValue.CLV_AT_RISK)),
                sum(col(CustomerValue.CLV_BASELINE)),
                sum(col(CustomerValue.CLV_LIFETIME)),
                sum(lit(1.0).minus(col(CustomerValue.P_ALIVE))),
                sum(col(CustomerValue.CHURN_PROBABILITY)))
            .first();
    if (check.getLong(1) > 0) {
      throw unscorable(
          values, features, scorer, baselineAvailable, check.getLong(1), check.getLong(0), d);
    }
    return new Totals(
        check.getLong(0),
        check.getDouble(2),
        check.getDouble(3),
        check.getDouble(4),
        check.isNullAt(5) ? null : check.getDouble(5),
        check.getDouble(6),
        check.getDouble(7),
        check.getDouble(8));
  }

  /**
   * Exit 3 naming the first customer (by id) whose scores are not finite numbers, with its summary
   * and the model's reason, scored again on the driver.
   */
  private static RuntimeException unscorable(
      Dataset<Row> values,
      Dataset<Row> features,
      Scorer scorer,
      boolean baselineAvailable,
      long bad,
      long all,
      LocalDate d) {
    Row first =
        values
            .filter(notFinite(baselineAvailable))
            .select(CustomerValue.CUSTOMER_ID)
            .join(features, CustomerFeatures.CUSTOMER_ID)
            .orderBy(CustomerFeatures.CUSTOMER_ID)
            .first();
    int x = first.getAs(CustomerFeatures.X);
    double tx = first.getAs(CustomerFeatures.T_X);
    double bigT = first.getAs(CustomerFeatures.T);
    Double mx = first.getAs(CustomerFeatures.M_X);
    String why;
    try {
      scorer.scoreOrThrow(x, tx, bigT, mx);
      why = "its churn probability or baseline is not a finite number";
    } catch (ModelException e) {
      why = e.getMessage();
    }
    return Errors.modelFit(
        String.format(
            Locale.ROOT,
            "customer %s (x = %d, t_x = %s, T = %s, m_x = %s) cannot be "
                + "scored as of %s: %s (%d of %d customers affected; nothing written)",
            first.getAs(CustomerFeatures.CUSTOMER_ID),
            x,
            tx,
            bigT,
            mx,
            d,
            why,
            bad,
            all),
        null);
  }

  /**
   * True where a value column is null, NaN or infinite; clv_baseline may be null only when it is
   * not available (then it is null for everyone).
   */
  private static Column notFinite(boolean baselineAvailable) {
    Column bad = lit(false);
    for (String c :
        List.of(
            CustomerValue.P_ALIVE,
            CustomerValue.EXPECTED_PURCHASES,
            CustomerValue.EXPECTED_AVG_SPEND,
            CustomerValue.CLV,
            CustomerValue.CLV_LIFETIME,
            CustomerValue.P_NO_PURCHASE_MODEL,
            CustomerValue.CHURN_PROBABILITY,
            CustomerValue.CLV_AT_RISK,
            CustomerValue.CLV_BASELINE)) {
      Column v = col(c);
      if (!c.equals(CustomerValue.CLV_BASELINE) || baselineAvailable) {
        bad = bad.or(v.isNull());
      }
      bad =
          bad.or(v.isNaN())
              .or(v.equalTo(Double.POSITIVE_INFINITY))
              .or(v.equalTo(Double.NEGATIVE_INFINITY));
    }
    return bad;
  }
}
