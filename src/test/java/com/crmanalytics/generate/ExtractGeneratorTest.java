package com.crmanalytics.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.crmanalytics.contract.Source;
import com.crmanalytics.error.CrmException;
import com.crmanalytics.model.FitResult;
import com.crmanalytics.model.GammaGamma;
import com.crmanalytics.model.ModelFitter;
import com.crmanalytics.model.Pattern;
import com.crmanalytics.model.SpendPattern;
import com.crmanalytics.model.TransactionModelType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The generator without Spark: byte-identical output, the documented distributions (BG/NBD and
 * Gamma-Gamma parameters recovered from what it wrote), and churn signal in the service data.
 */
class ExtractGeneratorTest {
  private static final LocalDate FROM = LocalDate.of(2024, 11, 24);
  private static final LocalDate TO = LocalDate.of(2026, 11, 23);
  private static final int CUSTOMERS = 4000;

  @TempDir static Path shared;
  @TempDir Path tmp;

  private static Path run;
  private static List<Map<String, String>> truth;

  @BeforeAll
  static void generateOnce() {
    run = shared.resolve("run");
    new ExtractGenerator(options(CUSTOMERS, run, ExtractFormat.csv, 0)).run();
    truth = readCsv(run.resolve("_truth/customers.csv"));
  }

  private static GeneratorOptions options(
      long customers, Path out, ExtractFormat format, double badRows) {
    return new GeneratorOptions(
        customers, FROM, TO, 42, out, format, badRows, 7, GeneratorParams.CDNOW);
  }

  @ParameterizedTest
  @EnumSource(ExtractFormat.class)
  void sameArgumentsGiveIdenticalBytes(ExtractFormat format) throws IOException {
    new ExtractGenerator(options(300, tmp.resolve("a"), format, 0.01)).run();
    new ExtractGenerator(options(300, tmp.resolve("b"), format, 0.01)).run();
    Map<String, byte[]> a = files(tmp.resolve("a"));
    Map<String, byte[]> b = files(tmp.resolve("b"));
    assertThat(a.keySet()).hasSize(8 * 4 + 5).isEqualTo(b.keySet());
    a.forEach((name, bytes) -> assertThat(bytes).as(name).isEqualTo(b.get(name)));
    assertThat(a).containsKey("2026-11-16/orders/orders." + format.extension());
  }

  @Test
  void dataSamplesAreExactlyWhatTheirDocumentedCommandWrites() throws IOException {
    // the command in data-samples/README.md
    new ExtractGenerator(
            new GeneratorOptions(
                2000,
                LocalDate.of(2025, 10, 16),
                TO,
                7,
                tmp.resolve("samples"),
                ExtractFormat.csv,
                0.002,
                7,
                GeneratorParams.CDNOW))
        .run();
    Map<String, byte[]> generated = files(tmp.resolve("samples"));
    Map<String, byte[]> committed = files(Path.of("data-samples/landing"));
    assertThat(committed.keySet()).isEqualTo(generated.keySet());
    generated.forEach((name, bytes) -> assertThat(committed.get(name)).as(name).isEqualTo(bytes));
  }

  @Test
  void purchasesRecoverTheBgNbdParameters() {
    List<Pattern> patterns = new ArrayList<>();
    LocalDateTime end = TO.plusDays(1).atStartOfDay();
    for (Map<String, String> c : truth) {
      LocalDateTime first = ts(c.get("first_purchase_ts"));
      double tx = weeks(first, ts(c.get("last_purchase_ts")));
      patterns.add(Pattern.of(Integer.parseInt(c.get("repeat_purchases")), tx, weeks(first, end)));
    }
    FitResult fit = TransactionModelType.BG_NBD.fit(Pattern.distinct(patterns), new ModelFitter());
    System.out.println("BG/NBD fit on generated data: " + fit);
    GeneratorParams p = GeneratorParams.CDNOW;
    // 4,000 customers: the mean rate r/α and mean drop-out a/(a+b) are well identified.
    assertThat(fit.param("r") / fit.param("alpha"))
        .isCloseTo(p.meanRatePerWeek(), within(0.15 * p.meanRatePerWeek()));
    assertThat(fit.param("a") / (fit.param("a") + fit.param("b")))
        .isCloseTo(p.meanDropout(), within(0.08));
    assertThat(fit.param("r")).isCloseTo(p.r(), within(0.3 * p.r()));
  }

  @Test
  void truthFollowsTheDocumentedDistributions() {
    GeneratorParams p = GeneratorParams.CDNOW;
    double lambda =
        truth.stream()
            .mapToDouble(c -> Double.parseDouble(c.get("lambda_per_week")))
            .average()
            .orElseThrow();
    double dropout =
        truth.stream()
            .mapToDouble(c -> Double.parseDouble(c.get("p_dropout")))
            .average()
            .orElseThrow();
    assertThat(lambda).isCloseTo(p.meanRatePerWeek(), within(0.15 * p.meanRatePerWeek()));
    assertThat(dropout).isCloseTo(p.meanDropout(), within(0.02));
    // The BG/NBD story: only repeat buyers drop out, at their last purchase; one-time buyers stay
    // alive.
    for (Map<String, String> c : truth) {
      boolean alive = Boolean.parseBoolean(c.get("alive_at_end"));
      if (!alive) {
        assertThat(Integer.parseInt(c.get("repeat_purchases")))
            .as(c.get("customer_id"))
            .isPositive();
        assertThat(c.get("last_purchase_ts")).startsWith(c.get("dropout_date"));
      }
      if (c.get("repeat_purchases").equals("0")) {
        assertThat(alive).isTrue();
      }
    }
    long repeaters = truth.stream().filter(c -> !c.get("repeat_purchases").equals("0")).count();
    assertThat((double) repeaters / truth.size()).isBetween(0.25, 0.55);
  }

  @Test
  void spendPerTransactionFollowsGammaGamma() {
    // Orders as written, summed per order (returns are separate orders with status returned).
    Map<String, Map<String, Long>> orders = new HashMap<>();
    for (Map<String, String> line : extractRows(Source.ORDERS)) {
      if (line.get("status").equals("complete")) {
        orders
            .computeIfAbsent(line.get("customer_id"), k -> new LinkedHashMap<>())
            .merge(
                line.get("order_ts") + "|" + line.get("order_id"),
                cents(line.get("amount")),
                Long::sum);
      }
    }
    double sum = 0;
    long n = 0;
    List<SpendPattern> spend = new ArrayList<>();
    for (Map<String, Long> byOrder : orders.values()) {
      List<String> keys = new ArrayList<>(byOrder.keySet());
      keys.sort(null);
      double repeat = 0;
      for (int i = 0; i < keys.size(); i++) {
        double value = byOrder.get(keys.get(i)) / 100.0;
        sum += value;
        n++;
        if (i > 0) {
          repeat += value;
        }
      }
      if (keys.size() > 1) {
        spend.add(SpendPattern.of(keys.size() - 1, repeat / (keys.size() - 1)));
      }
    }
    double mean = GeneratorParams.CDNOW.meanSpend();
    System.out.printf("mean spend per transaction %.2f (model %.2f)%n", sum / n, mean);
    assertThat(sum / n)
        .as("mean spend per transaction vs γp/(q−1)")
        .isCloseTo(mean, within(0.1 * mean));
    FitResult fit = GammaGamma.fit(spend, new ModelFitter());
    double fitted = fit.param("gamma") * fit.param("p") / (fit.param("q") - 1);
    System.out.println("Gamma-Gamma fit on generated data: " + fit);
    assertThat(fitted).as("fitted Gamma-Gamma mean").isCloseTo(mean, within(0.15 * mean));
    assertThat(fit.param("p"))
        .isCloseTo(GeneratorParams.CDNOW.p(), within(0.35 * GeneratorParams.CDNOW.p()));
  }

  @Test
  void customersAboutToDropOutComplainMore() {
    Map<String, List<LocalDateTime>> complaints = new HashMap<>();
    for (Map<String, String> c : extractRows(Source.SERVICE)) {
      if (c.get("category").equals("complaint")) {
        complaints
            .computeIfAbsent(c.get("customer_id"), k -> new ArrayList<>())
            .add(ts(c.get("opened_ts")));
      }
    }
    // complaints per customer in the 8 weeks before the drop-out, vs. in 8 weeks ending at a repeat
    // purchase of a customer who stays
    double dropped = 0;
    double stayed = 0;
    int nDropped = 0;
    int nStayed = 0;
    for (Map<String, String> c : truth) {
      if (c.get("repeat_purchases").equals("0")) {
        continue;
      }
      LocalDateTime last = ts(c.get("last_purchase_ts"));
      if (last.isBefore(FROM.plusWeeks(8).atStartOfDay())) {
        continue;
      }
      long count =
          complaints.getOrDefault(c.get("customer_id"), List.of()).stream()
              .filter(t -> !t.isBefore(last.minusWeeks(8)) && t.isBefore(last))
              .count();
      if (Boolean.parseBoolean(c.get("alive_at_end"))) {
        stayed += count;
        nStayed++;
      } else {
        dropped += count;
        nDropped++;
      }
    }
    System.out.printf(
        "complaints in 8 weeks before the last purchase: dropped %.3f, alive %.3f%n",
        dropped / nDropped, stayed / nStayed);
    assertThat(nDropped).isGreaterThan(100);
    assertThat(nStayed).isGreaterThan(100);
    assertThat(dropped / nDropped).isGreaterThan(3 * (stayed / nStayed));
  }

  @Test
  void refusesAPeriodWithoutRoomForTheInitialLoad() {
    assertThatThrownBy(
            () ->
                new GeneratorOptions(
                    10,
                    TO.minusDays(3),
                    TO,
                    1,
                    tmp,
                    ExtractFormat.csv,
                    0,
                    7,
                    GeneratorParams.CDNOW))
        .isInstanceOf(CrmException.class)
        .hasMessageContaining("--increments 7 leaves no initial load");
    assertThatThrownBy(
            () ->
                new GeneratorOptions(
                    10,
                    FROM,
                    TO,
                    1,
                    tmp,
                    ExtractFormat.csv,
                    0,
                    7,
                    new GeneratorParams(0.2, 4, 0.8, 2.4, 6, 0.9, 15)))
        .hasMessageContaining("--spend-q must be above 1");
  }

  private static List<Map<String, String>> extractRows(Source source) {
    List<Map<String, String>> rows = new ArrayList<>();
    try (Stream<Path> files = Files.walk(run)) {
      for (Path f :
          files
              .filter(f -> f.getParent().getFileName().toString().equals(source.id()))
              .sorted()
              .toList()) {
        rows.addAll(readCsv(f));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return rows;
  }

  /** Reads a CSV file without quoted commas (all generated sources except customers). */
  private static List<Map<String, String>> readCsv(Path file) {
    try {
      List<String> lines = Files.readAllLines(file);
      String[] header = lines.get(0).split(",");
      List<Map<String, String>> rows = new ArrayList<>();
      for (String line : lines.subList(1, lines.size())) {
        String[] v = line.split(",", -1);
        Map<String, String> row = new HashMap<>();
        for (int i = 0; i < header.length; i++) {
          row.put(header[i], v[i]);
        }
        rows.add(row);
      }
      return rows;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Map<String, byte[]> files(Path root) throws IOException {
    Map<String, byte[]> out = new HashMap<>();
    try (Stream<Path> files = Files.walk(root)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        out.put(root.relativize(f).toString(), Files.readAllBytes(f));
      }
    }
    return out;
  }

  private static LocalDateTime ts(String text) {
    return LocalDateTime.parse(text.replace(' ', 'T'));
  }

  private static double weeks(LocalDateTime a, LocalDateTime b) {
    return Duration.between(a, b).toSeconds() / (7 * 86400.0);
  }

  private static long cents(String money) {
    return Math.round(Double.parseDouble(money) * 100);
  }
}
