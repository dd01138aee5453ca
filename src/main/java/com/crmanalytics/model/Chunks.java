package com.crmanalytics.model;

import java.util.stream.IntStream;

/**
 * Sums over [0, n) in fixed chunks of {@value #CHUNK} indices, in parallel when there are several,
 * with the chunk sums added in order: a total that depends only on the terms, never on the thread
 * count or the scheduling.
 */
final class Chunks {
  static final int CHUNK = 4096;
  private static final int PARALLEL_CHUNKS = 4;

  private Chunks() {}

  /** Terms over the indices from, inclusive, to, exclusive. */
  @FunctionalInterface
  interface RangeSum {
    double sum(int from, int to);
  }

  /** Work over the indices from, inclusive, to, exclusive. */
  @FunctionalInterface
  interface Range {
    void run(int from, int to);
  }

  /** The sums of {@code terms} over consecutive chunks of {@value #CHUNK} of [0, n). */
  static double[] chunkSums(int n, RangeSum terms) {
    double[] partial = new double[(n + CHUNK - 1) / CHUNK];
    forChunks(n, (from, to) -> partial[from / CHUNK] = terms.sum(from, to));
    return partial;
  }

  /** The chunk sums added in order. */
  static double total(double[] partial) {
    double total = 0;
    for (double p : partial) {
      total += p;
    }
    return total;
  }

  /** The indices in [0, n) of the first chunk whose sum is not finite (empty if none). */
  static int[] firstChunkNotFinite(double[] partial, int n) {
    for (int c = 0; c < partial.length; c++) {
      if (!Double.isFinite(partial[c])) {
        return IntStream.range(c * CHUNK, Math.min(n, (c + 1) * CHUNK)).toArray();
      }
    }
    return new int[0];
  }

  /**
   * Runs {@code body} over [0, n) in chunks of {@value #CHUNK}, in parallel when there are several.
   */
  static void forChunks(int n, Range body) {
    int chunks = (n + CHUNK - 1) / CHUNK;
    if (chunks < PARALLEL_CHUNKS) {
      for (int c = 0; c < chunks; c++) {
        body.run(c * CHUNK, Math.min(n, (c + 1) * CHUNK));
      }
    } else {
      IntStream.range(0, chunks)
          .parallel()
          .forEach(c -> body.run(c * CHUNK, Math.min(n, (c + 1) * CHUNK)));
    }
  }
}
