package com.crmanalytics.generate;

import static org.assertj.core.api.Assertions.assertThat;

import com.crmanalytics.cli.CrmCommand;
import com.crmanalytics.contract.Quarantine;
import com.crmanalytics.testing.TestSpark;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The nightly command over the bundled {@code data-samples/} (made by {@code crm generate}) into a
 * temporary warehouse: the initial load and the first increment succeed, and the quarantine holds
 * exactly the bad rows the generator says it injected.
 */
class DataSamplesEndToEndTest {
  private static final Path LANDING = Path.of("data-samples/landing");

  @TempDir Path warehouse;

  @Test
  void nightlyRunOverTheSamplesQuarantinesExactlyTheInjectedRows() throws IOException {
    List<String> dates = List.of("2026-11-16", "2026-11-17");
    TestSpark.session();
    for (String date : dates) {
      StringWriter out = new StringWriter();
      StringWriter err = new StringWriter();
      var cl = CrmCommand.commandLine();
      cl.setOut(new PrintWriter(out));
      cl.setErr(new PrintWriter(err));
      int exit = cl.execute(
          "run", "--date", date, "--warehouse", warehouse.toString(), "--landing", LANDING.toString(),
          "--set", "spark.sql.shuffle.partitions=2");
      assertThat(exit).as("crm run --date %s: %s", date, err).isZero();
      assertThat(out.toString()).contains("ingest orders").contains("succeeded");
    }

    Set<String> expected;
    try (var lines = Files.lines(LANDING.resolve("_truth/bad_rows.csv"))) {
      expected = lines.skip(1)
          .map(l -> l.split(","))
          .filter(f -> dates.contains(f[0]))
          .map(f -> f[2] + ":" + f[3] + ":" + f[4])
          .collect(Collectors.toCollection(TreeSet::new));
    }
    Set<String> quarantined =
        TestSpark.context(LocalDate.parse(dates.get(0)), LANDING, warehouse, Map.of())
            .warehouse()
            .read(Quarantine.CONTRACT)
            .select(Quarantine.SOURCE_FILE, Quarantine.LINE_NUMBER, Quarantine.REASON_CODE)
            .collectAsList()
            .stream()
            .map((Row r) -> r.getString(0) + ":" + r.get(1) + ":" + r.getString(2))
            .collect(Collectors.toCollection(TreeSet::new));
    assertThat(expected).hasSizeGreaterThan(50);
    assertThat(quarantined).isEqualTo(expected);
  }
}
