package com.crmanalytics.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.crmanalytics.contract.ReportCampaigns;
import com.crmanalytics.contract.Reports;
import com.crmanalytics.generate.ExtractFormat;
import com.crmanalytics.generate.ExtractGenerator;
import com.crmanalytics.generate.GeneratorOptions;
import com.crmanalytics.generate.GeneratorParams;
import com.crmanalytics.io.Warehouse;
import com.crmanalytics.testing.Crm;
import com.crmanalytics.testing.TestSpark;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The incremental campaign estimate on generated data with a known effect: 600 customers over a
 * year, one nightly run, and report_campaigns compared with {@code _truth/campaign_effects.csv}.
 * The truth is the number of purchases each campaign caused; the estimate's 90% interval must hold
 * it for (nearly) every campaign measured against its recorded holdout, and for all of them
 * together.
 */
class CampaignLiftGeneratedIT {
  private static final LocalDate FROM = LocalDate.of(2025, 11, 24);
  private static final LocalDate D = LocalDate.of(2026, 11, 23);

  @TempDir static Path tmp;

  private static Map<String, Row> report;
  private static Map<String, String[]> truth;

  @BeforeAll
  static void generateAndRun() throws IOException {
    Path landing = tmp.resolve("landing");
    new ExtractGenerator(
            new GeneratorOptions(
                600, FROM, D, 11, landing, ExtractFormat.csv, 0, 0, GeneratorParams.CDNOW))
        .run();
    Crm.Result run =
        Crm.run(
            List.of(
                "run",
                "--date",
                D.toString(),
                "--conf",
                "conf/pipeline.conf",
                "--landing",
                landing.toString(),
                "--warehouse",
                tmp.resolve("warehouse").toString()));
    assertThat(run.exit()).as(run.err()).isZero();
    report = new HashMap<>();
    for (Row r :
        new Warehouse(TestSpark.session(), tmp.resolve("warehouse").toString())
            .read(Reports.CAMPAIGNS)
            .collectAsList()) {
      if (r.<String>getAs(ReportCampaigns.LEVEL).equals("campaign")) {
        report.put(r.getAs(ReportCampaigns.CAMPAIGN_ID), r);
      }
    }
    truth = new HashMap<>();
    List<String> lines = Files.readAllLines(landing.resolve("_truth/campaign_effects.csv"));
    for (String line : lines.subList(1, lines.size())) {
      String[] v = line.split(",");
      truth.put(v[0], v);
    }
  }

  @Test
  void theIntervalHoldsTheTrueIncrementalPurchasesOfCampaignsWithAHoldout() {
    List<String> measured = new ArrayList<>();
    List<String> missed = new ArrayList<>();
    double estimate = 0;
    double variance = 0;
    double truePurchases = 0;
    for (Map.Entry<String, Row> e : report.entrySet()) {
      Row r = e.getValue();
      // the generated year is the report's window (rfm.window-days 365), so every touch is in it,
      // the daily lifecycle campaigns' too
      if (!ReportCampaigns.BY_HOLDOUT.equals(r.getAs(ReportCampaigns.COMPARISON))) {
        continue;
      }
      double actual = Double.parseDouble(truth.get(e.getKey())[6]);
      double low = r.getAs(ReportCampaigns.INCREMENTAL_PURCHASES_LOW);
      double high = r.getAs(ReportCampaigns.INCREMENTAL_PURCHASES_HIGH);
      double est = r.getAs(ReportCampaigns.INCREMENTAL_PURCHASES);
      measured.add(e.getKey());
      if (actual < low || actual > high) {
        missed.add(e.getKey() + ": true " + actual + ", interval " + low + " .. " + high);
      }
      estimate += est;
      double se = (high - low) / (2 * 1.6448536269514722);
      variance += se * se;
      truePurchases += actual;
    }
    System.out.printf(
        "campaigns with a holdout: %d; missed: %s; together %.1f (90%%: ±%.1f), true %.0f%n",
        measured.size(), missed, estimate, 1.645 * Math.sqrt(variance), truePurchases);
    // holdouts of fewer than CampaignLift.MIN_CUSTOMERS customers are not measured
    assertThat(measured).hasSizeGreaterThanOrEqualTo(4);
    // a 90% interval may miss one campaign in ten
    assertThat(missed.size()).isLessThanOrEqualTo(Math.max(1, measured.size() / 5));
    assertThat(Math.abs(estimate - truePurchases))
        .isLessThanOrEqualTo(1.6448536269514722 * Math.sqrt(variance));
  }

  @Test
  void aCampaignWithoutEffectIsIndistinguishableFromZero() {
    // K-REMINDER-45D has a holdout and a true lift of 0
    assertThat(truth.get("K-REMINDER-45D")[1]).isEqualTo("0.00");
    Row r = report.get("K-REMINDER-45D");
    assertThat(r.<String>getAs(ReportCampaigns.COMPARISON)).isEqualTo(ReportCampaigns.BY_HOLDOUT);
    assertThat(r.<Double>getAs(ReportCampaigns.INCREMENTAL_REVENUE_LOW)).isNegative();
    assertThat(r.<Double>getAs(ReportCampaigns.INCREMENTAL_REVENUE_HIGH)).isPositive();
    assertThat(r.<Long>getAs(ReportCampaigns.COMPARISON_CUSTOMERS)).isPositive();
  }

  @Test
  void holdoutRowsAreNotCountedAsTouches() {
    for (Row r : report.values()) {
      if (ReportCampaigns.BY_HOLDOUT.equals(r.getAs(ReportCampaigns.COMPARISON))) {
        assertThat(r.<Long>getAs(ReportCampaigns.TREATED_CUSTOMERS))
            .isEqualTo(r.<Long>getAs(ReportCampaigns.CUSTOMERS));
      }
    }
  }
}
