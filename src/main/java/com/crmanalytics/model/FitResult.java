package com.crmanalytics.model;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Outcome of a maximum-likelihood fit, as recorded in {@code model_runs}: parameters in model
 * order, the total log-likelihood, {@code n} customers (sum of pattern counts) over {@code
 * patterns} distinct patterns, and the optimiser's iterations and evaluations summed over all
 * starting points and restarts.
 *
 * <p>{@code standardErrors} holds the standard error of each natural parameter (same keys as {@code
 * params}; empty when the information matrix could not be inverted), {@code logCovariance} the
 * covariance matrix of the log-parameters in model order (the inverse observed information; empty
 * when unavailable), and {@code diagnostic} the reason {@code converged} is false, in one sentence
 * ("" when converged).
 */
public record FitResult(
    String model,
    Map<String, Double> params,
    double logLikelihood,
    long n,
    int patterns,
    int iterations,
    int evaluations,
    boolean converged,
    Map<String, Double> standardErrors,
    double[][] logCovariance,
    String diagnostic) {

  public FitResult {
    params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
    standardErrors = Collections.unmodifiableMap(new LinkedHashMap<>(standardErrors));
    logCovariance = copy(logCovariance);
    Checks.check(diagnostic != null, "FitResult diagnostic must not be null (use \"\")");
  }

  /** A fit without standard errors or covariance (e.g. restored from parameters only). */
  public FitResult(
      String model,
      Map<String, Double> params,
      double logLikelihood,
      long n,
      int patterns,
      int iterations,
      int evaluations,
      boolean converged) {
    this(
        model,
        params,
        logLikelihood,
        n,
        patterns,
        iterations,
        evaluations,
        converged,
        Map.of(),
        new double[0][],
        converged ? "" : "not converged");
  }

  /** The fitted parameter, failing with the available names if absent. */
  public double param(String name) {
    return Checks.required(params, name);
  }

  /**
   * The standard error of a natural parameter, failing if absent (no covariance, or an unknown
   * name).
   */
  public double standardError(String name) {
    return Checks.required(standardErrors, name);
  }

  /**
   * Whether the covariance of the log-parameters is available (the information matrix was
   * invertible).
   */
  public boolean hasCovariance() {
    return logCovariance.length == params.size();
  }

  /** A copy of the covariance matrix of the log-parameters, model order. */
  @Override
  public double[][] logCovariance() {
    return copy(logCovariance);
  }

  private static double[][] copy(double[][] m) {
    return m == null
        ? new double[0][]
        : Arrays.stream(m).map(double[]::clone).toArray(double[][]::new);
  }

  @Override
  public String toString() {
    return String.format(
        java.util.Locale.ROOT,
        "FitResult[model=%s, params=%s, se=%s, logLikelihood=%s, n=%d, "
            + "patterns=%d, iterations=%d, evaluations=%d, converged=%s%s]",
        model,
        params,
        standardErrors,
        logLikelihood,
        n,
        patterns,
        iterations,
        evaluations,
        converged,
        diagnostic.isEmpty() ? "" : ", diagnostic=" + diagnostic);
  }
}
