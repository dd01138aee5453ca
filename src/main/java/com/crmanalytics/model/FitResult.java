package com.crmanalytics.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Outcome of a maximum-likelihood fit, as recorded in {@code model_runs}: parameters in model order, the total
 * log-likelihood, {@code n} customers (sum of pattern counts) over {@code patterns} distinct patterns, and the
 * optimiser's iterations and evaluations summed over all starting points and restarts.
 */
public record FitResult(String model, Map<String, Double> params, double logLikelihood, long n, int patterns,
    int iterations, int evaluations, boolean converged) {

  public FitResult {
    params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
  }

  /** The fitted parameter, failing with the available names if absent. */
  public double param(String name) {
    return Checks.required(params, name);
  }
}
