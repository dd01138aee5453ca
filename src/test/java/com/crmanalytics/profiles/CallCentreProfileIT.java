package com.crmanalytics.profiles;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.assertj.core.api.Assertions.assertThat;

import com.crmanalytics.contract.PipelineRuns;
import com.crmanalytics.contract.ServiceContacts;
import com.crmanalytics.io.Warehouse;
import com.crmanalytics.testing.Crm;
import com.crmanalytics.testing.SharedData;
import com.crmanalytics.testing.TestSpark;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shipped profile conf/profiles/call-centre-1999.conf on the real files: the bank's February
 * 1999 call log (33,344 calls) as the service source and the CDNOW sample as orders, in one {@code
 * crm ingest}. (A whole {@code crm run} for 1999-02-28 stops in the value stage's holdout check
 * with a division by zero: CDNOW has no purchase in the 90 days before that date; see the value
 * stage.)
 */
class CallCentreProfileIT {
  private static final LocalDate D = LocalDate.of(1999, 2, 28);

  @TempDir Path tmp;

  private static List<Object> counts(Warehouse wh, String stage) {
    Row r = wh.read(PipelineRuns.CONTRACT).filter(col(PipelineRuns.STAGE).equalTo(stage)).first();
    return List.of(
        r.getAs(PipelineRuns.ROWS_READ),
        r.getAs(PipelineRuns.ROWS_ACCEPTED),
        r.getAs(PipelineRuns.ROWS_QUARANTINED),
        r.getAs(PipelineRuns.ROWS_DUPLICATE),
        r.getAs(PipelineRuns.ROWS_ANONYMOUS));
  }

  @Test
  void everyCallIsAccountedForDatedInFebruary1999WithItsTimeOfDay() {
    Path calls = SharedData.file("call_centre_1999", "data_anonymous_bank_february.txt");
    Path cdnow = SharedData.file("cdnow", "CDNOW_sample.txt");
    Path landing = tmp.resolve("landing");
    SharedData.land(landing, D, "orders", cdnow);
    SharedData.land(landing, D, "service", calls);
    Path warehouse = tmp.resolve("warehouse");

    Crm.Result run =
        Crm.run(
            List.of(
                "ingest",
                "--conf",
                "conf/profiles/call-centre-1999.conf",
                "--landing",
                landing.toString(),
                "--warehouse",
                warehouse.toString(),
                "--date",
                D.toString()));
    assertThat(run.exit()).as(run.err()).isZero();

    Warehouse wh = TestSpark.context(D, landing, warehouse, Map.of()).warehouse();
    // CDNOW's 19 identical lines are separate purchases: all 6,919 lines count
    assertThat(counts(wh, "ingest:orders")).containsExactly(6_919L, 6_919L, 0L, 0L, 0L);
    // 19,558 calls from callers the bank could not identify (customer_id 0) are anonymous
    assertThat(counts(wh, "ingest:service")).containsExactly(33_344L, 13_786L, 0L, 0L, 19_558L);

    Dataset<Row> contacts = wh.read(ServiceContacts.CONTRACT);
    assertThat(contacts.count()).isEqualTo(33_344L);
    assertThat(contacts.filter(col(ServiceContacts.CUSTOMER_ID).isNull()).count())
        .isEqualTo(19_558L);
    assertThat(contacts.filter(col(ServiceContacts.CUSTOMER_ID).equalTo("0")).count()).isZero();
    assertThat(contacts.filter(col(ServiceContacts.ABANDONED)).count()).isEqualTo(5_904L);
    Row span = contacts.agg(min(ServiceContacts.OPENED_TS), max(ServiceContacts.OPENED_TS)).first();
    assertThat(span.getTimestamp(0).toLocalDateTime().toLocalDate())
        .isEqualTo(LocalDate.of(1999, 2, 1));
    assertThat(span.getTimestamp(1).toLocalDateTime().toLocalDate().withDayOfMonth(1))
        .isEqualTo(LocalDate.of(1999, 2, 1));

    // the first line of the file: AA0101 34536 0 0 PS 990201 7:02:47 ... AGENT 7:02:55 7:05:41 166
    // DORIT
    Row first =
        contacts.filter(col(ServiceContacts.CONTACT_ID).equalTo("34536-990201-7:02:47")).first();
    assertThat((Timestamp) first.getAs(ServiceContacts.OPENED_TS))
        .isEqualTo(Timestamp.valueOf("1999-02-01 07:02:47"));
    assertThat((Timestamp) first.getAs(ServiceContacts.CLOSED_TS))
        .isEqualTo(Timestamp.valueOf("1999-02-01 07:05:41"));
    assertThat(
            List.of(
                first.getAs(ServiceContacts.WAIT_SECONDS),
                first.getAs(ServiceContacts.HANDLE_SECONDS),
                first.getAs(ServiceContacts.ABANDONED),
                first.getAs(ServiceContacts.AGENT_ID),
                first.getAs(ServiceContacts.CATEGORY),
                first.getAs(ServiceContacts.CHANNEL)))
        .containsExactly(0, 166, false, "DORIT", "PS", "phone");
    assertThat((Object) first.getAs(ServiceContacts.CUSTOMER_ID)).isNull();
  }
}
