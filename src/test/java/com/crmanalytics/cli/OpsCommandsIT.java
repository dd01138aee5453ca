package com.crmanalytics.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.crmanalytics.io.WarehouseLock;
import com.crmanalytics.testing.Crm;
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
import java.util.ArrayList;
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

  static Result crm(String warehouse, String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.addAll(
        List.of("--conf", "conf/pipeline.conf", "--warehouse", warehouse(warehouse).toString()));
    if (!all.contains("--landing")) {
      all.addAll(List.of("--landing", TinyLanding.root().toString()));
    }
    // The tiny landing's settings, unless the test sets the key itself (a later --set would win).
    TinyLanding.SETTINGS.forEach(
        (k, v) -> {
          if (all.stream().noneMatch(a -> a.startsWith(k + "="))) {
            all.addAll(List.of("--set", k + "=" + v));
          }
        });
    return Crm.run(all);
  }

  @Test
  @Order(1)
  void backfillRunsEachDateInOrderStopsAtTheFirstFailureAndResumes() {
    // a warehouse where the initial load has run already: backfill runs it again all the same
    TinyWarehouse.copyInitial(warehouse("bf"));
    Result first = crm("bf", "backfill", "--from", "2026-11-22", "--to", "2026-11-24");
    assertThat(first.exit()).as(first.err()).isEqualTo(4);
    assertThat(first.out())
        .containsSubsequence(
            "for 2026-11-22", "succeeded", "for 2026-11-23", "succeeded", "for 2026-11-24")
        .contains("backfill stopped at 2026-11-24 after 2 run(s)");
    assertThat(first.err()).startsWith("crm: Missing input: landing folder for 2026-11-24");
    // paths.reports is not set: the reports follow the warehouse, and the run says where they went
    assertThat(warehouse("bf").resolve("reports/2026-11-22/index.html")).isNotEmptyFile();
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
    // later report does not make it count as succeeded
    Result gate = crm("bf", "run", "--date", "2026-11-22", "--set", "quality.max-reject-ratio=0");
    assertThat(gate.exit()).isEqualTo(3);
    assertThat(crm("bf", "report", "--date", "2026-11-22").exit()).isZero();
    Result rerun = crm("bf", "backfill", "--from", "2026-11-22", "--to", "2026-11-23", "--resume");
    assertThat(rerun.exit()).as(rerun.err()).isZero();
    assertThat(rerun.out())
        .contains("for 2026-11-22")
        .contains("backfill 2026-11-23 skipped")
        .endsWith(": 1 run, 1 skipped\n");

    // run rows: 22 succeeded (the copied initial run), 22 and 23 succeeded; 24 failed twice
    // (missing input); 22 failed (gate) and succeeded
    Result log =
        crm(
            "bf",
            "sql",
            "select status, count(*) as n from pipeline_runs where stage = 'run' group by status order by 1",
            "--format",
            "csv");
    assertThat(log.out()).isEqualTo("status,n\nfailed,3\nsucceeded,4\n");

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

    Result kept = crm("bf", "maintain");
    assertThat(kept.exit()).as(kept.err()).isZero();
    assertThat(kept.out())
        .contains("maintain orders ")
        .contains("maintain pipeline_runs")
        .contains("(retention 168 h)");
    assertThat(kept.out()).contains("vacuum removed 0 file(s)");

    Result forced =
        crm("bf", "maintain", "--force", "--set", "maintenance.vacuum-retention-hours=0");
    assertThat(forced.exit()).as(forced.err()).isZero();
    assertThat(forced.out())
        .containsPattern(
            "maintain pipeline_runs +compacted 0 file\\(s\\) into 0, vacuum removed [1-9]");
    assertThat(forced.out()).contains("(retention 0 h)");
    // the data is unchanged and the safety check is back on for everyone else
    Result orders =
        crm(
            "bf",
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
