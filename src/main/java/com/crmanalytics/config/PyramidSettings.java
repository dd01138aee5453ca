package com.crmanalytics.config;

import java.util.List;

/**
 * The {@code pyramid} section: what customers are ranked by and the tiers, largest first.
 *
 * @param tiers ordered from the top; each share is cumulative and the last one is 1.0
 */
public record PyramidSettings(Measure measure, List<Tier> tiers) {

  public PyramidSettings {
    tiers = List.copyOf(tiers);
  }

  /** What the pyramid ranks customers by, over the RFM window. */
  public enum Measure {
    REVENUE,
    MARGIN;

    public String id() {
      return name().toLowerCase();
    }
  }

  /** A tier: the customers ranked within the first ceil(share × N) who are not in a higher tier. */
  public record Tier(String name, double share) {}
}
