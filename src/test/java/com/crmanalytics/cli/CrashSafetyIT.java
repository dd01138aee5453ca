package com.crmanalytics.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.crmanalytics.contract.PipelineRuns;
import com.crmanalytics.io.Warehouse;
import com.crmanalytics.io.WarehouseLock;
import com.crmanalytics.testing.ChildJvm;
import com.crmanalytics.testing.Crm;
import com.crmanalytics.testing.Crm.Result;
import com.crmanalytics.testing.TestSpark;
import com.crmanalytics.testing.TinyLanding;
import com.crmanalytics.testing.TinyWarehouse;
import com.crmanalytics.testing.WarehouseDiff;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.spark.sql.functions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two runs at once never share a warehouse, and a run killed with kill -9 in the middle of a write
 * leaves every table readable; rerunning the date gives exactly the tables of an uninterrupted run.
 * Over the tiny generated landing: every stage writes, so a kill lands mid-write whatever the size.
 */
class CrashSafetyIT {
  private static final String DATE =
      TinyLanding.INITIAL.toString(); // the tiny landing's initial load

  @TempDir Path tmp;

  static Result crm(Path warehouse, String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.addAll(List.of("--conf", "conf/pipeline.conf", "--warehouse", warehouse.toString()));
    all.addAll(TinyLanding.args());
    return Crm.run(all);
  }

  @Test
  void aSecondRunFailsFastAndARunKilledMidWriteIsRepairedByARerun() throws Exception {
    TestSpark.session();
    Path warehouse = tmp.resolve("killed");
    Path log = tmp.resolve("child.log");
    List<String> args =
        new ArrayList<>(
            List.of(
                "-Xmx1g",
                "-jar",
                ChildJvm.BUILD.resolve("crm-analytics.jar").toString(),
                "run",
                "--date",
                DATE,
                "--conf",
                "conf/pipeline.conf",
                "--warehouse",
                warehouse.toString()));
    args.addAll(TinyLanding.args());
    TestSpark.SETTINGS.forEach((k, v) -> args.addAll(List.of("--set", k + "=" + v)));
    Process child = ChildJvm.start(log, Map.of(), args.toArray(String[]::new));
    try {
      Path lock = warehouse.resolve(WarehouseLock.FILE_NAME);
      await(() -> Files.exists(lock), Duration.ofSeconds(120), log);

      // A second run while the first holds the lock: exit 5 at once, naming the holder.
      Instant t = Instant.now();
      Result second = crm(warehouse, "run", "--date", DATE);
      long secondMillis = Duration.between(t, Instant.now()).toMillis();
      assertThat(second.exit()).as(second.err()).isEqualTo(5);
      assertThat(second.err())
          .startsWith("crm: Warehouse busy: ")
          .contains("is held by run " + DATE + "_")
          .contains("pid " + child.pid() + ")")
          .contains(" since 20");
      assertThat(second.out()).doesNotContain("ingest");

      // kill -9 while a data file is being written: wait for a new Parquet file after now.
      Set<Path> before = dataFiles(warehouse);
      await(
          () -> !dataFiles(warehouse).equals(before) && !dataFiles(warehouse).isEmpty(),
          Duration.ofSeconds(180),
          log);
      assertThat(child.isAlive())
          .as("the run was still going when killed:\n" + ChildJvm.tail(log, 20))
          .isTrue();
      ChildJvm.kill(child);
      System.out.printf(
          "CrashSafetyIT: second run refused in %d ms; killed the first with %d data file(s) and %d Delta commit(s) on disk%n",
          secondMillis, dataFiles(warehouse).size(), commits(warehouse));
    } finally {
      ChildJvm.kill(child);
    }

    // Every table the killed run left is readable.
    Warehouse killed = new Warehouse(TestSpark.session(), warehouse.toString());
    for (String table : killed.tableNames()) {
      TestSpark.session().read().format("delta").load(killed.root() + "/" + table).count();
    }
    assertThat(warehouse.resolve(WarehouseLock.FILE_NAME))
        .as("the killed run's lock stays")
        .exists();

    // Rerunning the date takes over the dead run's lock and repairs everything.
    Result rerun = crm(warehouse, "run", "--date", DATE);
    assertThat(rerun.exit()).as(rerun.err()).isZero();
    assertThat(rerun.err()).contains("took over the lock").contains("no longer running");
    assertThat(warehouse.resolve(WarehouseLock.FILE_NAME)).doesNotExist();
    String rerunId =
        rerun
            .out()
            .lines()
            .filter(l -> l.startsWith("run ") && l.endsWith("succeeded"))
            .findFirst()
            .orElseThrow()
            .split(" ")[1];

    // The reference: the same date run uninterrupted into an empty warehouse (the shared one's).
    Path clean = TinyWarehouse.initialOnly();
    String cleanId = TinyWarehouse.runId(TinyLanding.INITIAL);

    // The run log keeps the killed run's rows (that is what happened); compare the completed runs.
    int tables =
        WarehouseDiff.assertSame(
            TestSpark.session(),
            clean.toString(),
            warehouse.toString(),
            (name, rows) ->
                name.equals(PipelineRuns.CONTRACT.name())
                    ? rows.where(functions.col(PipelineRuns.RUN_ID).isin(rerunId, cleanId))
                    : rows);
    assertThat(tables).isGreaterThanOrEqualTo(1);
  }

  private static Set<Path> dataFiles(Path warehouse) {
    if (!Files.isDirectory(warehouse)) {
      return Set.of();
    }
    try (Stream<Path> files = Files.walk(warehouse)) {
      return files
          .filter(
              p ->
                  p.getFileName().toString().endsWith(".parquet")
                      && !p.toString().contains("_delta_log"))
          .collect(Collectors.toSet());
    } catch (IOException | java.io.UncheckedIOException e) {
      return Set.of(); // a file vanished while walking
    }
  }

  private static long commits(Path warehouse) throws IOException {
    try (Stream<Path> files = Files.walk(warehouse)) {
      return files
          .filter(
              p ->
                  p.getParent().getFileName().toString().equals("_delta_log")
                      && p.toString().endsWith(".json"))
          .count();
    }
  }

  interface Condition {
    boolean holds() throws Exception;
  }

  private static void await(Condition condition, Duration timeout, Path log) throws Exception {
    Instant until = Instant.now().plus(timeout);
    while (!condition.holds()) {
      if (Instant.now().isAfter(until)) {
        throw new AssertionError("timed out after " + timeout + ":\n" + ChildJvm.tail(log, 30));
      }
      Thread.sleep(20);
    }
  }
}
