package com.crmanalytics.generate;

/**
 * Derives independent random streams from (seed, customer, stream) so output never depends on
 * threading.
 */
final class Seeds {
  private Seeds() {}

  /** SplitMix64 finaliser over the three inputs. */
  static long mix(long seed, long customer, int stream) {
    long z =
        seed * 0x9E3779B97F4A7C15L
            + customer * 0xBF58476D1CE4E5B9L
            + stream * 0x94D049BB133111EBL
            + 0x2545F4914F6CDD1DL;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
