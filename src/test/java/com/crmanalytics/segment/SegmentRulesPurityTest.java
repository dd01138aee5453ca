package com.crmanalytics.segment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The segment rules (score formula, segment table, tier cuts) stay plain Java: no Spark, Scala or
 * Delta.
 */
class SegmentRulesPurityTest {
  private static final Path SOURCES = Path.of("src/main/java/com/crmanalytics/segment");

  @Test
  void rulesImportNoEngine() throws IOException {
    for (String rule : List.of("RfmScore.java", "SegmentTable.java", "TierCuts.java")) {
      String text = Files.readString(SOURCES.resolve(rule));
      for (String forbidden :
          List.of("import org.apache.spark", "import scala.", "import io.delta")) {
        assertThat(text).as("%s must not contain '%s'", rule, forbidden).doesNotContain(forbidden);
      }
    }
  }
}
