package com.crmanalytics.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.crmanalytics.testing.ChildJvm;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The packaged jar answers --help, --version and a configuration error without loading a single
 * Spark class (so without a SparkSession), and prints no JVM warning.
 */
class StartupIT {
  @TempDir Path tmp;

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "--help|0|Usage: crm",
        "--version|0|crm-analytics",
        "run --help|0|The whole nightly run for business date D",
        "run --date 2026-11-16 --set clv.horizon-months=abc|2|crm: Invalid configuration: clv.horizon-months = 'abc'",
        "tables --conf no-such.conf|2|crm: Invalid configuration: configuration file not found: no-such.conf"
      })
  void answersWithoutSpark(String args, int exit, String expected) throws Exception {
    Path log = tmp.resolve("out.log");
    Path classes = tmp.resolve("classes.log");
    List<String> command =
        new ArrayList<>(
            List.of(
                "-Xlog:class+load:file=" + classes,
                "-jar",
                ChildJvm.BUILD.resolve("crm-analytics.jar").toString()));
    command.addAll(List.of(args.split(" ")));
    Process p = ChildJvm.start(log, Map.of(), command.toArray(String[]::new));
    assertThat(p.waitFor()).as(ChildJvm.tail(log, 20)).isEqualTo(exit);
    String out = Files.readString(log);
    assertThat(out).contains(expected).doesNotContain("WARNING");
    assertThat(Files.readAllLines(classes))
        .as("classes loaded")
        .isNotEmpty()
        .noneMatch(l -> l.contains(" org.apache.spark.") || l.contains(" io.delta."));
  }
}
