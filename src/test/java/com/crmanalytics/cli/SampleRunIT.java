package com.crmanalytics.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.crmanalytics.testing.Crm;
import com.crmanalytics.testing.Crm.Result;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * README's first command, {@code crm run --date 2026-11-16} over the bundled {@code data-samples/}
 * with the shipped {@code conf/pipeline.conf}: every stage succeeds on the 2,000 sample customers,
 * the report is written, every input row is accounted for and the quarantine holds exactly the bad
 * rows the generator injected. (The other end-to-end tests run on the tiny landing.)
 */
class SampleRunIT {
  private static final Path LANDING = Path.of("data-samples", "landing");
  private static final String DATE = "2026-11-16";

  @TempDir static Path tmp;

  static Result crm(String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.addAll(List.of("--conf", "conf/pipeline.conf", "--warehouse", tmp.toString()));
    return Crm.run(all);
  }

  @Test
  void theReadmesNightlyRunOfTheSampleSucceedsAndReconciles() throws IOException {
    assertThat(LANDING.resolve(DATE)).as("README's sample date").isDirectory();
    Result run = crm("run", "--date", DATE);
    assertThat(run.exit()).as(run.err()).isZero();
    for (String source : List.of("orders", "service", "campaigns", "customers")) {
      assertThat(run.out()).containsPattern("(?m)^ingest " + source + " +succeeded read \\d+");
    }
    for (String stage : List.of("features", "segment", "value", "product", "report")) {
      assertThat(run.out()).containsPattern("(?m)^" + stage + " +succeeded ");
    }
    assertThat(run.out())
        .containsPattern("(?m)^report written to \\S+/reports/" + DATE + "/index\\.html$");
    assertThat(tmp.resolve("reports").resolve(DATE).resolve("index.html")).isNotEmptyFile();

    Result unbalanced =
        crm(
            "sql",
            "select count(*) as n from pipeline_runs where rows_read <> rows_accepted"
                + " + rows_quarantined + rows_duplicate + coalesce(rows_anonymous, 0)",
            "--format",
            "csv");
    assertThat(unbalanced.out()).isEqualTo("n\n0\n");
    Result customers = crm("sql", "select count(*) as n from customer_value", "--format", "csv");
    assertThat(customers.out()).matches("n\\n(19|20)\\d\\d\\n");

    // The analyses' tables of the date, through the CLI as a marketer or a BI tool reads them.
    Result outlook =
        crm(
            "sql",
            "select (select count(*) from report_forecast where as_of_date = DATE'"
                + DATE
                + "') as months, (select count(*) from report_tracking where as_of_date = DATE'"
                + DATE
                + "' and period = 'holdout') as holdout_points,"
                + " (select count(*) from report_cohorts where as_of_date = DATE'"
                + DATE
                + "') > 0 as cohorts,"
                + " (select concat_ws(' ', collect_list(action)) from (select action from report_actions"
                + " where as_of_date = DATE'"
                + DATE
                + "' order by action_order)) as actions,"
                + " (select count(*) from report_campaigns where as_of_date = DATE'"
                + DATE
                + "' and level = 'campaign' and comparison = 'holdout'"
                + " and incremental_purchases_low <= incremental_purchases"
                + " and incremental_purchases <= incremental_purchases_high) > 10 as measured",
            "--format",
            "csv");
    assertThat(outlook.exit()).as(outlook.err()).isZero();
    assertThat(outlook.out())
        .matches(
            "months,holdout_points,cohorts,actions,measured\n12,[1-9]\\d*,true,"
                + "high_value_at_risk second_purchase sleeping_big_spenders champions,true\n");

    Set<String> injected;
    try (Stream<String> lines = Files.lines(LANDING.resolve("_truth/bad_rows.csv"))) {
      injected =
          lines
              .skip(1)
              .map(l -> l.split(","))
              .filter(f -> f[0].equals(DATE))
              .map(f -> f[2] + "," + f[3] + "," + f[4])
              .collect(Collectors.toCollection(TreeSet::new));
    }
    assertThat(injected).hasSizeGreaterThan(50);
    Result quarantined =
        crm(
            "sql",
            "select source_file, line_number, reason_code from quarantine",
            "--format",
            "csv");
    assertThat(new TreeSet<>(quarantined.out().lines().skip(1).toList())).isEqualTo(injected);
  }
}
