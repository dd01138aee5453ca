package com.crmanalytics.model;

import java.util.List;
import java.util.Optional;

/**
 * The incremental effect of a treatment on a per-customer outcome (purchases or revenue in a
 * window), measured against a comparison group: the difference of the treated group's mean and the
 * comparison group's, with a 90% interval from the normal approximation (Welch's standard error,
 * each group's variance taken no lower than the two groups' pooled variance: holdouts are often
 * small, most of their customers buy nothing in the window, and the sample variance of so small a
 * group is too often near zero, which would make the interval far too narrow). With strata (cells
 * of customers alike, e.g. segment × tier) the comparison mean is re-weighted to the treated
 * group's mix (post-stratification: each cell weighs as its share of the treated customers), so a
 * difference in who was targeted is not read as an effect.
 */
public final class IncrementalEffect {
  /**
   * The 95% quantile of the standard normal: the half-width of a 90% interval in standard errors.
   */
  public static final double Z90 = 1.6448536269514722;

  private IncrementalEffect() {}

  /** Count, sum and sum of squares of one group's per-customer outcome. */
  public record Moments(long n, double sum, double sumOfSquares) {
    public double mean() {
      return sum / n;
    }

    /** The sample variance (n − 1 in the denominator); needs n ≥ 2. */
    public double variance() {
      double m = mean();
      return Math.max(0, (sumOfSquares - n * m * m) / (n - 1));
    }
  }

  /** One stratum: the treated and the comparison customers of a cell. */
  public record Cell(Moments treated, Moments comparison) {}

  /**
   * The estimate.
   *
   * @param treated treated customers in the estimate (those of cells with a comparison)
   * @param comparison comparison customers in the estimate
   * @param treatedMean the treated customers' mean outcome
   * @param comparisonMean what the treated customers' mean would have been without the treatment
   * @param treatedVariance the variance of {@code treatedMean}
   * @param comparisonVariance the variance of {@code comparisonMean}
   */
  public record Estimate(
      long treated,
      long comparison,
      double treatedMean,
      double comparisonMean,
      double treatedVariance,
      double comparisonVariance) {

    /** Incremental outcome per treated customer. */
    public double difference() {
      return treatedMean - comparisonMean;
    }

    public double standardError() {
      return Math.sqrt(treatedVariance + comparisonVariance);
    }

    /** Lower end of the 90% interval of {@link #difference()}. */
    public double low() {
      return difference() - Z90 * standardError();
    }

    /** Upper end of the 90% interval of {@link #difference()}. */
    public double high() {
      return difference() + Z90 * standardError();
    }

    /** True when the 90% interval excludes zero: the effect is distinguishable from none. */
    public boolean distinguishableFromZero() {
      return low() > 0 || high() < 0;
    }

    /**
     * The relative lift treatedMean / comparisonMean − 1; empty when the comparison mean is not
     * positive.
     */
    public Optional<Double> lift() {
      return comparisonMean > 0 ? Optional.of(treatedMean / comparisonMean - 1) : Optional.empty();
    }

    /**
     * The 90% interval of {@link #lift()} by the delta method (the standard error of a ratio of
     * independent means): {low, high}; empty when the lift is.
     */
    public Optional<double[]> liftInterval() {
      if (!(comparisonMean > 0)) {
        return Optional.empty();
      }
      double ratio = treatedMean / comparisonMean;
      double relative =
          comparisonVariance / (comparisonMean * comparisonMean)
              + (treatedMean > 0 ? treatedVariance / (treatedMean * treatedMean) : 0);
      double se =
          treatedMean > 0
              ? ratio * Math.sqrt(relative)
              : Math.sqrt(treatedVariance) / comparisonMean;
      return Optional.of(new double[] {ratio - 1 - Z90 * se, ratio - 1 + Z90 * se});
    }
  }

  /** The plain comparison of two groups; empty when either has fewer than two customers. */
  public static Optional<Estimate> compare(Moments treated, Moments comparison) {
    return stratified(List.of(new Cell(treated, comparison)));
  }

  /**
   * The post-stratified comparison: cells where either group has fewer than two customers are left
   * out (their treated customers have no one alike to compare with); empty when no cell is left.
   */
  public static Optional<Estimate> stratified(List<Cell> cells) {
    long treated = 0;
    long comparison = 0;
    for (Cell c : cells) {
      if (usable(c)) {
        treated += c.treated().n();
        comparison += c.comparison().n();
      }
    }
    if (treated == 0) {
      return Optional.empty();
    }
    double mt = 0;
    double mc = 0;
    double vt = 0;
    double vc = 0;
    for (Cell c : cells) {
      if (!usable(c)) {
        continue;
      }
      double w = (double) c.treated().n() / treated;
      mt += w * c.treated().mean();
      mc += w * c.comparison().mean();
      double pooled = pooledVariance(c);
      vt += w * w * Math.max(pooled, c.treated().variance()) / c.treated().n();
      vc += w * w * Math.max(pooled, c.comparison().variance()) / c.comparison().n();
    }
    return Optional.of(new Estimate(treated, comparison, mt, mc, vt, vc));
  }

  /** The variance of the outcome in a cell, from both groups: Σ(n − 1)·s² / (n₁ + n₀ − 2). */
  static double pooledVariance(Cell c) {
    Moments t = c.treated();
    Moments k = c.comparison();
    return ((t.n() - 1) * t.variance() + (k.n() - 1) * k.variance()) / (t.n() + k.n() - 2);
  }

  private static boolean usable(Cell c) {
    return c.treated().n() >= 2 && c.comparison().n() >= 2;
  }
}
