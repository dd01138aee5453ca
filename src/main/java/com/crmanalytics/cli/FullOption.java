package com.crmanalytics.cli;

import picocli.CommandLine.Option;

/** {@code --full}: recompute customer_features from the whole silver history. */
final class FullOption {
  @Option(
      names = "--full",
      description = {
        "Recompute customer_features from the whole silver history instead of from the previous"
            + " date's (after a changed rule or a repaired history; a changed configuration or"
            + " version, or an old date ingested again, already recomputes everything)."
      })
  boolean full;
}
