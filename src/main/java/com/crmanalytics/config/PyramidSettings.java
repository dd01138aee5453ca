package com.crmanalytics.config;

import static com.crmanalytics.config.ConfigValues.oneOf;

import com.crmanalytics.error.Errors;
import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import java.util.ArrayList;
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

  /**
   * Reads and validates the {@code pyramid} section (exit 2 naming key, value and what is allowed).
   */
  public static PyramidSettings from(Config c) {
    Measure measure = oneOf(c, "pyramid.measure", Measure.values(), Measure::id);
    String key = "pyramid.tiers";
    String allowed =
        "a list of { name = ..., share = ... }, largest tier first, names of lower-case letters, digits"
            + " and _, cumulative shares increasing above 0 and the last one 1.0";
    List<? extends Config> list;
    try {
      list = c.getConfigList(key);
    } catch (ConfigException e) {
      throw Errors.badConfig(key, c.getValue(key).unwrapped(), allowed);
    }
    List<Tier> tiers = new ArrayList<>();
    double previous = 0;
    for (Config t : list) {
      if (!t.hasPath("name") || !t.hasPath("share") || t.root().size() != 2) {
        throw Errors.badConfig(key, t.root().unwrapped(), allowed);
      }
      String name = t.getValue("name").unwrapped().toString();
      double share;
      try {
        share = t.getDouble("share");
      } catch (ConfigException e) {
        throw Errors.badConfig(key, t.root().unwrapped(), allowed);
      }
      boolean duplicate = tiers.stream().anyMatch(x -> x.name().equals(name));
      if (!name.matches("[a-z0-9_]+") || duplicate || !(share > previous && share <= 1)) {
        throw Errors.badConfig(key, t.root().unwrapped(), allowed);
      }
      tiers.add(new Tier(name, share));
      previous = share;
    }
    if (tiers.isEmpty() || previous != 1.0) {
      throw Errors.badConfig(key, c.getValue(key).unwrapped(), allowed);
    }
    return new PyramidSettings(measure, tiers);
  }
}
