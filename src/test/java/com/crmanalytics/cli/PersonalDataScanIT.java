package com.crmanalytics.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.crmanalytics.contract.Customers;
import com.crmanalytics.io.LineParser;
import com.crmanalytics.testing.TestSpark;
import com.crmanalytics.testing.TinyLanding;
import com.crmanalytics.testing.TinyWarehouse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StringType;
import org.apache.spark.sql.types.StructField;
import org.junit.jupiter.api.Test;

/**
 * Personal data stays in silver customers: every other table and every HTML page of the tiny
 * landing's two runs is searched for the landing's names, phones and e-mails.
 */
class PersonalDataScanIT {
  @Test
  void noTableButCustomersAndNoPageHoldsANamePhoneOrEmailOfTheSamples() throws IOException {
    Set<String> personal = landingPersonalValues();
    assertThat(personal).hasSizeGreaterThan(3 * TinyLanding.CUSTOMERS - 30);
    SparkSession spark = TestSpark.session();
    Path root = TinyWarehouse.root();
    List<String> found = new ArrayList<>();
    List<String> scanned = new ArrayList<>();
    try (Stream<Path> tables = Files.list(root)) {
      for (Path table :
          tables.filter(p -> Files.isDirectory(p.resolve("_delta_log"))).sorted().toList()) {
        String name = table.getFileName().toString();
        Dataset<Row> rows = spark.read().format("delta").load(table.toString());
        if (name.equals(Customers.CONTRACT.name())) {
          assertThat(rows.filter(Customers.EMAIL + " is not null").count())
              .as("the landing has e-mails")
              .isPositive();
          continue;
        }
        scanned.add(name);
        for (StructField f : rows.schema().fields()) {
          if (!(f.dataType() instanceof StringType)) {
            continue;
          }
          for (Row r : rows.select(f.name()).distinct().collectAsList()) {
            String v = r.getString(0);
            if (v != null && holds(v, personal)) {
              found.add(name + "." + f.name() + ": " + v);
            }
          }
        }
      }
    }
    assertThat(scanned)
        .contains("quarantine", "pipeline_runs", "customer_segments", "customer_value", "orders");
    List<Path> pages;
    try (Stream<Path> files = Files.walk(TinyWarehouse.reports())) {
      pages = files.filter(p -> p.toString().endsWith(".html")).toList();
    }
    assertThat(pages).isNotEmpty();
    for (Path page : pages) {
      String html = Files.readString(page, StandardCharsets.UTF_8);
      personal.stream().filter(html::contains).forEach(v -> found.add(page + ": " + v));
    }
    assertThat(found).isEmpty();
  }

  /**
   * A value that is, or (for longer text such as raw records and messages) contains, a personal
   * value.
   */
  private static boolean holds(String value, Set<String> personal) {
    if (personal.contains(value)) {
      return true;
    }
    return value.length() > 12 && personal.stream().anyMatch(value::contains);
  }

  /** Names, phones and e-mails of every customers extract of the tiny landing. */
  private static Set<String> landingPersonalValues() throws IOException {
    Set<String> values = new HashSet<>();
    LineParser parser =
        LineParser.delimited(StandardCharsets.UTF_8, ",", '"', List.of(), List.of());
    try (Stream<Path> files = Files.walk(TinyLanding.root())) {
      for (Path file :
          files
              .filter(
                  p ->
                      p.getFileName().toString().equals("customers.csv")
                          && p.getParent().getFileName().toString().equals("customers"))
              .toList()) {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        List<String> header = parser.split(lines.get(0));
        for (String line : lines.subList(1, lines.size())) {
          List<String> cells;
          try {
            cells = parser.split(line);
          } catch (IllegalArgumentException e) {
            continue; // a deliberately malformed line
          }
          for (String column : Customers.PERSONAL) {
            int i = header.indexOf(column);
            if (i >= 0 && i < cells.size() && cells.get(i).strip().length() > 3) {
              values.add(cells.get(i).strip());
            }
          }
        }
      }
    }
    return values;
  }
}
