package com.crmanalytics.contract;

import static com.crmanalytics.contract.Rules.BOOLEAN;
import static com.crmanalytics.contract.Rules.DATE;
import static com.crmanalytics.contract.Rules.DOUBLE;
import static com.crmanalytics.contract.Rules.INT;
import static com.crmanalytics.contract.Rules.LONG;
import static com.crmanalytics.contract.Rules.STRING;

import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;

/**
 * Gold table {@code model_runs}: one row per model per date, with what was fitted or computed and
 * the cut values used, so every score in the gold tables can be explained. Partitioned by {@code
 * as_of_date}; a stage replaces its own rows ({@code as_of_date = D AND model = '…'}). Long because
 * it is the one home of every key of params, metrics and thresholds, written by the segment, value
 * and product stages and crm evaluate, and read by the report.
 */
public final class ModelRuns {
  public static final String RUN_ID = "run_id";
  public static final String AS_OF_DATE = "as_of_date";
  public static final String MODEL = "model";
  public static final String PARAMS = "params";
  public static final String LOG_LIKELIHOOD = "log_likelihood";
  public static final String N_CUSTOMERS = "n_customers";
  public static final String CONVERGED = "converged";
  public static final String ITERATIONS = "iterations";
  public static final String METRICS = "metrics";
  public static final String THRESHOLDS = "thresholds";

  /**
   * Values of {@link #MODEL} besides the transaction models' names (bg-nbd, mbg-nbd, pareto-nbd).
   */
  public static final String RFM = "rfm";

  /** The products bought together (crm product): FP-Growth thresholds and counts. */
  public static final String FP_GROWTH = "fp-growth";

  public static final String GAMMA_GAMMA = "gamma-gamma";
  public static final String CHURN = "churn";

  // Keys of params, metrics and thresholds: the writers and the report use these, never literals.

  /**
   * Params of a transaction model or gamma-gamma: standard error of parameter p is {@code se.p}.
   */
  public static final String SE_PREFIX = "se.";

  /**
   * Metrics of each transaction model fitted on D: 1 on the one that values the customers, 0 on the
   * others.
   */
  public static final String CHOSEN = "choice.chosen";

  /** 1 when the choice was made on the holdout, 0 when by AIC (history too short for a holdout). */
  public static final String CHOSEN_BY_HOLDOUT = "choice.by_holdout";

  /**
   * 1 on a candidate dropped under clv.model = auto (fit failed, did not converge, or cannot score
   * a customer).
   */
  public static final String DROPPED = "choice.dropped";

  public static final String AIC = "choice.aic";

  /**
   * Mean absolute error per customer of the repeat purchases predicted for (D − h, D] by the fit at
   * D − h.
   */
  public static final String HOLDOUT_MAE = "choice.holdout_mean_absolute_error";

  /** (predicted − actual) / actual repeat purchases in (D − h, D]. */
  public static final String HOLDOUT_TOTAL_ERROR = "choice.holdout_total_error";

  /** 1 on the model whose P(alive) is p_alive (has left = 1 − P(alive)). */
  public static final String HAS_LEFT_MODEL = "has_left.model";

  /** Metrics of the chosen model's row: sums over customers. */
  public static final String SUM_CLV = "sum_clv";

  public static final String SUM_CLV_LIFETIME = "sum_clv_lifetime";
  public static final String SUM_CLV_AT_RISK = "sum_clv_at_risk";

  /** Σ (1 − p_alive): customers expected to have left. */
  public static final String EXPECTED_LOST = "expected_lost";

  /** Σ churn_probability: customers expected to make no purchase in the churn horizon. */
  public static final String EXPECTED_QUIET = "expected_quiet";

  /**
   * Suffixes of the 90% interval from parameter uncertainty: sum_clv.p05, sum_clv.p95,
   * sum_clv_lifetime.p05 ...
   */
  public static final String P05 = ".p05";

  public static final String P95 = ".p95";
  public static final String INTERVAL_DRAWS = "interval.draws";

  /** Aggregated (x, t_x, T) patterns each draw was computed on. */
  public static final String INTERVAL_PATTERNS = "interval.patterns";

  /** 1 with an interval; 0 when the fits have no covariance of their parameters (see the log). */
  public static final String INTERVAL_AVAILABLE = "interval.available";

  /**
   * Gupta &amp; Lehmann baseline: 1 available, 0 not, and then one of the reasons below set to 1.
   */
  public static final String BASELINE_AVAILABLE = "baseline.available";

  public static final String BASELINE_UNAVAILABLE = "baseline.unavailable.";
  public static final String BASELINE_NO_PREVIOUS_BUYERS =
      BASELINE_UNAVAILABLE + "no_previous_window_buyers";
  public static final String BASELINE_HISTORY_TOO_SHORT =
      BASELINE_UNAVAILABLE + "history_shorter_than_two_windows";
  public static final String BASELINE_UNDEFINED =
      BASELINE_UNAVAILABLE + "retention_makes_value_infinite";
  public static final String HOLDOUT_AVAILABLE = "holdout.available";

  /**
   * Metrics of the churn row. 1 when churn_probability is the classifier's, 0 when it is
   * p_no_purchase_model.
   */
  public static final String CHURN_CLASSIFIER_USED = "churn.classifier_used";

  /**
   * 1 when the classifier was trained and checked out of time; 0 with one churn.not_trained.*
   * reason set to 1.
   */
  public static final String CHURN_CLASSIFIER_TRAINED = "churn.classifier_trained";

  public static final String CHURN_NOT_TRAINED = "churn.not_trained.";

  /**
   * Out-of-time measures (features at D − h, labels from (D − h, D]) of the model's P(no purchase)
   * ...
   */
  public static final String CHURN_MODEL_PREFIX = "churn.model.";

  /** ... of the calibrated classifier (cross-fitted Platt scaling) ... */
  public static final String CHURN_CLASSIFIER_PREFIX = "churn.classifier.";

  /** ... and of the classifier before calibration. */
  public static final String CHURN_UNCALIBRATED_PREFIX = "churn.classifier_uncalibrated.";

  public static final String CHURN_CALIBRATION_INTERCEPT = "churn.calibration.intercept";
  public static final String CHURN_CALIBRATION_SLOPE = "churn.calibration.slope";

  /**
   * Measure names after a churn prefix; deciles as {@code decile.N.predicted} and {@code
   * decile.N.realised}.
   */
  public static final String ROC_AUC = "roc_auc";

  public static final String PR_AUC = "pr_auc";
  public static final String BRIER = "brier";
  public static final String MEAN_PREDICTED = "mean_predicted";
  public static final String REALISED_SHARE = "realised_share";
  public static final String TOP_DECILE_LIFT = "top_decile_lift";
  public static final String DECILE = "decile.";
  public static final String PREDICTED = "predicted";
  public static final String REALISED = "realised";

  // Params of the value stage's rows (clv settings on the transaction models' rows, churn
  // settings on the churn row) and of crm evaluate.
  public static final String TIME_UNIT_DAYS = "time_unit_days";
  public static final String HORIZON_MONTHS = "horizon_months";
  public static final String ANNUAL_DISCOUNT_RATE = "annual_discount_rate";
  public static final String HORIZON_DAYS = "horizon_days";
  public static final String MIN_AUC_GAIN = "min_auc_gain";
  public static final String SEED = "seed";
  public static final String HOLDOUT_DAYS = "holdout_days";

  /** Thresholds of the churn row: churn.risk-bands. */
  public static final String RISK_BAND_MEDIUM_FROM = "risk_band.medium_from";

  public static final String RISK_BAND_HIGH_FROM = "risk_band.high_from";

  /** Metrics of the fitted models' rows: what the fit saw and how hard it worked. */
  public static final String CUSTOMERS = "customers";

  public static final String REPEAT_BUYERS = "repeat_buyers";
  public static final String PATTERNS = "patterns";
  public static final String EVALUATIONS = "evaluations";
  public static final String SUM_EXPECTED_PURCHASES = "sum_expected_purchases";
  public static final String SUM_CLV_BASELINE = "sum_clv_baseline";
  public static final String POPULATION_MEAN_SPEND = "population_mean_spend";

  /** Counts and rates behind the Gupta &amp; Lehmann baseline. */
  public static final String BASELINE_PREVIOUS_WINDOW_CUSTOMERS =
      "baseline.previous_window_customers";

  public static final String BASELINE_RETAINED_CUSTOMERS = "baseline.retained_customers";
  public static final String BASELINE_WINDOW_RETENTION_RATE = "baseline.window_retention_rate";
  public static final String BASELINE_RETENTION_RATE = "baseline.retention_rate";

  /** The purchase model's forecast against what happened in a holdout (value, crm evaluate). */
  public static final String HOLDOUT_CUSTOMERS = "holdout.customers";

  public static final String HOLDOUT_LENGTH_UNITS = "holdout.length_units";
  public static final String HOLDOUT_ACTUAL_TOTAL = "holdout.actual_total";
  public static final String HOLDOUT_PREDICTED_TOTAL = "holdout.predicted_total";
  public static final String HOLDOUT_CORRELATION = "holdout.correlation";
  public static final String HOLDOUT_MEAN_ABSOLUTE_ERROR = "holdout.mean_absolute_error";
  public static final String ACTUAL_MEAN = "actual_mean";
  public static final String PREDICTED_MEAN = "predicted_mean";

  /** Params of the rfm row. */
  public static final String RFM_BINS = "rfm.bins";

  public static final String RFM_WINDOW_DAYS = "rfm.window_days";

  /** Params and metrics of the fp-growth row (crm product). */
  public static final String WINDOW_DAYS = "window_days";

  public static final String MIN_SUPPORT = "min_support";
  public static final String MIN_ORDERS = "min_orders";
  public static final String MIN_CONFIDENCE = "min_confidence";
  public static final String MIN_LIFT = "min_lift";
  public static final String MAX_ANTECEDENT = "max_antecedent";
  public static final String TOP_N = "top_n";
  public static final String MAX_BASKET_PRODUCTS = "max_basket_products";
  public static final String FALSE_DISCOVERY_RATE = "false_discovery_rate";
  public static final String BASKETS = "baskets";
  public static final String BASKETS_TOO_LARGE = "baskets_too_large";
  public static final String MIN_SUPPORT_USED = "min_support_used";
  public static final String FREQUENT_ITEMSETS = "frequent_itemsets";
  public static final String CANDIDATE_RULES = "candidate_rules";
  public static final String RULES = "rules";
  public static final String CUSTOMERS_WITH_RECOMMENDATIONS = "customers_with_recommendations";
  public static final String RECOMMENDATIONS = "recommendations";

  /** Holdout measure of the customers with x repeat purchases ({@code x_plus}: x or more). */
  public static String holdoutByX(String group, String measure) {
    return "holdout.by_x." + group + "." + measure;
  }

  /** Size and realised share of a labelled churn set (train, validation). */
  public static String churnSet(String set, String measure) {
    return "churn." + set + "." + measure;
  }

  /** RFM score breaks: the value a customer must beat for score k. */
  public static String recencyBreak(int k) {
    return "r_score." + k + ".recency_days_below";
  }

  public static String frequencyBreak(int k) {
    return "f_score." + k + ".frequency_above";
  }

  public static String monetaryBreak(int k) {
    return "m_score." + k + ".monetary_above";
  }

  /** Pyramid: a tier's configured share (param), last rank and least measure (thresholds). */
  public static String pyramidShare(String tier) {
    return "pyramid." + tier + ".share";
  }

  public static String tierKey(String tier, String name) {
    return "tier." + tier + "." + name;
  }

  public static final String LAST_RANK = "last_rank";
  public static final String MIN_PREFIX = "min_";

  /** name → value, for params, metrics and thresholds. */
  static final DataType NAMED_VALUES = DataTypes.createMapType(STRING, DOUBLE, true);

  public static final TableContract CONTRACT =
      TableContract.builder(
              "model_runs",
              "Models fitted or computed for each date: parameters, fit, metrics and cut values used")
          .required(RUN_ID, STRING, "Pipeline run that wrote the row")
          .required(AS_OF_DATE, DATE, "Business date D the model is for")
          .required(
              MODEL, STRING, "Model: rfm (scores and pyramid), or a lifetime-value / churn model")
          .optional(
              PARAMS,
              NAMED_VALUES,
              "Parameters: settings used or values fitted, by name (units in README)")
          .optional(
              LOG_LIKELIHOOD,
              DOUBLE,
              "Log-likelihood of a fitted model (null when nothing is fitted)")
          .optional(N_CUSTOMERS, LONG, "Customers the model was computed on")
          .optional(CONVERGED, BOOLEAN, "Whether the fit converged (null when nothing is fitted)")
          .optional(ITERATIONS, INT, "Optimiser iterations (null when nothing is fitted)")
          .optional(
              METRICS,
              NAMED_VALUES,
              "Quality measures and counts by name (holdout AUC, lift, customers per tier, ...)")
          .optional(
              THRESHOLDS,
              NAMED_VALUES,
              "Cut values actually used: RFM score breaks and pyramid tier cuts, by name")
          .key(AS_OF_DATE, MODEL)
          .partitionBy(AS_OF_DATE)
          .build();

  private ModelRuns() {}
}
