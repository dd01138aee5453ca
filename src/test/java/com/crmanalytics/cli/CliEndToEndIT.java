package com.crmanalytics.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.crmanalytics.testing.Crm.Result;
import com.crmanalytics.testing.TinyLanding;
import com.crmanalytics.testing.TinyWarehouse;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code crm} command over the tiny generated landing, as a scheduler would call it: exit
 * codes, stdout and stderr. The two runs (initial load, one increment) are made once per JVM by
 * {@link TinyWarehouse}, whose warehouse other end-to-end tests share; the error cases run on a
 * copy.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CliEndToEndIT {
  @TempDir static Path tmp;

  private static final List<String> dates =
      TinyLanding.dates().stream().map(LocalDate::toString).toList();

  static Result crm(String... args) {
    return TinyWarehouse.crm(args);
  }

  @Test
  @Order(1)
  void theNightlyRunsOfTheSampleSucceedAndReconcile() {
    for (String date : dates) {
      Result run = TinyWarehouse.run(LocalDate.parse(date));
      assertThat(run.exit()).as(run.err()).isZero();
      assertThat(run.out()).contains("ingest orders").contains("succeeded");
      assertThat(run.out())
          .containsPattern("(?m)^features +succeeded \\d+ customers as of " + date);
      assertThat(run.out())
          .containsPattern(
              "(?m)^segment +succeeded \\d+ customers scored and tiered as of " + date);
      assertThat(run.out())
          .containsPattern("(?m)^report +succeeded \\d+ customers reported as of " + date);
      assertThat(TinyWarehouse.reports().resolve(date).resolve("index.html")).isNotEmptyFile();
      // the run says where the report went
      assertThat(run.out())
          .containsPattern("(?m)^report written to \\S+/" + date + "/index\\.html$");
    }
    // The first date has nothing to migrate from; the second counts moves since the first.
    Result migration =
        crm(
            "sql",
            "select as_of_date, previous_as_of_date, sum(customers) > 0 as moved "
                + "from report_migration group by 1, 2",
            "--format",
            "csv");
    assertThat(migration.out())
        .isEqualTo(
            "as_of_date,previous_as_of_date,moved\n"
                + dates.get(1)
                + ","
                + dates.get(0)
                + ",true\n");
    Result kpis =
        crm(
            "sql",
            "select as_of_date, customers_known > 0 and customer_equity > 0 as ok from report_kpis "
                + "order by 1",
            "--format",
            "csv");
    assertThat(kpis.out())
        .isEqualTo("as_of_date,ok\n" + dates.get(0) + ",true\n" + dates.get(1) + ",true\n");
    Result unbalanced =
        crm(
            "sql",
                "select count(*) as n from pipeline_runs where rows_read <> rows_accepted + rows_quarantined + rows_duplicate",
            "--format", "csv");
    assertThat(unbalanced.out()).isEqualTo("n\n0\n");
    Result sources =
        crm(
            "sql",
                "select count(distinct stage) from pipeline_runs where status = 'succeeded' and stage like 'ingest:%'",
            "--format", "csv");
    assertThat(sources.out()).endsWith("\n4\n");
    Result stages =
        crm(
            "sql",
            "select stage, count(*) from pipeline_runs where stage in ('features', 'segment', 'value', 'report') "
                + "and status = 'succeeded' group by stage order by stage",
            "--format",
            "csv");
    assertThat(stages.out())
        .isEqualTo("stage,count(1)\nfeatures,2\nreport,2\nsegment,2\nvalue,2\n");
    Result runs =
        crm(
            "sql",
            "select count(*) as n from pipeline_runs where stage = 'run' and status = 'succeeded'",
            "--format",
            "csv");
    assertThat(runs.out()).isEqualTo("n\n2\n");
    Result segments =
        crm(
            "sql",
                "select count(*) as n from customer_segments s join customer_features f using (customer_id, as_of_date)",
            "--format", "csv");
    Result features = crm("sql", "select count(*) as n from customer_features", "--format", "csv");
    assertThat(segments.out()).isEqualTo(features.out()).isNotEqualTo("n\n0\n");
  }

  @Test
  @Order(2)
  void theQuarantineHoldsExactlyTheBadRowsTheGeneratorInjected() throws IOException {
    List<String> ran = dates;
    Set<String> injected;
    try (Stream<String> lines = Files.lines(TinyLanding.root().resolve("_truth/bad_rows.csv"))) {
      injected =
          lines
              .skip(1)
              .map(l -> l.split(","))
              .filter(f -> ran.contains(f[0]))
              .map(f -> f[2] + "," + f[3] + "," + f[4])
              .collect(Collectors.toCollection(TreeSet::new));
    }
    Result quarantined =
        crm(
            "sql",
            "select source_file, line_number, reason_code from quarantine",
            "--format",
            "csv");
    assertThat(injected).hasSizeGreaterThan(50);
    assertThat(new TreeSet<>(quarantined.out().lines().skip(1).toList())).isEqualTo(injected);
  }

  @Test
  @Order(3)
  void everyTableIsQueryableByItsPlainName() {
    Result orders = crm("sql", "select count(*) as orders from orders", "--format", "json");
    assertThat(orders.exit()).isZero();
    assertThat(orders.out()).matches("\\{\"orders\":[1-9][0-9]*}\\n");

    Result table =
        crm(
            "sql",
            "select reason_code, count(*) as n from quarantine group by reason_code order by 1");
    assertThat(table.exit()).isZero();
    assertThat(table.out()).contains("| reason_code").contains(" rows").contains("+--");

    Result masked = crm("sql", "select email from customers limit 1", "--format", "csv");
    assertThat(masked.out()).doesNotContain("@").contains("***");

    Result tables = crm("tables");
    assertThat(tables.exit()).isZero();
    assertThat(tables.out())
        .contains("orders")
        .contains("Order lines from the order system")
        .contains("quarantine")
        .contains("pipeline_runs")
        .contains("service_contacts")
        .contains("campaign_touches")
        .contains("report_kpis")
        .contains("Headline numbers of the customer base");

    Result columns = crm("tables", "report_pyramid", "report_kpis");
    assertThat(columns.exit()).as(columns.err()).isZero();
    assertThat(columns.out())
        .contains("report_pyramid: Customer pyramid")
        .containsPattern(
            "(?m)^  cumulative_revenue_share +double +Share of revenue of this tier and the tiers above it$")
        .containsPattern("(?m)^  customer_equity +double +Sum of clv over all customers");
    Result unknown = crm("tables", "no_such_table");
    assertThat(unknown.exit()).isEqualTo(4);
    assertThat(unknown.err()).contains("no_such_table").contains("report_kpis");
  }

  @Test
  @Order(4)
  void errorsAreOneLineWithTheDocumentedExitCode() {
    Path warehouse = TinyWarehouse.copy(tmp.resolve("errors"));
    Result badConfig =
        TinyWarehouse.crm(
            warehouse, "run", "--date", dates.get(0), "--set", "quality.max-reject-ratio=2");
    assertThat(badConfig.exit()).isEqualTo(2);
    assertThat(badConfig.err().strip())
        .isEqualTo(
            "crm: Invalid configuration: quality.max-reject-ratio = '2' (allowed: a number from 0 to 1)");

    Result gate =
        TinyWarehouse.crm(
            warehouse, "ingest", "--date", dates.get(0), "--set", "quality.max-reject-ratio=0");
    assertThat(gate.exit()).isEqualTo(3);
    assertThat(gate.err())
        .startsWith("crm: Quality gate failed: ")
        .contains("quality.max-reject-ratio 0.0%");
    assertThat(gate.err().lines()).hasSize(1);

    Result missing = TinyWarehouse.crm(warehouse, "run", "--date", "1999-01-01");
    assertThat(missing.exit()).isEqualTo(4);
    assertThat(missing.err().strip())
        .startsWith("crm: Missing input: landing folder for 1999-01-01: ")
        .endsWith(TinyLanding.root().resolve("1999-01-01").toString());

    Result badSql = TinyWarehouse.crm(warehouse, "sql", "select * from no_such_table");
    assertThat(badSql.exit()).isEqualTo(2);
    assertThat(badSql.err())
        .startsWith("crm: SQL error: ")
        .contains("no_such_table")
        .contains("tables: ");

    Result usage = TinyWarehouse.crm(warehouse, "run");
    assertThat(usage.exit()).isEqualTo(2);
    assertThat(usage.err()).contains("Missing required option: '--date=YYYY-MM-DD'");
  }

  @Test
  @Order(5)
  void helpAndVersion() {
    Result version = crm("--version");
    assertThat(version.exit()).isZero();
    assertThat(version.out()).contains("crm-analytics").contains("Spark 4.2.0, Delta Lake 4.4.0");
    for (String command : List.of("run", "ingest", "features", "segment", "sql", "tables")) {
      Result help = crm(command, "--help");
      assertThat(help.exit()).isZero();
      assertThat(help.out()).contains("Usage: crm " + command).contains("--conf").contains("--set");
    }
  }
}
