package com.crmanalytics.model;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.hipparchus.exception.MathIllegalStateException;
import org.hipparchus.optim.InitialGuess;
import org.hipparchus.optim.MaxEval;
import org.hipparchus.optim.MaxIter;
import org.hipparchus.optim.PointValuePair;
import org.hipparchus.optim.SimpleValueChecker;
import org.hipparchus.optim.nonlinear.scalar.GoalType;
import org.hipparchus.optim.nonlinear.scalar.ObjectiveFunction;
import org.hipparchus.optim.nonlinear.scalar.noderiv.NelderMeadSimplex;
import org.hipparchus.optim.nonlinear.scalar.noderiv.SimplexOptimizer;

/**
 * Maximum-likelihood fitter: Hipparchus Nelder-Mead on the log-parameters from several starting points, keeping
 * the best converged run, then restarting Nelder-Mead from it until the log-likelihood stops improving.
 *
 * <p>Why Nelder-Mead: the BTYD likelihoods have no cheap analytic gradient (Pareto/NBD goes through 2F1), have
 * only 3–4 parameters and are cheap over distinct patterns, so a derivative-free simplex is robust and fast;
 * working on log-parameters keeps it unconstrained. Points where the likelihood cannot be computed count as
 * +∞ cost, so the simplex steps away from them. Nelder-Mead can stall on a collapsed simplex, which the restarts
 * from a fresh simplex guard against. A run converges when every vertex's value changes by less than
 * {@value #RELATIVE_TOLERANCE} relative between iterations.
 */
public final class ModelFitter {

  public static final int DEFAULT_MAX_EVALUATIONS = 20_000;
  static final double RELATIVE_TOLERANCE = 1e-12;
  private static final double ABSOLUTE_TOLERANCE = 1e-10;
  private static final int MAX_RESTARTS = 5;

  private final int maxEvaluations;

  /** A fitter allowing {@value #DEFAULT_MAX_EVALUATIONS} likelihood evaluations per Nelder-Mead run. */
  public ModelFitter() {
    this(DEFAULT_MAX_EVALUATIONS);
  }

  /** A fitter allowing {@code maxEvaluations} likelihood evaluations per Nelder-Mead run. */
  public ModelFitter(int maxEvaluations) {
    Checks.check(maxEvaluations > 0, "maxEvaluations must be > 0, got %s", maxEvaluations);
    this.maxEvaluations = maxEvaluations;
  }

  /**
   * Maximises {@code logLikelihood} (a function of the positive parameters, in {@code names} order).
   *
   * @param starts starting points in natural (positive) parameters
   * @throws ModelException if no run converges, a restart fails to converge, or the optimum is not finite
   */
  public FitResult fit(String model, List<String> names, ToDoubleFunction<double[]> logLikelihood, long n,
      int patterns, List<double[]> starts) {
    Checks.check(!starts.isEmpty(), "%s fit needs at least one starting point", model);
    ToDoubleFunction<double[]> cost = theta -> cost(logLikelihood, theta);
    Totals totals = new Totals();
    Run best = null;
    for (double[] start : starts) {
      Checks.check(start.length == names.size(), "%s starting point %s must have %s values (%s)",
          model, Arrays.toString(start), names.size(), names);
      double[] theta = new double[start.length];
      for (int i = 0; i < start.length; i++) {
        Checks.check(Double.isFinite(start[i]) && start[i] > 0,
            "%s starting value %s = %s must be finite and > 0", model, names.get(i), start[i]);
        theta[i] = Math.log(start[i]);
      }
      Run run = totals.add(run(cost, theta, 0.5));
      if (run.converged && Double.isFinite(run.value) && (best == null || run.value < best.value)) {
        best = run;
      }
    }
    if (best == null) {
      throw new ModelException(String.format(Locale.ROOT, "%s fit did not converge to a finite log-likelihood from "
          + "any of %d starting points within %d evaluations each (%d patterns, %d customers)",
          model, starts.size(), maxEvaluations, patterns, n));
    }
    for (int k = 0; k < MAX_RESTARTS; k++) {
      Run polished = totals.add(run(cost, best.point, 0.05));
      if (!polished.converged) {
        throw new ModelException(String.format(Locale.ROOT, "%s fit restart did not converge within %d evaluations "
            + "(log-likelihood %.6f so far)", model, maxEvaluations, -best.value));
      }
      double gain = best.value - polished.value;
      if (gain > 0) {
        best = polished;
      }
      if (gain <= 1e-9 * Math.max(1, Math.abs(best.value))) {
        break;
      }
    }
    Map<String, Double> params = new LinkedHashMap<>();
    for (int i = 0; i < names.size(); i++) {
      params.put(names.get(i), Checks.finite(Math.exp(best.point[i]), "%s fitted %s", model, names.get(i)));
    }
    double ll = Checks.finite(-best.value, "%s log-likelihood at the optimum %s", model, params);
    return new FitResult(model, params, ll, n, patterns, totals.iterations, totals.evaluations, true);
  }

  private static double cost(ToDoubleFunction<double[]> logLikelihood, double[] theta) {
    double[] v = new double[theta.length];
    for (int i = 0; i < theta.length; i++) {
      v[i] = Math.exp(theta[i]);
      if (!(v[i] > 0 && Double.isFinite(v[i]))) {
        return Double.POSITIVE_INFINITY;
      }
    }
    try {
      double ll = logLikelihood.applyAsDouble(v);
      return Double.isFinite(ll) ? -ll : Double.POSITIVE_INFINITY;
    } catch (ModelException e) {
      return Double.POSITIVE_INFINITY;
    }
  }

  private Run run(ToDoubleFunction<double[]> cost, double[] start, double step) {
    SimplexOptimizer optimizer = new SimplexOptimizer(new SimpleValueChecker(RELATIVE_TOLERANCE, ABSOLUTE_TOLERANCE));
    try {
      PointValuePair opt = optimizer.optimize(new MaxEval(maxEvaluations), new MaxIter(Integer.MAX_VALUE),
          new ObjectiveFunction(cost::applyAsDouble), GoalType.MINIMIZE, new InitialGuess(start),
          new NelderMeadSimplex(start.length, step));
      return new Run(opt.getPoint(), opt.getValue(), optimizer.getIterations(), optimizer.getEvaluations(), true);
    } catch (MathIllegalStateException tooManyEvaluations) {
      return new Run(start, Double.POSITIVE_INFINITY, optimizer.getIterations(), optimizer.getEvaluations(), false);
    }
  }

  private record Run(double[] point, double value, int iterations, int evaluations, boolean converged) {}

  private static final class Totals {
    int iterations;
    int evaluations;

    Run add(Run run) {
      iterations += run.iterations;
      evaluations += run.evaluations;
      return run;
    }
  }
}
