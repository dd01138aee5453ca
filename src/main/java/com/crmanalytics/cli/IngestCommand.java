package com.crmanalytics.cli;

import com.crmanalytics.config.PipelineConfig;
import com.crmanalytics.ingest.IngestStage;
import com.crmanalytics.pipeline.Stage;
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
final class IngestCommand extends StageCommand {
  @Override
  Stage<?> stage(PipelineConfig config) {
    return IngestStage.from(config);
  }
}
