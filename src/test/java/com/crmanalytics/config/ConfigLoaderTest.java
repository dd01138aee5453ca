package com.crmanalytics.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.crmanalytics.config.ExtractSettings.Format;
import com.crmanalytics.contract.Source;
import com.crmanalytics.error.CrmException;
import com.crmanalytics.error.ExitCode;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConfigLoaderTest {
  @TempDir Path dir;

  private static PipelineConfig load(Map<String, String> overrides) {
    return ConfigLoader.load(null, false, overrides);
  }

  @Test
  void referenceDefaultsLoad() {
    PipelineConfig c = load(Map.of());
    assertThat(c.paths().landing()).isEqualTo("landing");
    assertThat(c.paths().warehouse()).isEqualTo("warehouse");
    assertThat(c.quality().maxRejectRatio()).isEqualTo(0.05);
    assertThat(c.run().timezone().getId()).isEqualTo("UTC");
    ExtractSettings orders = c.extract(Source.ORDERS);
    assertThat(orders.format()).isEqualTo(Format.CSV);
    assertThat(orders.required()).isTrue();
    assertThat(orders.header()).isTrue();
    assertThat(orders.delimiter()).isEqualTo(",");
    assertThat(orders.encoding()).isEqualTo(StandardCharsets.UTF_8);
    assertThat(c.extract(Source.CUSTOMERS).required()).isFalse();
    assertThat(c.spark()).containsEntry("spark.sql.shuffle.partitions", "8");
    assertThat(c.hash()).hasSize(64);
  }

  @Test
  void theReportsFolderFollowsTheWarehouseUnlessSet() throws IOException {
    assertThat(load(Map.of()).paths().reports()).isEqualTo("warehouse/reports");
    assertThat(load(Map.of("paths.warehouse", "/tmp/t1/wh")).paths().reports())
        .isEqualTo("/tmp/t1/wh/reports");
    assertThat(load(Map.of("paths.warehouse", "s3a://bucket/crm")).paths().reports())
        .isEqualTo("s3a://bucket/crm/reports");
    File site = write("paths.warehouse = \"/data/wh\"\n");
    assertThat(ConfigLoader.load(site, true, Map.of()).paths().reports())
        .isEqualTo("/data/wh/reports");
    assertThat(
            ConfigLoader.load(site, true, Map.of("paths.warehouse", "/tmp/other"))
                .paths()
                .reports())
        .isEqualTo("/tmp/other/reports");
    assertThat(
            load(Map.of("paths.warehouse", "/tmp/t1/wh", "paths.reports", "/srv/reports"))
                .paths()
                .reports())
        .isEqualTo("/srv/reports");
    File fixed = write("paths.reports = \"/srv/site-reports\"\n");
    assertThat(
            ConfigLoader.load(fixed, true, Map.of("paths.warehouse", "/tmp/other"))
                .paths()
                .reports())
        .isEqualTo("/srv/site-reports");
  }

  @Test
  void theHashLeavesOutWhereTheFilesAreButNotHowTheyAreComputed() {
    String hash = load(Map.of()).hash();
    // a warehouse copied or moved elsewhere keeps its hash, so its features continue
    assertThat(
            load(Map.of(
                    "paths.warehouse", "/srv/moved/warehouse",
                    "paths.landing", "/srv/landing",
                    "paths.reports", "/srv/reports"))
                .hash())
        .isEqualTo(hash);
    assertThat(load(Map.of("rfm.window-days", "180")).hash()).isNotEqualTo(hash);
    assertThat(load(Map.of("run.timezone", "Asia/Shanghai")).hash()).isNotEqualTo(hash);
    assertThat(load(Map.of("spark.sql.session.timeZone", "Asia/Shanghai")).hash())
        .isNotEqualTo(hash);
  }

  @Test
  void precedenceIsSetOverSiteFileOverReference() throws IOException {
    File site =
        write(
            "quality.max-reject-ratio = 0.2\nextracts.defaults.csv.delimiter = \";\"\nrun.timezone = Asia/Shanghai\n");
    PipelineConfig fromFile = ConfigLoader.load(site, true, Map.of());
    assertThat(fromFile.quality().maxRejectRatio()).isEqualTo(0.2);
    // a change to extracts.defaults reaches every source
    assertThat(fromFile.extract(Source.SERVICE).delimiter()).isEqualTo(";");
    assertThat(fromFile.run().timezone().getId()).isEqualTo("Asia/Shanghai");

    PipelineConfig withSet =
        ConfigLoader.load(site, true, Map.of("quality.max-reject-ratio", "0.3"));
    assertThat(withSet.quality().maxRejectRatio()).isEqualTo(0.3);
    assertThat(withSet.hash()).isNotEqualTo(fromFile.hash());
  }

  @Test
  void setAcceptsListsAndMappings() {
    Map<String, String> set = new LinkedHashMap<>();
    set.put("extracts.orders.csv.header", "false");
    set.put("extracts.orders.source-columns", "[id, who, when, total]");
    set.put("extracts.orders.columns.order_id", "id");
    set.put("extracts.orders.columns.customer_id", "who");
    set.put("extracts.orders.timestamp-formats", "[\"dd/MM/yyyy\"]");
    ExtractSettings orders = load(set).extract(Source.ORDERS);
    assertThat(orders.sourceColumns()).containsExactly("id", "who", "when", "total");
    assertThat(orders.sourceColumn("customer_id")).isEqualTo("who");
    assertThat(orders.sourceColumn("amount")).isEqualTo("amount");
    assertThat(orders.timestampFormats()).containsExactly("dd/MM/yyyy");
  }

  @Test
  void cdnowProfileLoads() {
    PipelineConfig c = ConfigLoader.load(new File("conf/profiles/cdnow.conf"), true, Map.of());
    ExtractSettings orders = c.extract(Source.ORDERS);
    assertThat(orders.whitespaceDelimited()).isTrue();
    assertThat(orders.header()).isFalse();
    assertThat(orders.sourceColumn("order_id")).isEqualTo(ExtractSettings.FILE_LINE);
    assertThat(orders.timestampFormats()).containsExactly("yyyyMMdd");
    assertThat(c.extract(Source.SERVICE).required()).isFalse();
  }

  @ParameterizedTest(name = "{0} = {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "extracts.orders.format | xml | extracts.orders.format = 'xml' (allowed: csv, jsonl, parquet)",
        "extracts.service.encoding | KLINGON-8 | extracts.service.encoding = 'KLINGON-8' (allowed: a Java charset name",
        "extracts.orders.csv.delimiter | ;; | extracts.orders.csv.delimiter = ';;' (allowed: one character",
        "quality.max-reject-ratio | 1.5 | quality.max-reject-ratio = '1.5' (allowed: a number from 0 to 1)",
        "quality.max-reject-ratio | lots | quality.max-reject-ratio = 'lots' (allowed: a number)",
        "run.timezone | Mars/Olympus | run.timezone = 'Mars/Olympus' (allowed: a time-zone id",
        "run.currency | XYZW | run.currency = 'XYZW' (allowed: an ISO 4217 currency code",
        "extracts.orders.required | perhaps | extracts.orders.required = 'perhaps' (allowed: true or false)",
        "extracts.orders.columns.custmer_id | cust | extracts.orders.columns.custmer_id = 'custmer_id' (allowed: a column of orders",
        "extracts.orders.timestamp-formats | [\"yyyy-MM-dd bb\"] | extracts.orders.timestamp-formats = 'yyyy-MM-dd bb'",
        "extracts.orders.csv.header | false | extracts.orders.source-columns = '[]' (allowed: the names of the columns",
        "clv.model | mbgnbd | clv.model = 'mbgnbd' (allowed: auto, bg-nbd, mbg-nbd, pareto-nbd)",
      })
  void badValuesStopWithExitTwoNamingKeyValueAndWhatIsAllowed(
      String key, String value, String message) {
    ConfigErrors.assertRefused(key, value, message);
  }

  @ParameterizedTest
  @CsvSource({"bg-nbd", "mbg-nbd", "pareto-nbd"})
  void everyTransactionModelIsAValidClvModel(String model) {
    assertThat(load(Map.of("clv.model", model)).clv().model()).isEqualTo(model);
  }

  @Test
  void unknownKeysAreRejectedNotIgnored() {
    assertThatThrownBy(() -> load(Map.of("quality.max-reject-ratoi", "0.1")))
        .isInstanceOf(CrmException.class)
        .hasMessageContaining("unknown key quality.max-reject-ratoi");
    assertThatThrownBy(() -> load(Map.of("extracts.order.format", "csv")))
        .hasMessageContaining("unknown key extracts.order.format");
  }

  @Test
  void mappingToAnUndeclaredSourceColumnIsRejected() {
    Map<String, String> set = new LinkedHashMap<>();
    set.put("extracts.orders.source-columns", "[a, b]");
    set.put("extracts.orders.columns.customer_id", "c");
    assertThatThrownBy(() -> load(set))
        .hasMessageContaining(
            "extracts.orders.columns.customer_id = 'c' (allowed: one of source-columns [a, b]");
  }

  @Test
  void missingOrBrokenSiteFileIsAConfigurationError() throws IOException {
    assertThatThrownBy(() -> ConfigLoader.load(new File("no/such.conf"), true, Map.of()))
        .hasMessageContaining("configuration file not found: no/such.conf")
        .satisfies(e -> assertThat(((CrmException) e).exitCode()).isEqualTo(ExitCode.USAGE));
    File broken = write("paths { landing = \n");
    assertThatThrownBy(() -> ConfigLoader.load(broken, true, Map.of()))
        .isInstanceOf(CrmException.class)
        .hasMessageContaining("Invalid configuration")
        .hasMessageContaining(broken.getName());
  }

  @Test
  void tabDelimiterIsSpelledAsBackslashT() {
    assertThat(
            load(Map.of("extracts.orders.csv.delimiter", "\\t")).extract(Source.ORDERS).delimiter())
        .isEqualTo("\t");
  }

  @Test
  void sparkSettingsPassThroughWithTheirPrefix() {
    PipelineConfig c = load(Map.of("spark.executor.memory", "2g"));
    assertThat(c.spark()).containsEntry("spark.executor.memory", "2g");
    assertThat(List.copyOf(c.spark().keySet())).allMatch(k -> k.startsWith("spark."));
  }

  private File write(String text) throws IOException {
    Path file = Files.createTempFile(dir, "site", ".conf");
    Files.writeString(file, text);
    return file.toFile();
  }
}
