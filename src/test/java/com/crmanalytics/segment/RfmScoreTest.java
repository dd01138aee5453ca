package com.crmanalytics.segment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RfmScoreTest {

  @ParameterizedTest(name = "worse={0} of n={1}, bins={2} -> {3}")
  @CsvSource({
    // n = 1: a lone customer scores 1
    "0, 1, 5, 1",
    // n − 1 = bins: score = 1 + worse, capped
    "0, 6, 5, 1",
    "1, 6, 5, 2",
    "4, 6, 5, 5",
    "5, 6, 5, 5",
    // n = 11 (n − 1 = 10): 5 × worse / 10
    "0, 11, 5, 1",
    "1, 11, 5, 1",
    "2, 11, 5, 2",
    "3, 11, 5, 2",
    "9, 11, 5, 5",
    "10, 11, 5, 5",
    // n = 4: percent ranks 0, 1/3, 2/3, 1
    "0, 4, 5, 1",
    "1, 4, 5, 2",
    "2, 4, 5, 4",
    "3, 4, 5, 5",
    // three bins
    "1, 4, 3, 2",
    "2, 4, 3, 3",
    "3, 4, 3, 3"
  })
  void scoreFollowsTheFormula(long worse, long n, int bins, int expected) {
    assertThat(RfmScore.score(worse, n, bins)).isEqualTo(expected);
  }

  @Test
  void integerScoreEqualsFormulaOnPercentRank() {
    for (int bins = 2; bins <= 9; bins++) {
      for (long n = 2; n <= 60; n++) {
        for (long worse = 0; worse < n; worse++) {
          double percentRank = (double) worse / (n - 1);
          int formula = (int) Math.min(bins, 1 + Math.floor(bins * percentRank + 1e-12));
          assertThat(RfmScore.score(worse, n, bins))
              .as("bins %d n %d worse %d", bins, n, worse)
              .isEqualTo(formula);
        }
      }
    }
  }

  @Test
  void tiedValuesShareAScoreAndTheWorstScoresOne() {
    // Values 1, 2, 2, 3, 5 ("better is larger"): worse counts 0, 1, 1, 3, 4.
    assertThat(RfmScore.score(0, 5, 5)).isEqualTo(1);
    assertThat(RfmScore.score(1, 5, 5)).isEqualTo(2);
    assertThat(RfmScore.score(3, 5, 5)).isEqualTo(4);
    assertThat(RfmScore.score(4, 5, 5)).isEqualTo(5);
  }

  @Test
  void scoreIsAtLeastKExactlyFromTheBreakPosition() {
    for (int bins = 2; bins <= 9; bins++) {
      for (long n = 2; n <= 60; n++) {
        for (int k = 2; k <= bins; k++) {
          long p = RfmScore.breakPosition(k, n, bins);
          for (long worse = 0; worse < n; worse++) {
            assertThat(RfmScore.score(worse, n, bins) >= k).isEqualTo(worse >= p);
          }
        }
      }
    }
  }

  @ParameterizedTest(name = "break of score {0} among {1} (bins {2}) at position {3}")
  @CsvSource({
    "2, 6, 5, 1",
    "5, 6, 5, 4",
    "2, 11, 5, 2",
    "3, 11, 5, 4",
    "5, 101, 5, 80",
    "2, 2, 5, 1",
    "5, 2, 5, 1"
  })
  void breakPositions(int k, long n, int bins, long expected) {
    assertThat(RfmScore.breakPosition(k, n, bins)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "score {0} of 1..{1} reads as {2} on 1..5")
  @CsvSource({
    "1, 5, 1", "3, 5, 3", "5, 5, 5", "1, 3, 1", "2, 3, 3", "3, 3, 5", "1, 2, 1", "2, 2, 5",
    "1, 9, 1", "2, 9, 2", "3, 9, 2", "5, 9, 3", "8, 9, 5", "9, 9, 5"
  })
  void fivePointScale(int score, int bins, int expected) {
    assertThat(RfmScore.toFivePoint(score, bins)).isEqualTo(expected);
  }

  @Test
  void rejectsImpossibleInputs() {
    assertThatThrownBy(() -> RfmScore.score(6, 6, 5)).hasMessageContaining("worse = 6");
    assertThatThrownBy(() -> RfmScore.breakPosition(1, 6, 5)).hasMessageContaining("k=1");
    assertThatThrownBy(() -> RfmScore.toFivePoint(6, 5)).hasMessageContaining("outside 1..5");
  }
}
