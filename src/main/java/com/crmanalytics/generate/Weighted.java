package com.crmanalytics.generate;

import java.util.Arrays;
import org.hipparchus.random.RandomGenerator;

/** A fixed discrete distribution over labels, drawn by inverting its cumulative weights. */
final class Weighted {
  private final String[] labels;
  private final double[] cumulative;

  Weighted(String[] labels, double[] weights) {
    if (labels.length != weights.length || labels.length == 0) {
      throw new IllegalArgumentException("labels and weights differ in length");
    }
    this.labels = labels.clone();
    this.cumulative = new double[weights.length];
    double sum = 0;
    for (int i = 0; i < weights.length; i++) {
      sum += weights[i];
      cumulative[i] = sum;
    }
    for (int i = 0; i < weights.length; i++) {
      cumulative[i] /= sum;
    }
  }

  /** Labels with the given weights, written "label:weight,label:weight". */
  static Weighted of(String spec) {
    String[] parts = spec.split(",");
    String[] labels = new String[parts.length];
    double[] weights = new double[parts.length];
    for (int i = 0; i < parts.length; i++) {
      String[] lw = parts[i].split(":");
      labels[i] = lw[0];
      weights[i] = Double.parseDouble(lw[1]);
    }
    return new Weighted(labels, weights);
  }

  int index(RandomGenerator rng) {
    double u = rng.nextDouble();
    int i = Arrays.binarySearch(cumulative, u);
    i = i >= 0 ? i : -i - 1;
    return Math.min(i, labels.length - 1);
  }

  String draw(RandomGenerator rng) {
    return labels[index(rng)];
  }

  String label(int i) {
    return labels[i];
  }

  int size() {
    return labels.length;
  }
}
