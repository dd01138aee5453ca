package com.crmanalytics.ingest;

import static com.crmanalytics.ingest.IngestFixtures.D;
import static org.apache.spark.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;

import com.crmanalytics.contract.Customers;
import com.crmanalytics.contract.Quarantine;
import com.crmanalytics.pipeline.RunContext;
import com.crmanalytics.testing.Landing;
import com.crmanalytics.testing.TestSpark;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Refused customer rows keep file, line and reason in quarantine, but not the customer's name,
 * phone or e-mail.
 */
class QuarantineMaskTest {
  @TempDir Path tmp;

  @Test
  void refusedCustomerRowsAreStoredWithTheirPersonalFieldsMasked() {
    Landing landing = new Landing(tmp.resolve("landing"));
    IngestFixtures.writeAll(landing);
    landing.write(
        D,
        "customers",
        "customers.csv",
        List.of(
            "customer_id,signup_date,region,customer_type,name,phone,email,marketing_consent,consent_date,consent_channel",
            "C1,2024-01-15,east,consumer,Anna Berg,+49 30 5550101,anna@berg.example,true,2024-01-15,web",
            "C2,2099-01-01,east,consumer,Bob Stone,+49 30 5550102,bob@stone.example,,,",
            ",2024-01-15,east,consumer,\"Carla \"\"CJ\"\" Diaz\",+49 30 5550103,carla@diaz.example,no,,",
            "C4,2024-01-15,east,consumer,Dana Eck,+49 30 5550104,dana@eck.example,maybe,,",
            "C5,2024-01-15,east,\"Eve Fox,+49 30 5550105"));
    Map<String, String> conf =
        Map.of("quality.max-reject-ratio", "1", "extracts.service.format", "jsonl");
    RunContext ctx = TestSpark.context(D, landing.root(), tmp.resolve("warehouse"), conf);

    TestSpark.run(IngestStage::from, ctx);

    List<Row> refused =
        ctx.warehouse()
            .read(Quarantine.CONTRACT)
            .filter(col(Quarantine.SOURCE).equalTo("customers"))
            .orderBy(Quarantine.LINE_NUMBER)
            .collectAsList();
    assertThat(refused)
        .extracting(r -> r.getAs(Quarantine.LINE_NUMBER) + " " + r.getAs(Quarantine.REASON_CODE))
        .containsExactly(
            "3 date_after_business_date",
            "4 missing_required",
            "5 invalid_value",
            "6 malformed_line");
    assertThat(refused)
        .extracting(r -> r.<String>getAs(Quarantine.RAW_RECORD))
        .containsExactly(
            "C2,2099-01-01,east,consumer,***,***,***,,,",
            ",2024-01-15,east,consumer,\"***\",***,***,no,,",
            "C4,2024-01-15,east,consumer,***,***,***,maybe,,",
            RecordMask.WITHHELD);
    assertThat(refused)
        .allSatisfy(
            r ->
                assertThat(r.<String>getAs(Quarantine.SOURCE_FILE))
                    .isEqualTo(D + "/customers/customers.csv"));
    assertThat(refused.get(2).<String>getAs(Quarantine.REASON))
        .contains("marketing_consent")
        .contains("maybe");

    Row kept =
        ctx.warehouse()
            .read(Customers.CONTRACT)
            .filter(col(Customers.CUSTOMER_ID).equalTo("C1"))
            .first();
    assertThat(kept.<String>getAs(Customers.NAME)).isEqualTo("Anna Berg");
    assertThat(kept.<Boolean>getAs(Customers.MARKETING_CONSENT)).isTrue();
    assertThat(kept.getAs(Customers.CONSENT_DATE).toString()).isEqualTo("2024-01-15");
    assertThat(kept.<String>getAs(Customers.CONSENT_CHANNEL)).isEqualTo("web");
  }
}
