package com.crmanalytics.segment;

import com.crmanalytics.config.PyramidSettings.Tier;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * Where the customer pyramid is cut (no Spark): with N customers ranked 1..N, a tier with
 * cumulative share s ends at rank ceil(s × N), computed in decimal so 0.07 × 100 is 7, not 8. A
 * tier is empty when it ends where the tier above ends.
 */
public final class TierCuts {
  /**
   * A tier and the last rank it holds (inclusive); it starts after the previous tier's last rank.
   */
  public record Cut(String tier, long lastRank) {}

  private TierCuts() {}

  public static List<Cut> cuts(long n, List<Tier> tiers) {
    if (n < 0 || tiers.isEmpty()) {
      throw new IllegalArgumentException("need n >= 0 and at least one tier");
    }
    List<Cut> cuts = new ArrayList<>();
    for (int i = 0; i < tiers.size(); i++) {
      Tier t = tiers.get(i);
      long last =
          i == tiers.size() - 1
              ? n
              : BigDecimal.valueOf(t.share())
                  .multiply(BigDecimal.valueOf(n))
                  .setScale(0, RoundingMode.CEILING)
                  .longValueExact();
      cuts.add(new Cut(t.name(), Math.min(last, n)));
    }
    return cuts;
  }

  /** The tier of a 1-based rank. */
  public static String tierOf(long rank, List<Cut> cuts) {
    for (Cut c : cuts) {
      if (rank <= c.lastRank()) {
        return c.tier();
      }
    }
    throw new IllegalArgumentException("rank " + rank + " beyond the last cut " + cuts);
  }
}
