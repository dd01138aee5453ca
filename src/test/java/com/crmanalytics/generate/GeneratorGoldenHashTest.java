package com.crmanalytics.generate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Pins the generator's output: one SHA-256 over every file (name and bytes) of a small run. A
 * refactoring of the simulator must leave it unchanged; a deliberate change of the generative
 * process changes it once, in the commit that says so (and data-samples/ is regenerated with it).
 */
class GeneratorGoldenHashTest {
  /** The hash of the run below, recorded from the code of the last deliberate change. */
  static final String EXPECTED = "4e037b59cf2f188e72171015486b9f3dd41b18b873b1825ecfbbfe144e521edc";

  @TempDir Path tmp;

  @Test
  void aSmallRunWritesExactlyTheRecordedBytes() throws IOException {
    new ExtractGenerator(
            new GeneratorOptions(
                200,
                LocalDate.of(2024, 11, 24),
                LocalDate.of(2026, 11, 23),
                42,
                tmp,
                ExtractFormat.csv,
                0.01,
                7,
                GeneratorParams.CDNOW))
        .run();
    assertThat(hash(tmp)).isEqualTo(EXPECTED);
  }

  static String hash(Path root) throws IOException {
    MessageDigest digest;
    try {
      digest = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
    List<Path> files;
    try (Stream<Path> walk = Files.walk(root)) {
      files = walk.filter(Files::isRegularFile).sorted().toList();
    }
    for (Path f : files) {
      digest.update(root.relativize(f).toString().getBytes(StandardCharsets.UTF_8));
      digest.update((byte) 0);
      digest.update(Files.readAllBytes(f));
      digest.update((byte) 0);
    }
    return HexFormat.of().formatHex(digest.digest());
  }
}
