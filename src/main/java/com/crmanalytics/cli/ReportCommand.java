package com.crmanalytics.cli;

import com.crmanalytics.pipeline.RunContext;
import com.crmanalytics.report.ReportStage;
import java.io.PrintWriter;
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
final class ReportCommand extends DatedCommand {
  @Override
  void stages(RunContext ctx, PrintWriter out) {
    report(ctx, out);
  }

  static void report(RunContext ctx, PrintWriter out) {
    ReportStage.Result r = ReportStage.run(ctx);
    out.printf("%-17s %-9s %s%n", ReportStage.STAGE, "succeeded", r.message());
    out.printf("report written to %s%n", r.page());
  }
}
