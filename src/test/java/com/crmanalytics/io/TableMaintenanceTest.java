package com.crmanalytics.io;

import static org.assertj.core.api.Assertions.assertThat;

import com.crmanalytics.testing.TestSpark;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.delta.DeltaLog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import scala.Console;

/**
 * {@code crm maintain}'s VACUUM really applies the configured retention: a file unreferenced for
 * longer than the retention is deleted, one unreferenced for less is kept — for a retention above
 * Delta's default of 7 days as well as below it (Delta 4.4 ignores a retention passed to VACUUM).
 */
class TableMaintenanceTest {
  private static final Pattern DELETION = Pattern.compile("\"deletionTimestamp\":\\d+");
  private static final Pattern PATH = Pattern.compile("\"remove\":\\{\"path\":\"([^\"]+)\"");

  @TempDir Path tmp;

  @Test
  void vacuumDeletesExactlyTheFilesUnreferencedForLongerThanTheConfiguredRetention()
      throws IOException {
    SparkSession spark = TestSpark.session();
    Path dir = tmp.resolve("wh");
    Path table = dir.resolve("t");
    // Version 0 writes file A, version 1 replaces it by B, version 2 replaces B by C.
    for (int v = 0; v < 3; v++) {
      spark
          .range(10)
          .coalesce(1)
          .write()
          .format("delta")
          .mode(SaveMode.Overwrite)
          .save(table.toString());
    }
    Instant now = Instant.now();
    String a = backdate(table, 1, now.minus(Duration.ofHours(190)));
    String b = backdate(table, 2, now.minus(Duration.ofHours(12)));
    DeltaLog.clearCache();
    assertThat(parquet(table)).hasSize(3).contains(a, b);

    TableMaintenance maintenance = new TableMaintenance(new Warehouse(spark, dir.toString()));
    // 200 hours: A (190 h) is kept. A retention passed to VACUUM would be ignored for the default
    // 168 h.
    TableMaintenance.Result longer = maintenance.maintain("t", 200, false);
    assertThat(longer.filesRemoved()).isZero();
    assertThat(parquet(table)).hasSize(3);
    assertThat(properties(spark, table)).isEqualTo("interval 200 hours");

    // 24 hours: A (190 h) goes, B (12 h) and the current C stay. Delta's own "Deleted 1 files and
    // directories ..." (Scala's println) does not reach the command's output.
    ByteArrayOutputStream console = new ByteArrayOutputStream();
    TableMaintenance.Result shorter =
        Console.withOut(console, () -> maintenance.maintain("t", 24, true));
    assertThat(console.toString(StandardCharsets.UTF_8)).isEmpty();
    assertThat(shorter.filesRemoved()).isEqualTo(1);
    assertThat(parquet(table)).hasSize(2).contains(b).doesNotContain(a);
    assertThat(properties(spark, table)).isEqualTo("interval 24 hours");
    assertThat(spark.read().format("delta").load(table.toString()).count()).isEqualTo(10);
    assertThat(spark.conf().get("spark.databricks.delta.retentionDurationCheck.enabled", "true"))
        .isEqualTo("true");
  }

  @Test
  void compactionLeavesFilesOfAMegabyteOrMoreAsTheyAre() throws IOException {
    SparkSession spark = TestSpark.session();
    Path dir = tmp.resolve("wh");
    Path table = dir.resolve("t");
    // Two files over a megabyte (as an initial load lays them out by time), three tiny ones.
    for (int i = 0; i < 2; i++) {
      spark
          .range(i * 60_000L, (i + 1) * 60_000L)
          .selectExpr("id", "sha2(cast(id as string), 256) as h")
          .coalesce(1)
          .write()
          .format("delta")
          .mode(SaveMode.Append)
          .save(table.toString());
    }
    List<String> large = parquet(table);
    for (String f : large) {
      assertThat(Files.size(table.resolve(f))).isGreaterThan(TableMaintenance.MIN_FILE_BYTES);
    }
    for (int i = 0; i < 3; i++) {
      spark
          .range(200_000 + i, 200_001 + i)
          .selectExpr("id", "'x' as h")
          .coalesce(1)
          .write()
          .format("delta")
          .mode(SaveMode.Append)
          .save(table.toString());
    }

    TableMaintenance.Result r =
        new TableMaintenance(new Warehouse(spark, dir.toString())).maintain("t", 168, false);

    assertThat(List.of(r.filesCompacted(), r.filesAdded(), r.dataFilesLeft()))
        .containsExactly(3L, 1L, 6L); // 6 on disk until VACUUM's retention: 2 large, 3 old, 1 new
    List<String> referenced =
        Stream.of(spark.read().format("delta").load(table.toString()).inputFiles())
            .map(f -> f.substring(f.lastIndexOf('/') + 1))
            .toList();
    assertThat(referenced).hasSize(3).containsAll(large);
    assertThat(spark.read().format("delta").load(table.toString()).count()).isEqualTo(120_003L);
    assertThat(spark.conf().getAll().contains("spark.databricks.delta.optimize.minFileSize"))
        .isFalse();
  }

  /**
   * Makes the file removed by {@code version} look removed (and written) at {@code when}: the
   * remove action's deletionTimestamp in the commit, and the file's modification time. Returns its
   * name.
   */
  private static String backdate(Path table, int version, Instant when) throws IOException {
    Path commit = table.resolve("_delta_log").resolve(String.format("%020d.json", version));
    List<String> lines = new ArrayList<>();
    String removed = null;
    for (String line : Files.readAllLines(commit)) {
      Matcher m = PATH.matcher(line);
      if (m.find()) {
        removed = m.group(1);
        line = DELETION.matcher(line).replaceFirst("\"deletionTimestamp\":" + when.toEpochMilli());
      }
      lines.add(line);
    }
    assertThat(removed).as("a remove action in " + commit).isNotNull();
    Files.write(commit, lines);
    // The local file system's checksum of the old content would fail the read.
    Files.deleteIfExists(commit.resolveSibling("." + commit.getFileName() + ".crc"));
    Files.setLastModifiedTime(table.resolve(removed), FileTime.from(when));
    return removed;
  }

  private static List<String> parquet(Path table) throws IOException {
    try (Stream<Path> files = Files.list(table)) {
      return files
          .map(p -> p.getFileName().toString())
          .filter(n -> n.endsWith(".parquet"))
          .toList();
    }
  }

  private static String properties(SparkSession spark, Path table) {
    Row detail = io.delta.tables.DeltaTable.forPath(spark, table.toString()).detail().first();
    return detail
        .<String, String>getJavaMap(detail.fieldIndex("properties"))
        .get(TableMaintenance.RETENTION_PROPERTY);
  }
}
