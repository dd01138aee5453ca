package com.crmanalytics.testing;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

/**
 * The real data sets in {@code ../shared/datasets/}, read by path and never copied into the repo. A
 * test skips, saying why, where they are absent, except under {@code CRM_REQUIRE_SHARED=1} (CI),
 * where a missing data set fails the test instead.
 */
public final class SharedData {
  public static final Path DATASETS = Path.of("..", "shared", "datasets");

  private SharedData() {}

  /** The file, or the calling test skipped (failed in CI) when it is not there. */
  public static Path file(String dataset, String name) {
    Path p = DATASETS.resolve(dataset).resolve(name);
    if (!Files.isRegularFile(p)) {
      String why =
          "real data set not found at "
              + p.toAbsolutePath()
              + " (../shared/datasets beside the repo)";
      if ("1".equals(System.getenv("CRM_REQUIRE_SHARED"))) {
        fail(why + " and CRM_REQUIRE_SHARED=1: the real-data tests must run here");
      }
      assumeTrue(false, why + "; skipping");
    }
    return p;
  }

  /** Links a real file into {@code <landing>/<date>/<source>/}, as a landing zone would hold it. */
  public static void land(Path landing, LocalDate date, String source, Path file) {
    try {
      Path folder = Files.createDirectories(landing.resolve(date.toString()).resolve(source));
      Files.createSymbolicLink(folder.resolve(file.getFileName()), file.toAbsolutePath());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
