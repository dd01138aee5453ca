package com.crmanalytics.segment;

import static org.assertj.core.api.Assertions.assertThat;

import com.crmanalytics.config.PyramidSettings.Tier;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TierCutsTest {
  static final List<Tier> DEFAULT =
      List.of(
          new Tier("vip", 0.01),
          new Tier("major", 0.05),
          new Tier("ordinary", 0.20),
          new Tier("small", 1.0));

  @ParameterizedTest(name = "N={0}: vip to {1}, major to {2}, ordinary to {3}")
  @CsvSource({
    "1, 1, 1, 1",
    "99, 1, 5, 20",
    "100, 1, 5, 20",
    "101, 2, 6, 21",
    "6, 1, 1, 2",
    "1000000, 10000, 50000, 200000"
  })
  void lastRanks(long n, long vip, long major, long ordinary) {
    assertThat(TierCuts.cuts(n, DEFAULT))
        .containsExactly(
            new TierCuts.Cut("vip", vip),
            new TierCuts.Cut("major", major),
            new TierCuts.Cut("ordinary", ordinary),
            new TierCuts.Cut("small", n));
  }

  @ParameterizedTest(name = "N={0}, rank {1} -> {2}")
  @CsvSource({
    "1, 1, vip",
    "99, 1, vip",
    "99, 2, major",
    "99, 5, major",
    "99, 6, ordinary",
    "99, 20, ordinary",
    "99, 21, small",
    "99, 99, small",
    "100, 1, vip",
    "100, 2, major",
    "100, 5, major",
    "100, 6, ordinary",
    "100, 20, ordinary",
    "100, 21, small",
    "101, 2, vip",
    "101, 3, major",
    "101, 6, major",
    "101, 7, ordinary",
    "101, 21, ordinary",
    "101, 22, small",
    // N = 6: major is empty (ceil(0.3) = 1 = vip's last rank)
    "6, 1, vip",
    "6, 2, ordinary",
    "6, 3, small"
  })
  void tierOfRank(long n, long rank, String tier) {
    assertThat(TierCuts.tierOf(rank, TierCuts.cuts(n, DEFAULT))).isEqualTo(tier);
  }

  @Test
  void sharesAreDecimalNotBinary() {
    // 0.07 × 100 is 7.000000000000001 in binary floating point: ceil would give 8.
    List<TierCuts.Cut> cuts =
        TierCuts.cuts(100, List.of(new Tier("top", 0.07), new Tier("rest", 1.0)));
    assertThat(cuts.get(0).lastRank()).isEqualTo(7);
  }

  @Test
  void noCustomersMeansEmptyTiers() {
    assertThat(TierCuts.cuts(0, DEFAULT)).allSatisfy(c -> assertThat(c.lastRank()).isZero());
  }
}
