package com.crmanalytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Keeps the main classes small: a source file under {@code src/main/java} longer than {@value
 * #MAX_LINES} lines must say why in its class Javadoc, with a sentence starting "Long because". The
 * exceptions are named only there, next to the reason, never in this test.
 */
class SourceSizeTest {
  static final int MAX_LINES = 300;
  private static final Path MAIN = Path.of("src", "main", "java");

  /** The Javadoc right before the top-level type declaration. */
  private static final Pattern HEADER =
      Pattern.compile(
          "/\\*\\*((?:(?!\\*/).)*)\\*/\\s*(?:@[\\w.]+(?:\\([^)]*\\))?\\s*)*"
              + "(?:public\\s+)?(?:final\\s+|abstract\\s+|sealed\\s+)*"
              + "(?:class|interface|enum|record|@interface)\\s",
          Pattern.DOTALL);

  @Test
  void everyLongClassSaysWhyInItsHeader() throws IOException {
    List<String> unexplained = new ArrayList<>();
    try (Stream<Path> files = Files.walk(MAIN)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        long lines = text.lines().count();
        if (lines > MAX_LINES && !explained(text)) {
          unexplained.add(MAIN.relativize(file) + " (" + lines + " lines)");
        }
      }
    }
    assertThat(unexplained)
        .as(
            "classes over %d lines: split them by concern, or start a sentence of the class"
                + " Javadoc with \"Long because\"",
            MAX_LINES)
        .isEmpty();
  }

  @Test
  void theHeaderRuleReadsOnlyTheClassJavadoc() {
    String explained =
        "package a;\n\n/**\n * Does one thing. Long because the table has forty columns.\n */\n"
            + "public final class A {}\n";
    String elsewhere =
        "package a;\n\n/** Does one thing. */\npublic final class A {\n"
            + "  /** Long because of nothing. */\n  void f() {}\n}\n";
    String wrapped =
        "package a;\n\n/**\n * Does one thing.\n *\n * <p>Long because the parser handles\n"
            + " * every dialect.\n */\n@SuppressWarnings(\"x\")\nfinal class A {}\n";
    assertThat(explained(explained)).isTrue();
    assertThat(explained(elsewhere)).isFalse();
    assertThat(explained(wrapped)).isTrue();
    assertThat(explained("package a;\n\nfinal class A {}\n")).isFalse();
  }

  /** Whether the class Javadoc has a sentence starting "Long because". */
  static boolean explained(String source) {
    Matcher m = HEADER.matcher(source);
    if (!m.find()) {
      return false;
    }
    String doc = m.group(1).replaceAll("(?m)^\\s*\\*", " ").replaceAll("\\s+", " ");
    return Pattern.compile("(?:^|[.!?:]\\s|>)\\s*Long because\\s").matcher(doc).find();
  }
}
