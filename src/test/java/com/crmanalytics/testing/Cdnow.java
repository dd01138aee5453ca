package com.crmanalytics.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/** The CDNOW sample in the shared data sets, read by path (never copied into the repo). */
public final class Cdnow {
  public static final Path FOLDER = Path.of("..", "shared", "datasets", "cdnow");
  public static final Path SAMPLE = FOLDER.resolve("CDNOW_sample.txt");

  private Cdnow() {}

  /** Skips the calling test, saying why, where the shared data sets are not checked out. */
  public static Path sample() {
    assumeTrue(
        Files.isRegularFile(SAMPLE),
        "CDNOW sample not found at "
            + SAMPLE.toAbsolutePath()
            + " (shared/datasets is beside the repo in CI); skipping");
    return SAMPLE;
  }
}
