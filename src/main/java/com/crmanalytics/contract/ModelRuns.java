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
 * as_of_date}; a stage replaces its own rows ({@code as_of_date = D AND model = '…'}).
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

  // Keys of params, metrics and thresholds, written by the value stage and read by the report and
  // the tests.

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
