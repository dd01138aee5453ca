package com.crmanalytics.segment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SegmentTableTest {

  @ParameterizedTest(name = "R={0} F={1} -> {2}")
  @CsvSource({
    "5, 5, champions",
    "5, 4, champions",
    "4, 5, loyal",
    "4, 4, loyal",
    "3, 5, loyal",
    "3, 4, loyal",
    "5, 3, potential_loyalist",
    "5, 2, potential_loyalist",
    "4, 3, potential_loyalist",
    "4, 2, potential_loyalist",
    "5, 1, new_customer",
    "4, 1, promising",
    "3, 3, need_attention",
    "3, 2, about_to_sleep",
    "3, 1, about_to_sleep",
    "2, 4, at_risk",
    "2, 3, at_risk",
    "1, 4, at_risk",
    "1, 3, at_risk",
    "2, 5, cannot_lose",
    "1, 5, cannot_lose",
    "2, 2, hibernating",
    "2, 1, hibernating",
    "1, 2, hibernating",
    "1, 1, lost"
  })
  void everyCellOfTheGrid(int r, int f, String segment) {
    assertThat(SegmentTable.segmentOf(r, f)).isEqualTo(segment);
    assertThat(SegmentTable.byScores(5)).containsEntry("" + r + f, segment);
  }

  @Test
  void cellsArePartitionedIntoElevenSegments() {
    Set<String> used = new HashSet<>();
    for (int r = 1; r <= 5; r++) {
      for (int f = 1; f <= 5; f++) {
        int r0 = r;
        int f0 = f;
        long owners = SegmentTable.SEGMENTS.stream().filter(s -> s.contains(r0, f0)).count();
        assertThat(owners).as("owners of R=%d F=%d", r, f).isEqualTo(1);
        used.add(SegmentTable.segmentOf(r, f));
      }
    }
    assertThat(used).hasSize(11);
    assertThat(SegmentTable.SEGMENTS).hasSize(11);
    assertThat(SegmentTable.byScores(5)).hasSize(25);
  }

  @Test
  void otherBinCountsKeepTheCorners() {
    assertThat(SegmentTable.byScores(3))
        .hasSize(9)
        .containsEntry("33", "champions")
        .containsEntry("11", "lost")
        .containsEntry("31", "new_customer")
        .containsEntry("13", "cannot_lose")
        .containsEntry("22", "need_attention");
    assertThat(SegmentTable.byScores(9))
        .hasSize(81)
        .containsEntry("99", "champions")
        .containsEntry("11", "lost");
  }
}
