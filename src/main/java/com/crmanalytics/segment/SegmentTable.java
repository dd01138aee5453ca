package com.crmanalytics.segment;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The named segments as data: which (R, F) cells of the 5 × 5 grid each one covers (design.md).
 * Every cell belongs to exactly one segment. The Spark stage builds its lookup from this table.
 */
public final class SegmentTable {
  /** A rectangle of cells: R in [rLow, rHigh], F in [fLow, fHigh]. */
  public record Cells(int rLow, int rHigh, int fLow, int fHigh) {
    boolean contains(int r, int f) {
      return r >= rLow && r <= rHigh && f >= fLow && f <= fHigh;
    }
  }

  /** A segment: its name, what it means to a marketer, and its cells. */
  public record Segment(String name, String meaning, List<Cells> cells) {
    boolean contains(int r, int f) {
      return cells.stream().anyMatch(c -> c.contains(r, f));
    }
  }

  public static final int SCALE = 5;

  public static final List<Segment> SEGMENTS =
      List.of(
          segment(
              "champions",
              "bought very recently and buy often: reward them, ask for reviews",
              new Cells(5, 5, 4, 5)),
          segment(
              "loyal",
              "buy often and fairly recently: upsell, loyalty programme",
              new Cells(3, 4, 4, 5)),
          segment(
              "potential_loyalist",
              "recent buyers with a few purchases: offer membership, recommendations",
              new Cells(4, 5, 2, 3)),
          segment(
              "new_customer",
              "first bought very recently, only once: onboard them, make a second sale easy",
              new Cells(5, 5, 1, 1)),
          segment(
              "promising",
              "bought recently but only once: build the relationship with an early offer",
              new Cells(4, 4, 1, 1)),
          segment(
              "need_attention",
              "middling recency and frequency: limited-time offers, reactivate",
              new Cells(3, 3, 3, 3)),
          segment(
              "about_to_sleep",
              "have not bought lately and rarely did: win them back before they go",
              new Cells(3, 3, 1, 2)),
          segment(
              "at_risk",
              "used to buy often but not lately: personal win-back campaign",
              new Cells(1, 2, 3, 4)),
          segment(
              "cannot_lose",
              "were among the most frequent buyers, long ago: win back at almost any cost",
              new Cells(1, 2, 5, 5)),
          segment(
              "hibernating",
              "long ago and rarely: low-cost reminders only",
              new Cells(2, 2, 1, 2),
              new Cells(1, 1, 2, 2)),
          segment(
              "lost",
              "lowest recency and frequency: ignore or one last cheap attempt",
              new Cells(1, 1, 1, 1)));

  private SegmentTable() {}

  private static Segment segment(String name, String meaning, Cells... cells) {
    return new Segment(name, meaning, List.of(cells));
  }

  /** The segment of a cell of the 5-point grid. */
  public static String segmentOf(int r, int f) {
    List<String> found = new ArrayList<>();
    for (Segment s : SEGMENTS) {
      if (s.contains(r, f)) {
        found.add(s.name());
      }
    }
    if (found.size() != 1) {
      throw new IllegalStateException("cell R=" + r + " F=" + f + " is in segments " + found);
    }
    return found.get(0);
  }

  /**
   * Segment by the text of the (R, F) scores on 1..bins (e.g. "54"), for every pair: scores are
   * moved onto the 5-point grid with {@link RfmScore#toFivePoint} first.
   */
  public static Map<String, String> byScores(int bins) {
    Map<String, String> cells = new LinkedHashMap<>();
    for (int r = 1; r <= bins; r++) {
      for (int f = 1; f <= bins; f++) {
        cells.put(
            "" + r + f, segmentOf(RfmScore.toFivePoint(r, bins), RfmScore.toFivePoint(f, bins)));
      }
    }
    return cells;
  }
}
