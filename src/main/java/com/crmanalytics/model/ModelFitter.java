package com.crmanalytics.model;

import java.util.ArrayList;
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
 * Maximum-likelihood fitter: Hipparchus Nelder-Mead on the log-parameters from several starting
 * points, keeping the best converged run, then restarting Nelder-Mead from it until the
 * log-likelihood stops improving.
 *
 * <p>Why Nelder-Mead: the BTYD likelihoods have no cheap analytic gradient (Pareto/NBD goes through
 * 2F1), have only 3–4 parameters and are cheap over distinct patterns, so a derivative-free simplex
 * is robust and fast. Points where the likelihood cannot be computed count as +∞ cost, so the
 * simplex steps away from them. Nelder-Mead can stall on a collapsed simplex, which the restarts
 * from a fresh simplex guard against. A run converges when every vertex's value changes by less
 * than {@value #RELATIVE_TOLERANCE} relative between iterations.
 *
 * <p>Bounds: every parameter is kept in [{@value #LOWER}, {@value #UPPER}] (outside, the cost is
 * +∞). A parameter within a factor of 10 of a bound (below 1e-7 or above 1e7) is reported as at the
 * bound: the data pushed it to the edge of the model (for example r → ∞ when every customer buys at
 * the same rate), and the estimate is not an interior maximum.
 *
 * <p>Honest convergence: at the optimum the fitter computes the numeric gradient and observed
 * information in log-parameters ({@link ObservedInformation}); the fit is {@code converged} only if
 * the simplex converged, no parameter is at a bound, the information matrix is positive definite,
 * and the gradient test passes: the Newton step (information⁻¹ · gradient) is at most {@value
 * #GRADIENT_TOLERANCE} standard errors in every log-parameter. The test is in standard errors
 * rather than relative to |ln L| because ln L has an arbitrary additive constant (a density in t_x,
 * which changes with the time unit), while a standard error is the scale on which a stop short of
 * the maximum matters. Otherwise {@link FitResult#diagnostic()} says which failed. Standard errors
 * are sqrt of the diagonal of the inverse information (log-parameters), times the parameter for the
 * natural parameter (delta method).
 *
 * <p>Long because this comment is the optimiser's documentation (why Nelder-Mead, the bounds, when
 * a fit counts as converged), kept next to the code it explains; the code itself is about 230
 * lines.
 */
public final class ModelFitter {

  public static final int DEFAULT_MAX_EVALUATIONS = 20_000;

  /** Smallest value any parameter may take. */
  public static final double LOWER = 1e-8;

  /** Largest value any parameter may take. */
  public static final double UPPER = 1e8;

  /**
   * Distance in ln from a bound within which a parameter counts as at the bound: a factor of 10,
   * because a likelihood that keeps rising towards a bound flattens out, and the simplex stops
   * where the rise falls below its tolerance, short of the bound itself.
   */
  static final double AT_BOUND = Math.log(10);

  /**
   * Gradient test: the Newton step H⁻¹g from the optimum, in standard errors of each log-parameter,
   * may be at most this; larger means the simplex stopped short of the maximum by a margin that
   * matters for the estimate.
   */
  static final double GRADIENT_TOLERANCE = 0.01;

  private static final double LOG_LOWER = Math.log(LOWER);
  private static final double LOG_UPPER = Math.log(UPPER);
  static final double RELATIVE_TOLERANCE = 1e-12;
  private static final double ABSOLUTE_TOLERANCE = 1e-10;
  private static final int MAX_RESTARTS = 5;

  private final int maxEvaluations;

  /**
   * A fitter allowing {@value #DEFAULT_MAX_EVALUATIONS} likelihood evaluations per Nelder-Mead run.
   */
  public ModelFitter() {
    this(DEFAULT_MAX_EVALUATIONS);
  }

  /** A fitter allowing {@code maxEvaluations} likelihood evaluations per Nelder-Mead run. */
  public ModelFitter(int maxEvaluations) {
    Checks.check(maxEvaluations > 0, "maxEvaluations must be > 0, got %s", maxEvaluations);
    this.maxEvaluations = maxEvaluations;
  }

  /**
   * Maximises {@code logLikelihood} (a function of the positive parameters, in {@code names}
   * order); a parameter at a bound makes the fit not converged.
   *
   * @param starts starting points in natural (positive) parameters
   * @throws ModelException if no run converges, a restart fails to converge, or the optimum is not
   *     finite
   */
  public FitResult fit(
      String model,
      List<String> names,
      ToDoubleFunction<double[]> logLikelihood,
      long n,
      int patterns,
      List<double[]> starts) {
    return fit(model, names, logLikelihood, n, patterns, starts, Map.of());
  }

  /**
   * As {@link #fit(String, List, ToDoubleFunction, long, int, List)}, but a parameter named in
   * {@code refuseAtBound} that ends at a bound refuses the fit with a {@link ModelException} whose
   * message is the parameter's sentence from that map followed by the value: a degenerate fit, not
   * an estimate.
   */
  public FitResult fit(
      String model,
      List<String> names,
      ToDoubleFunction<double[]> logLikelihood,
      long n,
      int patterns,
      List<double[]> starts,
      Map<String, String> refuseAtBound) {
    Checks.check(!starts.isEmpty(), "%s fit needs at least one starting point", model);
    ToDoubleFunction<double[]> cost = theta -> cost(logLikelihood, theta);
    Totals totals = new Totals();
    Run best = null;
    for (double[] start : starts) {
      Checks.check(
          start.length == names.size(),
          "%s starting point %s must have %s values (%s)",
          model,
          Arrays.toString(start),
          names.size(),
          names);
      double[] theta = new double[start.length];
      for (int i = 0; i < start.length; i++) {
        Checks.check(
            Double.isFinite(start[i]) && start[i] > 0,
            "%s starting value %s = %s must be finite and > 0",
            model,
            names.get(i),
            start[i]);
        theta[i] = Math.min(LOG_UPPER - 1, Math.max(LOG_LOWER + 1, Math.log(start[i])));
      }
      Run run = totals.add(run(cost, theta, 0.5));
      if (run.converged && Double.isFinite(run.value) && (best == null || run.value < best.value)) {
        best = run;
      }
    }
    if (best == null) {
      throw new ModelException(
          String.format(
              Locale.ROOT,
              "%s fit did not converge to a finite log-likelihood from "
                  + "any of %d starting points within %d evaluations each (%d patterns, %d customers)",
              model,
              starts.size(),
              maxEvaluations,
              patterns,
              n));
    }
    for (int k = 0; k < MAX_RESTARTS; k++) {
      Run polished = totals.add(run(cost, best.point, 0.05));
      if (!polished.converged) {
        throw new ModelException(
            String.format(
                Locale.ROOT,
                "%s fit restart did not converge within %d evaluations "
                    + "(log-likelihood %.6f so far)",
                model,
                maxEvaluations,
                -best.value));
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
      params.put(
          names.get(i),
          Checks.finite(Math.exp(best.point[i]), "%s fitted %s", model, names.get(i)));
    }
    double ll = Checks.finite(-best.value, "%s log-likelihood at the optimum %s", model, params);
    List<String> problems = new ArrayList<>();
    for (int i = 0; i < names.size(); i++) {
      String name = names.get(i);
      boolean low = best.point[i] <= LOG_LOWER + AT_BOUND;
      if (low || best.point[i] >= LOG_UPPER - AT_BOUND) {
        String bound =
            String.format(
                Locale.ROOT,
                "%s = %.4g is at the %s bound %s",
                name,
                params.get(name),
                low ? "lower" : "upper",
                low ? LOWER : UPPER);
        if (refuseAtBound.containsKey(name)) {
          throw new ModelException(
              String.format(
                  Locale.ROOT,
                  "%s fit is degenerate: %s (%s; %d customers, " + "%d patterns)",
                  model,
                  refuseAtBound.get(name),
                  bound,
                  n,
                  patterns));
        }
        problems.add(bound);
      }
    }
    ObservedInformation.Result info = ObservedInformation.at(logLikelihood, best.point);
    if (info.problem() != null) {
      problems.add(info.problem());
    } else if (info.covariance() == null) {
      problems.add(
          "the information matrix is singular or not positive definite (a parameter combination is not "
              + "identified by the data)");
    } else {
      double offBy = ObservedInformation.newtonStepInStandardErrors(info);
      if (offBy > GRADIENT_TOLERANCE) {
        problems.add(
            String.format(
                Locale.ROOT,
                "the gradient test fails (the gradient %s points to a maximum %.3g "
                    + "standard errors away, tolerance %s)",
                Arrays.toString(info.gradient()),
                offBy,
                GRADIENT_TOLERANCE));
      }
    }
    Map<String, Double> se = new LinkedHashMap<>();
    double[][] covariance = info.covariance() == null ? new double[0][] : info.covariance();
    if (info.covariance() != null) {
      for (int i = 0; i < names.size(); i++) {
        se.put(names.get(i), params.get(names.get(i)) * Math.sqrt(covariance[i][i]));
      }
    }
    String diagnostic =
        problems.isEmpty() ? "" : model + " fit is not converged: " + String.join("; ", problems);
    return new FitResult(
        model,
        params,
        ll,
        n,
        patterns,
        totals.iterations,
        totals.evaluations,
        problems.isEmpty(),
        se,
        covariance,
        diagnostic);
  }

  private static double cost(ToDoubleFunction<double[]> logLikelihood, double[] theta) {
    double[] v = new double[theta.length];
    for (int i = 0; i < theta.length; i++) {
      if (!(theta[i] >= LOG_LOWER && theta[i] <= LOG_UPPER)) {
        return Double.POSITIVE_INFINITY;
      }
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
    SimplexOptimizer optimizer =
        new SimplexOptimizer(new SimpleValueChecker(RELATIVE_TOLERANCE, ABSOLUTE_TOLERANCE));
    try {
      PointValuePair opt =
          optimizer.optimize(
              new MaxEval(maxEvaluations),
              new MaxIter(Integer.MAX_VALUE),
              new ObjectiveFunction(cost::applyAsDouble),
              GoalType.MINIMIZE,
              new InitialGuess(start),
              new NelderMeadSimplex(start.length, step));
      return new Run(
          opt.getPoint(),
          opt.getValue(),
          optimizer.getIterations(),
          optimizer.getEvaluations(),
          true);
    } catch (MathIllegalStateException tooManyEvaluations) {
      return new Run(
          start,
          Double.POSITIVE_INFINITY,
          optimizer.getIterations(),
          optimizer.getEvaluations(),
          false);
    }
  }

  private record Run(
      double[] point, double value, int iterations, int evaluations, boolean converged) {}

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
