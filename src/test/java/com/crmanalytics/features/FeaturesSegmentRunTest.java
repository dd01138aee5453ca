package com.crmanalytics.features;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.crmanalytics.contract.CampaignTouches;
import com.crmanalytics.contract.CustomerFeatures;
import com.crmanalytics.contract.CustomerSegments;
import com.crmanalytics.contract.ModelRuns;
import com.crmanalytics.contract.Orders;
import com.crmanalytics.contract.PipelineRuns;
import com.crmanalytics.contract.ServiceContacts;
import com.crmanalytics.error.CrmException;
import com.crmanalytics.error.ExitCode;
import com.crmanalytics.io.Warehouse;
import com.crmanalytics.pipeline.RunContext;
import com.crmanalytics.segment.SegmentStage;
import com.crmanalytics.testing.TestSpark;
import java.nio.file.Path;
import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The features and segment stages through their run entry points on a warehouse whose silver tables
 * hold {@link FeaturesStageTest}'s fixture: idempotent reruns, one partition per date, the
 * model_runs row, the run log, and the customer known only to the service desk.
 */
class FeaturesSegmentRunTest {
  static final LocalDate D = FeaturesStageTest.D;
  static final LocalDate EARLIER = LocalDate.parse("2026-03-01");

  @TempDir static Path dir;
  static Warehouse wh;

  @BeforeAll
  static void silver() {
    RunContext ctx = context(D);
    wh = ctx.warehouse();
    wh.append(Orders.CONTRACT, FeaturesStageTest.orders());
    wh.append(ServiceContacts.CONTRACT, FeaturesStageTest.service());
    wh.append(CampaignTouches.CONTRACT, FeaturesStageTest.campaigns());
  }

  static RunContext context(LocalDate date) {
    return TestSpark.context(date, dir.resolve("landing"), dir.resolve("warehouse"), Map.of());
  }

  static Dataset<Row> on(com.crmanalytics.contract.TableContract table, LocalDate date) {
    return wh.read(table).filter(col("as_of_date").equalTo(lit(Date.valueOf(date))));
  }

  static List<Row> sorted(Dataset<Row> rows) {
    return rows.orderBy(CustomerFeatures.CUSTOMER_ID).collectAsList();
  }

  @Test
  void rerunsOfADateReplaceTheirPartitionOnly() {
    long loggedBefore = succeeded();
    assertThat(TestSpark.run(FeaturesStage::from, context(D)).customers()).isEqualTo(2);
    SegmentStage.Result first = TestSpark.run(SegmentStage::from, context(D));
    List<Row> features = sorted(on(CustomerFeatures.CONTRACT, D));
    List<Row> segments = sorted(on(CustomerSegments.CONTRACT, D));

    TestSpark.run(FeaturesStage::from, context(EARLIER));
    TestSpark.run(FeaturesStage::from, context(D));
    SegmentStage.Result again = TestSpark.run(SegmentStage::from, context(D));

    assertThat(sorted(on(CustomerFeatures.CONTRACT, D))).isEqualTo(features);
    assertThat(sorted(on(CustomerSegments.CONTRACT, D))).isEqualTo(segments);
    assertThat(again.thresholds()).isEqualTo(first.thresholds());
    // The service-only customer S and C (ordered after D) are in neither table.
    assertThat(features).extracting(r -> r.getString(0)).containsExactly("A", "B");
    assertThat(segments).extracting(r -> r.getString(0)).containsExactly("A", "B");
    // On 2026-03-01 only A had ordered; that run left D's partition as it was (checked above).
    assertThat(sorted(on(CustomerFeatures.CONTRACT, EARLIER)))
        .extracting(r -> r.getString(0))
        .containsExactly("A");

    List<Row> runs = on(ModelRuns.CONTRACT, D).collectAsList();
    assertThat(runs).hasSize(1);
    Row rfm = runs.get(0);
    assertThat(rfm.<String>getAs(ModelRuns.MODEL)).isEqualTo(ModelRuns.RFM);
    assertThat(rfm.<Long>getAs(ModelRuns.N_CUSTOMERS)).isEqualTo(2L);
    assertThat(rfm.<scala.collection.Map<String, Double>>getAs(ModelRuns.THRESHOLDS).size())
        .isEqualTo(first.thresholds().size());
    assertThat(wh.read(ModelRuns.CONTRACT).count()).isEqualTo(1);

    assertThat(succeeded() - loggedBefore).isEqualTo(5);
  }

  /** pipeline_runs rows of the two stages that succeeded. */
  static long succeeded() {
    if (!wh.exists(PipelineRuns.CONTRACT)) {
      return 0;
    }
    return wh.read(PipelineRuns.CONTRACT)
        .filter(col(PipelineRuns.STAGE).isin(FeaturesStage.STAGE, SegmentStage.STAGE))
        .filter(col(PipelineRuns.STATUS).equalTo(PipelineRuns.SUCCEEDED))
        .count();
  }

  @Test
  void segmentBeforeFeaturesIsAMissingInput() {
    wh.ensure(CustomerFeatures.CONTRACT);
    LocalDate never = LocalDate.parse("2020-01-01");
    assertThatThrownBy(() -> TestSpark.run(SegmentStage::from, context(never)))
        .isInstanceOf(CrmException.class)
        .hasMessageContaining("customer_features for 2020-01-01")
        .hasMessageContaining("crm features --date 2020-01-01")
        .satisfies(
            e -> assertThat(((CrmException) e).exitCode()).isEqualTo(ExitCode.MISSING_INPUT));
    assertThat(
            wh.read(PipelineRuns.CONTRACT)
                .filter(col(PipelineRuns.STAGE).equalTo(SegmentStage.STAGE))
                .filter(col(PipelineRuns.STATUS).equalTo(PipelineRuns.FAILED))
                .count())
        .isEqualTo(1);
  }
}
