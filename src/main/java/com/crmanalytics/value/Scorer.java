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
 * The fitted models as a serialisable value, with the per-customer scores that the Spark UDFs wrap.
 * Two transaction models may be involved: the chosen one values the customer (expected purchases,
 * CLV, P(no purchase in the churn horizon)); the has-left model, one in which a customer without a
 * repeat purchase can also have left (the chosen one unless that is BG/NBD), gives P(alive) and the
 * value the customer would bring if still active. A customer first seen on D (T = 0) is scored as a
 * new customer. Long because the two models, the per-pattern cache and the UDFs that call them
 * travel to the executors as one serialisable object.
 */
public final class Scorer implements Serializable {
  private static final long serialVersionUID = 2L;

  /** Positions in the array {@link #score} returns. */
  public static final int P_ALIVE = 0;

  public static final int EXPECTED = 1;
  public static final int SPEND = 2;
  public static final int CLV_PER_MARGIN = 3;

  /**
   * Present value of the next horizon's purchases if the customer is still active (has-left model),
   * margin 1.
   */
  public static final int VALUE_IF_ACTIVE_PER_MARGIN = 4;

  /** P(no purchase in the churn horizon) by the chosen model. */
  public static final int P_NO_PURCHASE = 5;

  /** Present value of the whole expected future, margin 1. */
  public static final int CLV_LIFETIME_PER_MARGIN = 6;

  private final TransactionModelType type;
  private final double[] params;
  private final TransactionModelType leftType;
  private final double[] leftParams;
  private final double[] spendParams;
  private final int horizonMonths;
  private final double annualDiscountRate;
  private final double unitDays;
  private final double quietUnits;

  /** Above this many cached patterns the cache starts again (bounds an executor's memory). */
  private static final int MAX_CACHED_PATTERNS = 200_000;

  private transient TransactionModel model;
  private transient java.util.concurrent.ConcurrentHashMap<java.util.List<Double>, double[]>
      byPattern;
  private transient TransactionModel leftModel;
  private transient GammaGamma spend;

  /** One model for everything, without a churn horizon (P(no purchase) over 0 units is 1). */
  public Scorer(
      TransactionModelType type,
      Map<String, Double> params,
      Map<String, Double> spendParams,
      int horizonMonths,
      double annualDiscountRate,
      double unitDays) {
    this(type, params, type, params, spendParams, horizonMonths, annualDiscountRate, unitDays, 0);
  }

  /**
   * @param leftType the has-left model (P(alive), value if active)
   * @param quietUnits the churn horizon in the model's time unit
   */
  public Scorer(
      TransactionModelType type,
      Map<String, Double> params,
      TransactionModelType leftType,
      Map<String, Double> leftParams,
      Map<String, Double> spendParams,
      int horizonMonths,
      double annualDiscountRate,
      double unitDays,
      double quietUnits) {
    this.type = type;
    this.params = values(type, params);
    this.leftType = leftType;
    this.leftParams = values(leftType, leftParams);
    this.spendParams =
        spendParams == null
            ? null
            : List.of("p", "q", "gamma").stream().mapToDouble(spendParams::get).toArray();
    this.horizonMonths = horizonMonths;
    this.annualDiscountRate = annualDiscountRate;
    this.unitDays = unitDays;
    this.quietUnits = quietUnits;
  }

  private static double[] values(TransactionModelType type, Map<String, Double> params) {
    return type.paramNames().stream().mapToDouble(params::get).toArray();
  }

  private static TransactionModel create(TransactionModelType type, double[] values) {
    Map<String, Double> p = new LinkedHashMap<>();
    for (int i = 0; i < values.length; i++) {
      p.put(type.paramNames().get(i), values[i]);
    }
    return type.create(p);
  }

  public TransactionModel model() {
    if (model == null) {
      model = create(type, params);
    }
    return model;
  }

  /** The has-left model. */
  public TransactionModel leftModel() {
    if (leftModel == null) {
      leftModel = create(leftType, leftParams);
    }
    return leftModel;
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

  /** P(alive) at T by the has-left model; 1 for a customer first seen on D. */
  public double pAlive(int x, double tx, double T) {
    return T > 0 ? leftModel().pAlive(x, tx, T) : 1;
  }

  /** Expected transactions in the next {@code t} time units by the chosen model. */
  public double expected(int x, double tx, double T, double t) {
    return T > 0
        ? model().expectedTransactions(x, tx, T, t)
        : model().expectedTransactionsNewCustomer(t);
  }

  /**
   * P(no purchase in the next {@code h} time units) by the chosen model; for a customer first seen
   * on D (T = 0) that is L(0, 0, h), the likelihood of no repeat purchase in (0, h] (L(0, 0, 0) =
   * 1).
   */
  public double pNoPurchase(int x, double tx, double T, double h) {
    if (T > 0 || h <= 0) {
      return model().pNoPurchase(x, tx, T, h);
    }
    return Math.min(1, Math.exp(model().logLikelihood(0, 0, h)));
  }

  /**
   * Expected transactions in the next {@code t} units given that the customer is still active, by
   * the has-left model: given alive at T, the purchase rate's posterior is Gamma(r + x, α + T),
   * independent of the drop-out process, whose posterior is Beta(a, b + x) for (M)BG/NBD and
   * Gamma(s, β + T) for Pareto/NBD; from T on the customer is a new customer with those parameters
   * — except that an MBG/NBD new customer may also drop out at its first purchase, at time 0, a
   * risk the customer alive at T has passed: its expectation is divided by the chance of surviving
   * that, (b + x)/(a + b + x). So E[X(t) | alive] × P(alive) = E[X(t)] exactly, without dividing by
   * a P(alive) that may be tiny (ScorerTest checks the identity for every model).
   */
  public double expectedIfActive(int x, double tx, double T, double t) {
    if (T <= 0) {
      return leftModel().expectedTransactionsNewCustomer(t);
    }
    double[] posterior = leftParams.clone();
    posterior[0] += x;
    posterior[1] += T;
    if (leftType == TransactionModelType.PARETO_NBD) {
      posterior[3] += T;
    } else {
      posterior[3] += x;
    }
    double fresh = create(leftType, posterior).expectedTransactionsNewCustomer(t);
    return leftType == TransactionModelType.MBG_NBD
        ? fresh * (posterior[2] + posterior[3]) / posterior[3]
        : fresh;
  }

  /**
   * The scores at positions {@link #P_ALIVE} ... ; throws {@link ModelException} when one is not
   * finite. Everything but the expected spend depends on (x, t_x, T) only, and many customers share
   * a pattern: the per-pattern part (discounted transactions over the horizon, for life and if
   * active) is computed once per pattern and executor.
   */
  public double[] scoreOrThrow(int x, double tx, double T, Double mx) {
    double expectedSpend = spend().expectedSpend(x, x > 0 && mx != null ? Math.max(mx, 0) : 0);
    double[] p = perPattern(x, tx, T);
    double[] s = {
      p[0],
      p[1],
      expectedSpend,
      p[2] * expectedSpend,
      p[3] * expectedSpend,
      p[4],
      p[5] * expectedSpend
    };
    for (double v : s) {
      if (!Double.isFinite(v)) {
        throw new ModelException(
            String.format(
                java.util.Locale.ROOT,
                "a score is not a finite number (p_alive, expected, spend, clv, value if active, p_no_purchase, "
                    + "lifetime: %s)",
                java.util.Arrays.toString(s)));
      }
    }
    return s;
  }

  /**
   * [p_alive, expected over the horizon, clv, value if active, p_no_purchase, lifetime], the last
   * ones per unit spend.
   */
  private double[] perPattern(int x, double tx, double T) {
    if (byPattern == null || byPattern.size() > MAX_CACHED_PATTERNS) {
      byPattern = new java.util.concurrent.ConcurrentHashMap<>();
    }
    java.util.List<Double> key = java.util.List.of((double) x, tx, T);
    double[] cached = byPattern.get(key);
    if (cached != null) {
      return cached;
    }
    Clv clv = clv();
    double horizon = horizonMonths * clv.monthInUnits();
    double[] p = {
      pAlive(x, tx, T),
      expected(x, tx, T, horizon),
      clv.value(t -> expected(x, tx, T, t), 1.0, 1.0),
      clv.value(t -> expectedIfActive(x, tx, T, t), 1.0, 1.0),
      pNoPurchase(x, tx, T, quietUnits),
      clv.lifetimeValue(t -> expected(x, tx, T, t), 1.0, 1.0)
    };
    byPattern.put(key, p);
    return p;
  }

  /**
   * {@link #scoreOrThrow}, or null when a score cannot be computed (the stage then names the
   * customer).
   */
  public double[] score(int x, double tx, double T, Double mx) {
    try {
      return scoreOrThrow(x, tx, T, mx);
    } catch (ModelException e) {
      return null;
    }
  }

  /** UDF (x, t_x, T, m_x) → array of {@link #score}; null where a score is not finite. */
  public UserDefinedFunction udf() {
    UDF4<Integer, Double, Double, Double, double[]> f = (x, tx, T, mx) -> score(x, tx, T, mx);
    return functions.udf(f, DataTypes.createArrayType(DataTypes.DoubleType, false));
  }

  /**
   * UDF (x, t_x, T, h) → P(no purchase in the next h units) by the chosen model, null where not
   * finite.
   */
  public UserDefinedFunction pNoPurchaseUdf() {
    UDF4<Integer, Double, Double, Double, Double> f =
        (x, tx, T, h) -> {
          try {
            double p = pNoPurchase(x, tx, T, h);
            return Double.isFinite(p) ? p : null;
          } catch (ModelException e) {
            return null;
          }
        };
    return functions.udf(f, DataTypes.DoubleType);
  }

  /** UDF (x, t_x, T, t) → expected transactions in the next t units, null where not finite. */
  public UserDefinedFunction expectedUdf() {
    UDF4<Integer, Double, Double, Double, Double> f =
        (x, tx, T, t) -> {
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
