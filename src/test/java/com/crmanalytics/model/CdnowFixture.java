package com.crmanalytics.model;

import static java.time.temporal.ChronoUnit.DAYS;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Assumptions;

/**
 * Builds the BTYD calibration summary and holdout counts of the CDNOW sample (weeks; calibration
 * ends 1997-09-30).
 */
final class CdnowFixture {

  static final Path SAMPLE = Path.of("../shared/datasets/cdnow/CDNOW_sample.txt");
  static final LocalDate CALIBRATION_END = LocalDate.of(1997, 9, 30);
  static final LocalDate HOLDOUT_END = LocalDate.of(1998, 6, 30);

  /**
   * One customer: calibration summary in weeks, unrounded mean repeat value, and holdout
   * transaction days.
   */
  record Customer(int id, int x, double tx, double T, double mx, int holdout) {}

  private CdnowFixture() {}

  /** All 2,357 customers in sample_id order; skips the test if the data set is absent. */
  static List<Customer> customers() throws IOException {
    Assumptions.assumeTrue(
        Files.isRegularFile(SAMPLE),
        "CDNOW sample not found at "
            + SAMPLE.toAbsolutePath()
            + "; skipping the published-results check");
    // sample_id -> day -> summed dollars (same-day purchases are one transaction)
    Map<Integer, TreeMap<LocalDate, Double>> days = new TreeMap<>();
    for (String line : Files.readAllLines(SAMPLE)) {
      String[] f = line.trim().split("\\s+");
      if (f.length < 5) {
        continue;
      }
      LocalDate date = LocalDate.parse(f[2], DateTimeFormatter.BASIC_ISO_DATE);
      days.computeIfAbsent(Integer.parseInt(f[1]), k -> new TreeMap<>())
          .merge(date, Double.parseDouble(f[4]), Double::sum);
    }
    List<Customer> out = new ArrayList<>();
    days.forEach(
        (id, byDay) -> {
          LocalDate first = byDay.firstKey();
          List<Map.Entry<LocalDate, Double>> calibration =
              List.copyOf(byDay.headMap(CALIBRATION_END, true).entrySet());
          int x = calibration.size() - 1;
          LocalDate last = calibration.get(x).getKey();
          // m_x: mean of the repeat transaction values, the first transaction excluded, unrounded
          double repeatSpend = calibration.stream().skip(1).mapToDouble(Map.Entry::getValue).sum();
          int holdout = byDay.subMap(CALIBRATION_END, false, HOLDOUT_END, true).size();
          out.add(
              new Customer(
                  id,
                  x,
                  DAYS.between(first, last) / 7.0,
                  DAYS.between(first, CALIBRATION_END) / 7.0,
                  x > 0 ? repeatSpend / x : 0,
                  holdout));
        });
    return out;
  }

  static List<Pattern> patterns(List<Customer> customers) {
    return Pattern.distinct(customers.stream().map(c -> Pattern.of(c.x(), c.tx(), c.T())).toList());
  }

  static List<SpendPattern> spendPatterns(List<Customer> customers) {
    return customers.stream()
        .filter(c -> c.x() > 0 && c.mx() > 0)
        .map(c -> SpendPattern.of(c.x(), c.mx()))
        .toList();
  }
}
