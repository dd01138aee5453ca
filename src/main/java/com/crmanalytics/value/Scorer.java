package com.crmanalytics.value;

import com.crmanalytics.model.Clv;
import com.crmanalytics.model.GammaGamma;
import com.crmanalytics.model.ModelException;
import com.crmanalytics.model.TransactionModel;
import com.crmanalytics.model.TransactionModelType;
import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.api.java.UDF4;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;

/**
 * The fitted transaction and spend models as a serialisable value, with the per-customer scores that
 * the Spark UDFs wrap: P(alive), expected transactions over a horizon, expected spend and discounted
 * CLV. Pure functions of the model package; a customer first seen on D (T = 0) is scored as a new
 * customer.
 */
public final class Scorer implements Serializable {
  private static final long serialVersionUID = 1L;

  /** Positions in the array {@link #udf()} returns. */
  public static final int P_ALIVE = 0;
  public static final int EXPECTED = 1;
  public static final int SPEND = 2;
  public static final int CLV_PER_MARGIN = 3;

  private final TransactionModelType type;
  private final double[] params;
  private final double[] spendParams;
  private final int horizonMonths;
  private final double annualDiscountRate;
  private final double unitDays;
  private transient TransactionModel model;
  private transient GammaGamma spend;

  public Scorer(TransactionModelType type, Map<String, Double> params, Map<String, Double> spendParams,
      int horizonMonths, double annualDiscountRate, double unitDays) {
    this.type = type;
    this.params = type.paramNames().stream().mapToDouble(params::get).toArray();
    this.spendParams = spendParams == null ? null
        : List.of("p", "q", "gamma").stream().mapToDouble(spendParams::get).toArray();
    this.horizonMonths = horizonMonths;
    this.annualDiscountRate = annualDiscountRate;
    this.unitDays = unitDays;
  }

  public TransactionModel model() {
    if (model == null) {
      Map<String, Double> p = new LinkedHashMap<>();
      for (int i = 0; i < params.length; i++) {
        p.put(type.paramNames().get(i), params[i]);
      }
      model = type.create(p);
    }
    return model;
  }

  private GammaGamma spend() {
    if (spend == null) {
      spend = new GammaGamma(spendParams[0], spendParams[1], spendParams[2]);
    }
    return spend;
  }

  public Clv clv() {
    return new Clv(horizonMonths, annualDiscountRate, unitDays);
  }

  /** P(alive) at T; 1 for a customer first seen on D. */
  public double pAlive(int x, double tx, double T) {
    return T > 0 ? model().pAlive(x, tx, T) : 1;
  }

  /** Expected transactions in the next {@code t} time units. */
  public double expected(int x, double tx, double T, double t) {
    return T > 0 ? model().expectedTransactions(x, tx, T, t) : model().expectedTransactionsNewCustomer(t);
  }

  /** [p_alive, expected over the horizon, expected spend, CLV at margin 1]; null when a score is not finite. */
  public double[] score(int x, double tx, double T, Double mx) {
    try {
      Clv clv = clv();
      double horizon = horizonMonths * clv.monthInUnits();
      double expectedSpend = spend().expectedSpend(x, x > 0 && mx != null ? Math.max(mx, 0) : 0);
      double value = clv.value(t -> expected(x, tx, T, t), expectedSpend, 1.0);
      double[] s = {pAlive(x, tx, T), expected(x, tx, T, horizon), expectedSpend, value};
      for (double v : s) {
        if (!Double.isFinite(v)) {
          return null;
        }
      }
      return s;
    } catch (ModelException e) {
      return null;
    }
  }

  /** UDF (x, t_x, T, m_x) → array of {@link #score}; null where a score is not finite. */
  public UserDefinedFunction udf() {
    UDF4<Integer, Double, Double, Double, double[]> f = (x, tx, T, mx) -> score(x, tx, T, mx);
    return functions.udf(f, DataTypes.createArrayType(DataTypes.DoubleType, false));
  }

  /** UDF (x, t_x, T) → P(alive), null where not finite. */
  public UserDefinedFunction pAliveUdf() {
    UDF4<Integer, Double, Double, Double, Double> f = (x, tx, T, unused) -> {
      try {
        double p = pAlive(x, tx, T);
        return Double.isFinite(p) ? p : null;
      } catch (ModelException e) {
        return null;
      }
    };
    return functions.udf(f, DataTypes.DoubleType);
  }

  /** UDF (x, t_x, T, t) → expected transactions in the next t units, null where not finite. */
  public UserDefinedFunction expectedUdf() {
    UDF4<Integer, Double, Double, Double, Double> f = (x, tx, T, t) -> {
      try {
        double e = expected(x, tx, T, t);
        return Double.isFinite(e) ? e : null;
      } catch (ModelException ex) {
        return null;
      }
    };
    return functions.udf(f, DataTypes.DoubleType);
  }
}
