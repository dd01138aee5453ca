package com.crmanalytics.cli;

import com.crmanalytics.ingest.IngestStage;
import com.crmanalytics.ingest.SourceResult;
import com.crmanalytics.pipeline.RunContext;
import java.io.PrintWriter;
import picocli.CommandLine.Command;

/** {@code crm ingest --date D}: extracts of D into the silver tables. */
@Command(
    name = "ingest",
    mixinStandardHelpOptions = true,
    description = {
      "Load the extracts of business date D into the silver tables.",
      "Reads <landing>/D/{orders,service,campaigns,customers}/, checks every row against its contract,"
          + " MERGEs the valid rows into the silver tables and sends the rest to quarantine."
    })
final class IngestCommand extends DatedCommand {
  @Override
  void stages(RunContext ctx, PrintWriter out) {
    ingest(ctx, out);
  }

  static void ingest(RunContext ctx, PrintWriter out) {
    for (SourceResult r : IngestStage.run(ctx)) {
      out.printf("ingest %-10s %-9s %s%n", r.source().id(), r.status(), r.message());
    }
  }
}
