package com.crmanalytics.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.crmanalytics.config.PrivacySettings;
import com.crmanalytics.contract.CustomerSegments;
import com.crmanalytics.contract.Customers;
import com.crmanalytics.error.CrmException;
import com.crmanalytics.error.ExitCode;
import com.crmanalytics.io.Warehouse;
import com.crmanalytics.testing.Rows;
import com.crmanalytics.testing.TestSpark;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The SQL door: personal columns masked, and every way around the views refused, each by Spark's
 * parse.
 */
class GuardedSqlTest {
  @TempDir static Path tmp;
  static Warehouse warehouse;
  static GuardedSql sql;
  static String root;

  @BeforeAll
  static void warehouse() {
    warehouse = new Warehouse(TestSpark.session(), tmp.resolve("warehouse").toString());
    warehouse.append(
        Customers.CONTRACT,
        Rows.of(Customers.CONTRACT)
            .row(
                Customers.CUSTOMER_ID,
                "C1",
                Customers.NAME,
                "Miller GmbH",
                Customers.PHONE,
                "+49 30 123456",
                Customers.EMAIL,
                "info@miller.example",
                Customers.MARKETING_CONSENT,
                true)
            .row(
                Customers.CUSTOMER_ID,
                "C2",
                Customers.NAME,
                "Miller GmbH",
                Customers.PHONE,
                null,
                Customers.EMAIL,
                "x@y.example")
            .dataset());
    warehouse.append(
        CustomerSegments.CONTRACT,
        Rows.zeroFilled(CustomerSegments.CONTRACT)
            .row(CustomerSegments.CUSTOMER_ID, "C1", CustomerSegments.AS_OF_DATE, "2026-11-16")
            .dataset());
    root = warehouse.root();
    sql =
        GuardedSql.open(
            warehouse, new PrivacySettings(PrivacySettings.Mask.TOKEN, Optional.empty()));
  }

  @Test
  void personalColumnsShowAsOneTokenWhateverTheirLengthAndNullsStayNull() {
    List<Row> rows =
        sql.sql(
                "select customer_id, name, phone, email, marketing_consent from customers order by 1")
            .collectAsList();
    assertThat(rows.get(0).mkString("|")).isEqualTo("C1|***|***|***|true");
    assertThat(rows.get(1).mkString("|")).isEqualTo("C2|***|null|***|null");
    assertThat(sql.spark().table("customers").schema().apply(Customers.EMAIL).getComment().get())
        .isEqualTo(Customers.CONTRACT.field(Customers.EMAIL).comment());
  }

  @Test
  void theKeyedHashCountsEqualValuesWithoutShowingThemAndIsNotCallableFromSql(@TempDir Path dir)
      throws Exception {
    Path key = dir.resolve("mask.key");
    Files.writeString(key, "0123456789abcdef-secret", StandardCharsets.UTF_8);
    GuardedSql hashed =
        GuardedSql.open(
            warehouse, new PrivacySettings(PrivacySettings.Mask.HASH, Optional.of(key)));
    List<Row> rows =
        hashed.sql("select name, count(*) n from customers group by name").collectAsList();
    byte[] secret = Files.readAllBytes(key);
    assertThat(rows).hasSize(1);
    assertThat(rows.get(0).getString(0))
        .isEqualTo(PersonalMask.hash(secret, "Miller GmbH"))
        .hasSize(16);
    assertThat(rows.get(0).getLong(1)).isEqualTo(2);
    String plan = hashed.sql("explain extended select name from customers").first().getString(0);
    assertThat(plan).doesNotContain("0123456789abcdef").contains("personal_mask");
    assertThatThrownBy(() -> hashed.sql("select personal_mask('Miller GmbH')").collect())
        .hasMessageContaining("personal_mask");
    // Put the token views back for the other tests (one session per JVM).
    GuardedSql.open(warehouse, new PrivacySettings(PrivacySettings.Mask.TOKEN, Optional.empty()));
  }

  @Test
  void hmacMatchesRfc4231() {
    // RFC 4231 test case 2: key "Jefe", data "what do ya want for nothing?".
    assertThat(
            PersonalMask.hash(
                "Jefe".getBytes(StandardCharsets.UTF_8), "what do ya want for nothing?"))
        .isEqualTo("5bdcc146bf60754e");
  }

  static Stream<String> bypasses() {
    String c = root + "/customers";
    return Stream.of(
        "select * from delta.`" + c + "`",
        "select name from parquet.`" + c + "`",
        "select * from csv.`" + c + "`",
        "select * from json.`" + c + "`",
        "select * from orc.`" + c + "`",
        "select * from text.`" + c + "`",
        "select * from binaryFile.`" + c + "`",
        "table delta.`" + c + "`",
        "select * from spark_catalog.default.customers",
        "select * from global_temp.customers",
        "select * from read_files('" + c + "')",
        "select * from IDENTIFIER('delta.`" + c + "`')",
        "select (select max(name) from delta.`" + c + "`)",
        "select * from customers where customer_id in (select customer_id from parquet.`"
            + c
            + "`)",
        "select * from customers c where exists (select 1 from delta.`"
            + c
            + "` d where d.name = 'x')",
        "with x as (select * from delta.`" + c + "`) select * from x",
        "select * from customers, lateral (select name from delta.`" + c + "`)",
        "explain select * from delta.`" + c + "`",
        "execute immediate 'select * from delta.`" + c + "`'",
        "create table t using delta location '" + c + "'",
        "create table t using parquet options (path '" + c + "')",
        "create table t as select * from customers",
        "create temporary view v using parquet options (path '" + c + "')",
        "create temporary view v as select * from delta.`" + c + "`",
        "create view v as select * from customers",
        "create or replace temporary view customers as select 'C9' customer_id",
        "cache table x as select * from delta.`" + c + "`",
        "insert into customers select * from customers",
        "insert overwrite directory '" + root + "/out' using parquet select * from customers",
        "delete from customers",
        "update customers set name = 'x'",
        "merge into customers t using customers s on t.customer_id = s.customer_id when matched then delete",
        "drop view customers",
        "alter table customers add columns (x int)",
        "vacuum '" + c + "'",
        "describe history delta.`" + c + "`",
        "describe detail '" + c + "'",
        "optimize '" + c + "'",
        "restore table delta.`" + c + "` to version as of 0",
        "convert to delta parquet.`" + c + "`",
        "add jar " + root + "/evil.jar",
        "add file " + c,
        "create function f as 'com.example.F' using jar '" + root + "/evil.jar'",
        "create temporary function f as 'com.example.F'",
        "select reflect('java.lang.System', 'getProperty', 'user.home')",
        "select java_method('java.lang.System', 'getenv', 'HOME')",
        "set spark.sql.files.ignoreMissingFiles = true",
        "set spark.databricks.delta.retentionDurationCheck.enabled = false",
        "declare v string default (select max(name) from delta.`" + c + "`)",
        "use spark_catalog.default",
        "refresh table customers");
  }

  @ParameterizedTest
  @MethodSource("bypasses")
  void everyWayAroundTheViewsIsRefusedBeforeSparkRunsIt(String statement) {
    assertThatThrownBy(() -> sql.sql(statement))
        .isInstanceOf(CrmException.class)
        .hasMessageStartingWith("SQL refused: ")
        .satisfies(e -> assertThat(((CrmException) e).exitCode()).isEqualTo(ExitCode.USAGE));
  }

  @Test
  void whatNotebooksAndBiToolsDoStillRuns() {
    sql.sql("declare or replace variable as_of date");
    sql.sql("set var as_of = (select max(as_of_date) from customer_segments)");
    sql.sql(
        "create or replace temporary view picked as "
            + "with s as (select customer_id from customer_segments where as_of_date = as_of) "
            + "select c.customer_id, c.name from s join customers c using (customer_id)");
    assertThat(sql.sql("select * from picked").collectAsList())
        .extracting(r -> r.mkString("|"))
        .containsExactly("C1|***");
    assertThat(sql.sql("select count(*) from range(3)").first().getLong(0)).isEqualTo(3);
    assertThat(sql.sql("select explode(array(1, 2))").count()).isEqualTo(2);
    assertThat(sql.sql("describe customers").count()).isGreaterThan(5);
    assertThat(sql.sql("show tables").count()).isGreaterThanOrEqualTo(2);
    sql.sql("set spark.sql.shuffle.partitions = " + TestSpark.SHUFFLE_PARTITIONS);
    assertThat(sql.sql("explain select * from customers").first().getString(0)).contains("Project");
    assertThat(sql.check("select 1")).isEqualTo(SqlGuard.Kind.QUERY);
    assertThat(sql.check("declare or replace variable x int")).isEqualTo(SqlGuard.Kind.COMMAND);
  }
}
