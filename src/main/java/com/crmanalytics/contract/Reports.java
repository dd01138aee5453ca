package com.crmanalytics.contract;

import java.util.List;

/**
 * The report tables written by {@code crm report --date D}: small summaries of the gold tables, one
 * set of rows per {@code as_of_date}; a run for D replaces the rows of D. "The window" is the
 * rfm.window-days days ending on D, D included. Money is in run.currency. Each table's columns are
 * in its own contract class ({@link ReportKpis}, …); the SQL that fills them is in {@code
 * report/ReportQueries}; {@code docs/} explains each table.
 */
public final class Reports {
  public static final String AS_OF_DATE = "as_of_date";

  public static final TableContract KPIS = ReportKpis.CONTRACT;
  public static final TableContract PYRAMID = ReportPyramid.CONTRACT;
  public static final TableContract CONCENTRATION = ReportConcentration.CONTRACT;
  public static final TableContract SEGMENTS = ReportSegments.CONTRACT;
  public static final TableContract MIGRATION = ReportMigration.CONTRACT;
  public static final TableContract CAMPAIGNS = ReportCampaigns.CONTRACT;
  public static final TableContract SERVICE = ReportService.CONTRACT;
  public static final TableContract SALES = ReportSales.CONTRACT;
  public static final TableContract MODEL = ReportModel.CONTRACT;
  public static final TableContract COHORTS = ReportCohorts.CONTRACT;

  /** In the order {@code crm report} writes them. */
  public static final List<TableContract> ALL =
      List.of(
          KPIS,
          PYRAMID,
          CONCENTRATION,
          SEGMENTS,
          MIGRATION,
          CAMPAIGNS,
          SERVICE,
          SALES,
          MODEL,
          COHORTS);

  private Reports() {}
}
