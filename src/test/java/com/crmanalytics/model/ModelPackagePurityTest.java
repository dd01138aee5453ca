package com.crmanalytics.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The model package is pure Java: no Spark, Scala, Delta or I/O imports in its main sources. */
class ModelPackagePurityTest {

  private static final Path SOURCES = Path.of("src/main/java/com/crmanalytics/model");
  private static final List<String> FORBIDDEN =
      List.of(
          "import org.apache.spark",
          "import scala.",
          "import io.delta",
          "import java.io.",
          "import java.nio.file.");

  @Test
  void noForbiddenImports() throws IOException {
    try (Stream<Path> files = Files.list(SOURCES)) {
      List<Path> sources = files.filter(p -> p.toString().endsWith(".java")).toList();
      assertThat(sources).isNotEmpty();
      for (Path source : sources) {
        String text = Files.readString(source);
        FORBIDDEN.forEach(
            f -> assertThat(text).as("%s must not contain '%s'", source, f).doesNotContain(f));
      }
    }
  }
}
