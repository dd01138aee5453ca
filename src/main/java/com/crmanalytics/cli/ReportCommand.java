package com.crmanalytics.cli;

import com.crmanalytics.config.PipelineConfig;
import com.crmanalytics.pipeline.Stage;
import com.crmanalytics.report.ReportStage;
import picocli.CommandLine.Command;

/** {@code crm report --date D}: the report tables and the HTML report of D. */
@Command(
    name = "report",
    mixinStandardHelpOptions = true,
    description = {
      "Write the report tables and the executive HTML report of business date D.",
      "The report tables (report_kpis, report_pyramid, ...) get the rows of as_of_date = D, from the gold"
          + " tables of D; the report is written to <paths.reports>/D/index.html (by default"
          + " <warehouse>/reports/D/index.html; report.language: en or zh-CN) and its path is printed."
    })
final class ReportCommand extends StageCommand {
  @Override
  Stage<?> stage(PipelineConfig config) {
    return ReportStage.from(config);
  }
}
