package com.crmanalytics.segment;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import com.crmanalytics.contract.CustomerSegments;
import com.crmanalytics.contract.ModelRuns;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import org.apache.spark.sql.Column;

/**
 * The columns the segment stage derives from the break values found in the data: the RFM score of
 * one measure, the pyramid tier and the named segment. Each records the cut values it used in the
 * thresholds and metrics of the rfm row of model_runs.
 */
final class ScoreColumns {
  private ScoreColumns() {}

  /** Score k → its break position (1-based, values sorted worst first); none when n ≤ 1. */
  static Map<Integer, Long> breakPositions(long n, int bins) {
    Map<Integer, Long> positions = new LinkedHashMap<>();
    for (int k = 2; n > 1 && k <= bins; k++) {
      positions.put(k, RfmScore.breakPosition(k, n, bins));
    }
    return positions;
  }

  /** Tier → position (1-based, smallest first) of its last-ranked customer, for non-empty tiers. */
  static Map<String, Long> tierPositions(long n, List<TierCuts.Cut> cuts) {
    Map<String, Long> positions = new LinkedHashMap<>();
    long previous = 0;
    for (TierCuts.Cut c : cuts) {
      if (c.lastRank() > previous) {
        positions.put(c.tier(), n - c.lastRank() + 1); // k-th largest = (n − k + 1)-th smallest
      }
      previous = c.lastRank();
    }
    return positions;
  }

  /**
   * The score column of one measure: {@code when(value > t_bins, bins) … .otherwise(1)}, with t_k
   * the value at the break position of k; records each t_k in thresholds (negated for recency).
   */
  static Column score(
      String column,
      long n,
      int bins,
      Map<Long, BigDecimal> values,
      IntFunction<String> name,
      boolean negated,
      Map<String, Double> thresholds) {
    Column score = lit(1);
    for (Map.Entry<Integer, Long> e : breakPositions(n, bins).entrySet()) {
      BigDecimal t = values.get(e.getValue());
      thresholds.put(name.apply(e.getKey()), (negated ? t.negate() : t).doubleValue());
      score = when(col(column).gt(lit(t)), e.getKey()).otherwise(score);
    }
    return score;
  }

  /**
   * The tier column ({@code when(rank <= last_1, tier_1) …}) over the tier_rank column; records
   * each tier's last rank and the measure of the customer at that rank (its smallest member), and
   * the number of customers per tier.
   */
  static Column tiers(
      long n,
      List<TierCuts.Cut> cuts,
      Map<Long, BigDecimal> values,
      String measureName,
      Map<String, Double> thresholds,
      Map<String, Double> metrics) {
    Map<String, Long> positions = tierPositions(n, cuts);
    long previous = 0;
    for (TierCuts.Cut c : cuts) {
      thresholds.put(ModelRuns.tierKey(c.tier(), ModelRuns.LAST_RANK), (double) c.lastRank());
      if (positions.containsKey(c.tier())) {
        thresholds.put(
            ModelRuns.tierKey(c.tier(), ModelRuns.MIN_PREFIX + measureName),
            values.get(positions.get(c.tier())).doubleValue());
      }
      metrics.put(
          ModelRuns.tierKey(c.tier(), ModelRuns.CUSTOMERS), (double) (c.lastRank() - previous));
      previous = c.lastRank();
    }
    Column tier = lit(cuts.get(cuts.size() - 1).tier());
    for (int i = cuts.size() - 2; i >= 0; i--) {
      tier =
          when(col(CustomerSegments.TIER_RANK).leq(cuts.get(i).lastRank()), cuts.get(i).tier())
              .otherwise(tier);
    }
    return tier;
  }

  /** map("11" → "lost", …, "55" → "champions"), generated from {@link SegmentTable}. */
  static Column segmentLookup(int bins) {
    List<Column> entries = new ArrayList<>();
    SegmentTable.byScores(bins)
        .forEach(
            (cell, segment) -> {
              entries.add(lit(cell));
              entries.add(lit(segment));
            });
    return org.apache.spark.sql.functions.map(entries.toArray(Column[]::new));
  }
}
