package com.crmanalytics.contract;

import static com.crmanalytics.contract.Rules.DATE;
import static com.crmanalytics.contract.Rules.DOUBLE;
import static com.crmanalytics.contract.Rules.STRING;

/**
 * Report table {@code report_model}: the models of the date and their credibility, one row per
 * number from {@code model_runs}, by {@code as_of_date}. A run for D replaces the rows of D; the
 * queries that fill it are in {@code report/ReportQueries}.
 */
public final class ReportModel {
  public static final String AS_OF_DATE = "as_of_date";
  public static final String MODEL = "model";
  public static final String KIND = "kind";
  public static final String NAME = "name";
  public static final String VALUE = "value";

  public static final TableContract CONTRACT =
      TableContract.builder(
              "report_model",
              "The models of the date and their credibility, one row per number (from model_runs)")
          .required(AS_OF_DATE, DATE, "Business date D of the report")
          .required(MODEL, STRING, "bg-nbd, mbg-nbd or pareto-nbd, gamma-gamma, churn or rfm")
          .required(
              KIND,
              STRING,
              "param (fitted or set), fit (log_likelihood, n_customers, iterations, converged), "
                  + "metric (holdout, AUC, ...) or threshold")
          .required(NAME, STRING, "Name of the number, as in model_runs")
          .required(VALUE, DOUBLE, "The number")
          .key(AS_OF_DATE, MODEL, KIND, NAME)
          .partitionBy(AS_OF_DATE)
          .build();

  private ReportModel() {}
}
