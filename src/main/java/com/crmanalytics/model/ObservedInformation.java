package com.crmanalytics.model;

import java.util.function.ToDoubleFunction;
import org.hipparchus.exception.MathRuntimeException;
import org.hipparchus.linear.CholeskyDecomposition;
import org.hipparchus.linear.MatrixUtils;
import org.hipparchus.linear.RealMatrix;

/**
 * Numeric gradient and observed information of a log-likelihood in log-parameters θ = ln v at a
 * point, and the covariance of the log-parameters as the inverse information (the asymptotic normal
 * of the maximum-likelihood estimate).
 *
 * <p>Derivatives are central differences with step {@value #STEP} in θ (0.1% of each parameter):
 * the truncation error is of order STEP² ≈ 1e-6 relative, and the rounding error of a likelihood
 * sum (≈ 1e-12 relative) divided by STEP² stays far below the information of any data set worth
 * fitting. Each Hessian takes 1 + 2k + 2k(k−1) likelihood evaluations (33 for four parameters).
 */
final class ObservedInformation {

  static final double STEP = 1e-3;

  /**
   * Smallest Cholesky pivot of the information scaled to unit diagonal (its correlation form) that
   * counts as positive definite: below it, some combination of parameters is not identified by the
   * data.
   */
  static final double PIVOT = 1e-10;

  /**
   * Gradient of ln L in θ; {@code information} the negated Hessian; {@code covariance} null when
   * not invertible.
   */
  record Result(double[] gradient, double[][] information, double[][] covariance, String problem) {}

  private ObservedInformation() {}

  /**
   * Gradient, information and (if positive definite) covariance at θ; {@code logLikelihood} of
   * natural params.
   */
  static Result at(ToDoubleFunction<double[]> logLikelihood, double[] theta) {
    int k = theta.length;
    ToDoubleFunction<double[]> f =
        t -> {
          double[] v = new double[k];
          for (int i = 0; i < k; i++) {
            v[i] = Math.exp(t[i]);
          }
          return logLikelihood.applyAsDouble(v);
        };
    double[] gradient = new double[k];
    double[][] hessian = new double[k][k];
    double centre;
    try {
      centre = f.applyAsDouble(theta);
      for (int i = 0; i < k; i++) {
        double up = f.applyAsDouble(shift(theta, i, STEP, -1, 0));
        double down = f.applyAsDouble(shift(theta, i, -STEP, -1, 0));
        gradient[i] = (up - down) / (2 * STEP);
        hessian[i][i] = (up - 2 * centre + down) / (STEP * STEP);
        for (int j = 0; j < i; j++) {
          double pp = f.applyAsDouble(shift(theta, i, STEP, j, STEP));
          double pm = f.applyAsDouble(shift(theta, i, STEP, j, -STEP));
          double mp = f.applyAsDouble(shift(theta, i, -STEP, j, STEP));
          double mm = f.applyAsDouble(shift(theta, i, -STEP, j, -STEP));
          hessian[i][j] = (pp - pm - mp + mm) / (4 * STEP * STEP);
          hessian[j][i] = hessian[i][j];
        }
      }
    } catch (ModelException e) {
      return new Result(
          new double[k],
          new double[k][k],
          null,
          "the log-likelihood cannot be evaluated next to the optimum (" + e.getMessage() + ")");
    }
    double[][] information = new double[k][k];
    for (int i = 0; i < k; i++) {
      for (int j = 0; j < k; j++) {
        information[i][j] = -hessian[i][j];
        if (!Double.isFinite(information[i][j])) {
          return new Result(gradient, information, null, "the information matrix is not finite");
        }
      }
    }
    return new Result(gradient, information, invert(information), null);
  }

  /**
   * The inverse of a symmetric positive-definite matrix, or null if it is singular or not positive
   * definite. The matrix is scaled to unit diagonal first, so the test does not depend on the units
   * of the parameters or on the number of customers.
   */
  static double[][] invert(double[][] information) {
    int k = information.length;
    double[] scale = new double[k];
    for (int i = 0; i < k; i++) {
      if (!(information[i][i] > 0)) {
        return null;
      }
      scale[i] = 1 / Math.sqrt(information[i][i]);
    }
    RealMatrix scaled = MatrixUtils.createRealMatrix(k, k);
    for (int i = 0; i < k; i++) {
      for (int j = 0; j < k; j++) {
        scaled.setEntry(i, j, information[i][j] * scale[i] * scale[j]);
      }
    }
    double[][] inverse;
    try {
      inverse = new CholeskyDecomposition(scaled, 1e-6, PIVOT).getSolver().getInverse().getData();
    } catch (MathRuntimeException e) {
      return null;
    }
    for (int i = 0; i < k; i++) {
      for (int j = 0; j < k; j++) {
        inverse[i][j] *= scale[i] * scale[j];
      }
    }
    return inverse;
  }

  private static double[] shift(double[] theta, int i, double di, int j, double dj) {
    double[] t = theta.clone();
    t[i] += di;
    if (j >= 0) {
      t[j] += dj;
    }
    return t;
  }

  /**
   * max_i |(information⁻¹ · gradient)_i| / sqrt(covariance_ii): how far a Newton step would move,
   * in SEs.
   */
  static double newtonStepInStandardErrors(Result info) {
    double[][] cov = info.covariance();
    double[] g = info.gradient();
    double worst = 0;
    for (int i = 0; i < g.length; i++) {
      double step = 0;
      for (int j = 0; j < g.length; j++) {
        step += cov[i][j] * g[j];
      }
      worst = Math.max(worst, Math.abs(step) / Math.sqrt(cov[i][i]));
    }
    return worst;
  }
}
