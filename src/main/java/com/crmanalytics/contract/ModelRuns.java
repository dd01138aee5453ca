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
 * the cut values used, so every score in the gold tables can be explained. Partitioned by
 * {@code as_of_date}; a stage replaces its own rows ({@code as_of_date = D AND model = '…'}).
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

  /** Values of {@link #MODEL}. */
  public static final String RFM = "rfm";
  /** The products bought together (crm product): FP-Growth thresholds and counts. */
  public static final String FP_GROWTH = "fp-growth";

  /** name → value, for params, metrics and thresholds. */
  static final DataType NAMED_VALUES = DataTypes.createMapType(STRING, DOUBLE, true);

  public static final TableContract CONTRACT =
      TableContract.builder(
              "model_runs", "Models fitted or computed for each date: parameters, fit, metrics and cut values used")
          .required(RUN_ID, STRING, "Pipeline run that wrote the row")
          .required(AS_OF_DATE, DATE, "Business date D the model is for")
          .required(MODEL, STRING, "Model: rfm (scores and pyramid), or a lifetime-value / churn model")
          .optional(PARAMS, NAMED_VALUES, "Parameters: settings used or values fitted, by name (units in README)")
          .optional(LOG_LIKELIHOOD, DOUBLE, "Log-likelihood of a fitted model (null when nothing is fitted)")
          .optional(N_CUSTOMERS, LONG, "Customers the model was computed on")
          .optional(CONVERGED, BOOLEAN, "Whether the fit converged (null when nothing is fitted)")
          .optional(ITERATIONS, INT, "Optimiser iterations (null when nothing is fitted)")
          .optional(METRICS, NAMED_VALUES, "Quality measures and counts by name (holdout AUC, lift, customers per tier, ...)")
          .optional(THRESHOLDS, NAMED_VALUES, "Cut values actually used: RFM score breaks and pyramid tier cuts, by name")
          .key(AS_OF_DATE, MODEL)
          .partitionBy(AS_OF_DATE)
          .build();

  private ModelRuns() {}
}
