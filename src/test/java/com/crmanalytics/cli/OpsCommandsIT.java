package com.crmanalytics.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.crmanalytics.io.WarehouseLock;
import com.crmanalytics.testing.Crm.Result;
import com.crmanalytics.testing.TestSpark;
import com.crmanalytics.testing.TinyLanding;
import com.crmanalytics.testing.TinyWarehouse;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code crm backfill}, {@code crm nightly}, {@code crm maintain} and the lock, over the tiny
 * generated landing, starting from a copy of the shared warehouse after its initial load.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OpsCommandsIT {
  @TempDir static Path tmp;

  /**
   * The tiny generated landing: its initial load 2026-11-22 and one increment 2026-11-23;
   * 2026-11-24 is missing.
   */
  @BeforeAll
  static void landing() {
    TestSpark.session();
    assertThat(TinyLanding.dates())
        .extracting(Object::toString)
        .containsExactly("2026-11-22", "2026-11-23");
  }

  @AfterEach
  void realClock() {
    NightlyCommand.clock = Clock.systemUTC();
  }

  static Path warehouse(String name) {
    return tmp.resolve(name);
  }

  /** crm ARGS… on the named warehouse of this test, over the tiny landing unless ARGS name one. */
  static Result crm(String warehouse, String... args) {
    return TinyWarehouse.crm(warehouse(warehouse), args);
  }

  @Test
  @Order(1)
  void backfillRunsEachDateInOrderStopsAtTheFirstFailureAndResumes() throws IOException {
    // a warehouse where both dates have run: backfill runs 2026-11-23 again all the same, then
    // stops at the first date without a landing folder and never tries the one after it
    TinyWarehouse.copy(warehouse("bf"));
    Result first = crm("bf", "backfill", "--from", "2026-11-23", "--to", "2026-11-25");
    assertThat(first.exit()).as(first.err()).isEqualTo(4);
    assertThat(first.out())
        .containsSubsequence("for 2026-11-23", "succeeded", "for 2026-11-24")
        .contains("backfill stopped at 2026-11-24 after 1 run(s)")
        .doesNotContain("2026-11-25");
    assertThat(first.err()).startsWith("crm: Missing input: landing folder for 2026-11-24");
    // paths.reports is not set: the reports follow the warehouse, and the run says where they went
    assertThat(first.out())
        .containsPattern("(?m)^report written to \\S+/bf/reports/2026-11-23/index\\.html$");

    Result resumed =
        crm("bf", "backfill", "--from", "2026-11-22", "--to", "2026-11-24", "--resume");
    assertThat(resumed.exit()).isEqualTo(4);
    assertThat(resumed.out())
        .contains("backfill 2026-11-22 skipped: run 2026-11-22_")
        .contains("backfill 2026-11-23 skipped: run 2026-11-23_")
        .contains("backfill stopped at 2026-11-24 after 0 run(s)");

    // a later crm report for a date is not a run of it: the date's last run still decides
    Result report = crm("bf", "report", "--date", "2026-11-22");
    assertThat(report.exit()).as(report.err()).isZero();
    Result done = crm("bf", "backfill", "--from", "2026-11-22", "--to", "2026-11-23", "--resume");
    assertThat(done.exit()).isZero();
    assertThat(done.out()).endsWith("backfill 2026-11-22..2026-11-23: 0 run, 2 skipped\n");

    // a failed latest run (the quality gate) makes the date count as not succeeded again, and a
    // later report does not make it count as succeeded: --resume runs it (here over an empty
    // landing, so the attempt stops at once with exit 4 instead of redoing a whole run)
    Result gate = crm("bf", "run", "--date", "2026-11-22", "--set", "quality.max-reject-ratio=0");
    assertThat(gate.exit()).isEqualTo(3);
    assertThat(crm("bf", "report", "--date", "2026-11-22").exit()).isZero();
    String empty = Files.createDirectories(tmp.resolve("no-landing")).toString();
    Result rerun =
        crm(
            "bf",
            "backfill",
            "--from",
            "2026-11-22",
            "--to",
            "2026-11-23",
            "--resume",
            "--landing",
            empty);
    assertThat(rerun.exit()).as(rerun.err()).isEqualTo(4);
    assertThat(rerun.out())
        .doesNotContain("backfill 2026-11-22 skipped")
        .contains("for 2026-11-22")
        .contains("backfill stopped at 2026-11-22 after 0 run(s)");

    // run rows: 22 and 23 succeeded (the copied runs), 23 succeeded again; 24 failed twice
    // (missing input); 22 failed (gate), then failed (missing input)
    Result log =
        crm(
            "bf",
            "sql",
            "select status, count(*) as n from pipeline_runs where stage = 'run' group by status order by 1",
            "--format",
            "csv");
    assertThat(log.out()).isEqualTo("status,n\nfailed,4\nsucceeded,3\n");

    Result backwards = crm("bf", "backfill", "--from", "2026-11-23", "--to", "2026-11-22");
    assertThat(backwards.exit()).isEqualTo(2);
    assertThat(backwards.err().strip())
        .isEqualTo("crm: backfill: --to 2026-11-22 is before --from 2026-11-23");
  }

  @Test
  @Order(2)
  void nightlyRunsYesterdayInTheRunTimezone() throws IOException {
    // An empty landing: the command picks its date, then stops at the missing extracts (exit 4)
    // without running the stages, which NightlyJob shares with run (tested above).
    String empty = Files.createDirectories(tmp.resolve("empty-landing")).toString();
    NightlyCommand.clock = Clock.fixed(Instant.parse("2026-11-23T17:00:00Z"), ZoneOffset.UTC);
    Result utc = crm("nightly", "nightly", "--landing", empty);
    assertThat(utc.exit()).isEqualTo(4);
    assertThat(utc.out())
        .startsWith("nightly: business date 2026-11-22 (yesterday in UTC)\n")
        .contains("for 2026-11-22");
    assertThat(utc.err()).startsWith("crm: Missing input: landing folder for 2026-11-22");
    // 17:00 UTC is already the 24th in Shanghai
    Result shanghai =
        crm("nightly", "nightly", "--landing", empty, "--set", "run.timezone=Asia/Shanghai");
    assertThat(shanghai.out())
        .startsWith("nightly: business date 2026-11-23 (yesterday in Asia/Shanghai)");
    Result given = crm("nightly", "nightly", "--landing", empty, "--date", "2026-11-20");
    assertThat(given.out()).doesNotContain("yesterday").contains("for 2026-11-20");
    assertThat(given.err()).startsWith("crm: Missing input: landing folder for 2026-11-20");
  }

  @Test
  @Order(3)
  void everyWritingCommandFailsFastWithExitCode5WhileAnotherRunHoldsTheLock() throws IOException {
    Path lock = warehouse("bf").resolve(WarehouseLock.FILE_NAME);
    Files.writeString(
        lock, "host=etl-7.example\npid=4242\nowner=run 2026-11-23_X\nsince=2026-11-24T01:30:00Z\n");
    try {
      for (String[] command :
          List.of(
              new String[] {"run", "--date", "2026-11-22"},
              new String[] {"ingest", "--date", "2026-11-22"},
              new String[] {"nightly", "--date", "2026-11-22"},
              new String[] {"backfill", "--from", "2026-11-22", "--to", "2026-11-22"},
              new String[] {"maintain"})) {
        Result busy = crm("bf", command);
        assertThat(busy.exit()).as(command[0]).isEqualTo(5);
        assertThat(busy.err().strip())
            .isEqualTo(
                "crm: Warehouse busy: "
                    + lock.toUri().toString().replace("file:///", "file:/")
                    + " is held by run 2026-11-23_X (host etl-7.example, pid 4242) since 2026-11-24T01:30:00Z;"
                    + " wait for it to finish (or, if that process is gone, delete the lock file)");
      }
      // reading is never locked out, and the lock file is not a table
      Result tables = crm("bf", "tables");
      assertThat(tables.exit()).isZero();
      assertThat(tables.out()).doesNotContain("_crm_lock").contains("pipeline_runs");
    } finally {
      Files.delete(lock);
    }
  }

  @Test
  @Order(4)
  void maintainCompactsAndVacuumsEveryTableAndReports() {
    Result refused = crm("bf", "maintain", "--set", "maintenance.vacuum-retention-hours=0");
    assertThat(refused.exit()).isEqualTo(2);
    assertThat(refused.err())
        .startsWith(
            "crm: maintenance.vacuum-retention-hours = 0 is below Delta's safety check of 168 hours")
        .contains("--force");

    Result bad = crm("bf", "maintain", "--set", "maintenance.vacuum-retention-hours=-3");
    assertThat(bad.exit()).isEqualTo(2);
    assertThat(bad.err().strip())
        .isEqualTo(
            "crm: Invalid configuration: maintenance.vacuum-retention-hours = '-3' (allowed: a whole number of hours, 0 or more)");

    // Every table of a warehouse of three of bf's tables: maintaining all 25 (2.5 minutes here)
    // would run the same code 22 more times.
    List<String> tables = List.of("orders", "pipeline_runs", "report_kpis");
    tables.forEach(t -> TinyWarehouse.copy(warehouse("bf").resolve(t), warehouse("m").resolve(t)));
    Result forced =
        crm("m", "maintain", "--force", "--set", "maintenance.vacuum-retention-hours=0");
    assertThat(forced.exit()).as(forced.err()).isZero();
    assertThat(forced.out().lines().filter(l -> l.startsWith("maintain ")).toList())
        .hasSize(3)
        .anyMatch(l -> l.startsWith("maintain orders "))
        .anyMatch(l -> l.startsWith("maintain report_kpis "))
        .anyMatch(
            l ->
                l.matches(
                    "maintain pipeline_runs +compacted [1-9]\\d* file\\(s\\) into [1-9]\\d*, vacuum removed [1-9].*"));
    assertThat(forced.out()).contains("maintain: 3 table(s)").contains("(retention 0 h)");
    assertThat(
            forced
                .out()
                .lines()
                .filter(l -> l.startsWith("maintain "))
                .map(l -> l.indexOf(" compacted ")))
        .as("the table names in one column")
        .containsOnly("maintain pipeline_runs".length());
    // the data is unchanged and the safety check is back on for everyone else
    Result orders =
        crm(
            "m",
            "sql",
            "select count(*) as n from pipeline_runs where stage = 'run'",
            "--format",
            "csv");
    assertThat(orders.out()).isEqualTo("n\n7\n");
    assertThat(
            TestSpark.session()
                .conf()
                .get("spark.databricks.delta.retentionDurationCheck.enabled", "true"))
        .isEqualTo("true");
  }
}
