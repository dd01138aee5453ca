package com.crmanalytics.generate;

import static org.assertj.core.api.Assertions.assertThat;

import com.crmanalytics.contract.Quarantine;
import com.crmanalytics.contract.ReasonCode;
import com.crmanalytics.contract.Source;
import com.crmanalytics.ingest.IngestStage;
import com.crmanalytics.testing.TestSpark;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every bad row the generator injects is quarantined by ingest, with the reason the truth names, in
 * each format (Parquet rows cannot be malformed).
 */
class GeneratedBadRowsTest {
  @TempDir Path tmp;

  @ParameterizedTest
  @EnumSource(ExtractFormat.class)
  void everyInjectedBadRowLandsInQuarantineWithItsReason(ExtractFormat format) throws IOException {
    Path landing = tmp.resolve("landing");
    GeneratorOptions options =
        new GeneratorOptions(
            150,
            LocalDate.of(2026, 8, 1),
            LocalDate.of(2026, 11, 23),
            11,
            landing,
            format,
            0.02,
            1,
            GeneratorParams.CDNOW);
    new ExtractGenerator(options).run();

    Set<String> expected;
    try (var lines = Files.lines(landing.resolve("_truth/bad_rows.csv"))) {
      expected =
          lines
              .skip(1)
              .map(l -> l.split(","))
              .map(f -> f[2] + ":" + f[3] + ":" + f[4])
              .collect(Collectors.toCollection(TreeSet::new));
    }
    Set<String> codes =
        expected.stream().map(e -> e.substring(e.lastIndexOf(':') + 1)).collect(Collectors.toSet());
    assertThat(codes)
        .containsExactlyInAnyOrderElementsOf(
            Arrays.stream(ReasonCode.values())
                .filter(c -> format != ExtractFormat.parquet || c != ReasonCode.MALFORMED_LINE)
                .filter(c -> !BadRows.REAL_EXTRACT_ONLY.contains(c))
                .map(ReasonCode::code)
                .toList());

    Path warehouse = tmp.resolve("warehouse");
    // The initial load holds bad rows of every code; one date keeps the Spark part short.
    LocalDate initial = options.initialLoad();
    Map<String, String> conf = new HashMap<>(Map.of("quality.max-reject-ratio", "1"));
    for (Source s : Source.values()) {
      conf.put("extracts." + s.id() + ".format", format.name());
    }
    TestSpark.run(IngestStage::from, TestSpark.context(initial, landing, warehouse, conf));
    expected.removeIf(e -> !e.startsWith(initial + "/"));
    Set<String> quarantined =
        TestSpark.context(initial, landing, warehouse, Map.of())
            .warehouse()
            .read(Quarantine.CONTRACT)
            .select(Quarantine.SOURCE_FILE, Quarantine.LINE_NUMBER, Quarantine.REASON_CODE)
            .collectAsList()
            .stream()
            .map((Row r) -> r.getString(0) + ":" + r.get(1) + ":" + r.getString(2))
            .collect(Collectors.toCollection(TreeSet::new));
    assertThat(quarantined).isEqualTo(expected);
  }
}
