package com.crmanalytics.export;

import static org.assertj.core.api.Assertions.assertThat;

import com.crmanalytics.contract.CustomerSegments;
import com.crmanalytics.contract.Customers;
import com.crmanalytics.contract.Exports;
import com.crmanalytics.io.Warehouse;
import com.crmanalytics.testing.Crm;
import com.crmanalytics.testing.Crm.Result;
import com.crmanalytics.testing.Rows;
import com.crmanalytics.testing.TestSpark;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code crm export target-list}: contact details of consenting customers only, every export
 * audited.
 */
class TargetListExportTest {
  @TempDir static Path tmp;
  static Warehouse warehouse;

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
                "Anna Berg",
                Customers.PHONE,
                "+49 30 5550101",
                Customers.EMAIL,
                "anna@berg.example",
                Customers.MARKETING_CONSENT,
                true,
                Customers.CONSENT_DATE,
                "2026-01-10",
                Customers.CONSENT_CHANNEL,
                "web")
            .row(
                Customers.CUSTOMER_ID,
                "C2",
                Customers.NAME,
                "Bob Stone",
                Customers.EMAIL,
                "bob@stone.example",
                Customers.MARKETING_CONSENT,
                false,
                Customers.CONSENT_DATE,
                "2026-01-10",
                Customers.CONSENT_CHANNEL,
                "store")
            .row(
                Customers.CUSTOMER_ID,
                "C3",
                Customers.NAME,
                "Carla Diaz",
                Customers.EMAIL,
                "carla@diaz.example")
            .row(
                Customers.CUSTOMER_ID,
                "C4",
                Customers.NAME,
                "Dana, Eck",
                Customers.EMAIL,
                "dana@eck.example",
                Customers.MARKETING_CONSENT,
                true,
                Customers.CONSENT_DATE,
                "2026-12-24",
                Customers.CONSENT_CHANNEL,
                "web")
            .row(
                Customers.CUSTOMER_ID,
                "C5",
                Customers.NAME,
                "Eve \"E\" Fox",
                Customers.EMAIL,
                "eve@fox.example",
                Customers.MARKETING_CONSENT,
                true,
                Customers.CONSENT_CHANNEL,
                "phone")
            .dataset());
    Rows segments = Rows.zeroFilled(CustomerSegments.CONTRACT);
    for (String id : List.of("C1", "C2", "C3", "C4", "C5", "C9")) {
      segments.row(
          CustomerSegments.CUSTOMER_ID,
          id,
          CustomerSegments.AS_OF_DATE,
          "2026-11-16",
          CustomerSegments.SEGMENT,
          "at_risk");
    }
    warehouse.append(CustomerSegments.CONTRACT, segments.dataset());
  }

  private static Result export(String query, Path out) {
    return Crm.run(
        List.of(
            "export",
            "target-list",
            "--date",
            "2026-11-16",
            "--query",
            query,
            "--out",
            out.toString(),
            "--warehouse",
            warehouse.root()));
  }

  @Test
  void writesContactDetailsOfConsentingCustomersOnlyInTheQuerysOrderAndAuditsTheExport()
      throws Exception {
    Path query = tmp.resolve("at_risk.sql");
    Files.writeString(
        query,
        "-- customers at risk on the export date\n"
            + "select customer_id, segment, name as masked_name from customer_segments join customers using (customer_id)\n"
            + "where as_of_date = as_of and segment = 'at_risk' order by customer_id desc;\n");
    Path out = tmp.resolve("lists/at_risk.csv");

    Result run = export(query.toString(), out);

    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(run.out())
        .contains("wrote 2 customer(s) with marketing consent to " + out)
        .contains("left out: 3 without marketing consent on 2026-11-16, 0 not in customers");
    // C2 refused, C3 never asked, C4 consented only after the export date; C9 has no customers row
    // (the
    // inner join of the query already dropped it). The query's own view of name is masked.
    assertThat(Files.readAllLines(out))
        .containsExactly(
            "customer_id,segment,masked_name,name,phone,email,consent_date,consent_channel",
            "C5,at_risk,***,\"Eve \"\"E\"\" Fox\",,eve@fox.example,,phone",
            "C1,at_risk,***,Anna Berg,+49 30 5550101,anna@berg.example,2026-01-10,web");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(out)))
        .isEqualTo("rw-------");

    Row audit = warehouse.read(Exports.CONTRACT).filter("output_path = '" + out + "'").first();
    assertThat(audit.<String>getAs(Exports.OS_USER)).isEqualTo(System.getProperty("user.name"));
    assertThat(audit.<String>getAs(Exports.QUERY))
        .startsWith("-- customers at risk")
        .endsWith("customer_id desc");
    assertThat(audit.getAs(Exports.BUSINESS_DATE).toString()).isEqualTo("2026-11-16");
    assertThat(
            List.of(
                audit.<Long>getAs(Exports.ROWS_WRITTEN),
                audit.<Long>getAs(Exports.ROWS_WITHOUT_CONSENT),
                audit.<Long>getAs(Exports.ROWS_UNKNOWN)))
        .containsExactly(2L, 3L, 0L);
    assertThat(audit.<java.sql.Timestamp>getAs(Exports.EXPORTED_AT)).isNotNull();
  }

  @Test
  void idsNotInCustomersAreCountedNotWritten() throws Exception {
    Path out = tmp.resolve("all.csv");

    Result run = export("select customer_id from customer_segments where as_of_date = as_of", out);

    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(run.out())
        .contains("wrote 2 customer(s)")
        .contains("left out: 3 without marketing consent on 2026-11-16, 1 not in customers");
    assertThat(Files.readAllLines(out)).hasSize(3).noneMatch(l -> l.startsWith("C9"));
  }

  @Test
  void theQueryCannotReadContactDataAroundTheMaskAndNothingIsWrittenWhenRefused() {
    Path out = tmp.resolve("refused.csv");
    long audited =
        warehouse.exists(Exports.CONTRACT) ? warehouse.read(Exports.CONTRACT).count() : 0;

    Result byPath =
        export("select customer_id, name from delta.`" + warehouse.root() + "/customers`", out);
    Result write = export("insert into customers select * from customers", out);
    Result noId = export("select segment from customer_segments", out);

    assertThat(byPath.exit()).isEqualTo(2);
    assertThat(byPath.err()).contains("SQL refused: reading delta.");
    assertThat(write.exit()).isEqualTo(2);
    assertThat(write.err()).contains("SQL refused");
    assertThat(noId.exit()).isEqualTo(2);
    assertThat(noId.err()).contains("must return a column customer_id (it returns: segment)");
    assertThat(out).doesNotExist();
    assertThat(warehouse.exists(Exports.CONTRACT) ? warehouse.read(Exports.CONTRACT).count() : 0)
        .isEqualTo(audited);
  }
}
