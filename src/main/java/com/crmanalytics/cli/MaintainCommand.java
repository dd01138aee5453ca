package com.crmanalytics.cli;

import com.crmanalytics.config.MaintenanceSettings;
import com.crmanalytics.config.PipelineConfig;
import com.crmanalytics.error.Errors;
import com.crmanalytics.io.TableMaintenance;
import com.crmanalytics.io.Warehouse;
import com.crmanalytics.io.WarehouseLock;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code crm maintain}: OPTIMIZE and VACUUM every table, under the warehouse's lock. */
@Command(
    name = "maintain",
    mixinStandardHelpOptions = true,
    description = {
      "Compact (OPTIMIZE) and vacuum (VACUUM) every table of the warehouse.",
      "Reports, per table, the files compacted and the files removed.",
      "VACUUM removes the files that no current version uses and that were unreferenced for longer than"
          + " maintenance.vacuum-retention-hours (default 168), which crm sets as each table's"
          + " delta.deletedFileRetentionDuration; a retention below Delta's 168-hour safety check needs --force."
    })
final class MaintainCommand implements Callable<Integer> {
  @Mixin GlobalOptions global;

  @Spec CommandSpec spec;

  @Option(
      names = "--force",
      description =
          "Allow a retention below 168 hours (turns off Delta's retention check for this command).")
  boolean force;

  @Override
  public Integer call() {
    PipelineConfig config = global.config();
    MaintenanceSettings settings = config.maintenance();
    if (settings.belowSafetyCheck() && !force) {
      throw Errors.usage(
          String.format(
              "%s = %d is below Delta's safety check of %d hours: files that readers of recent versions"
                  + " need could be deleted; use crm maintain --force if that is intended",
              MaintenanceSettings.RETENTION_KEY,
              settings.vacuumRetentionHours(),
              MaintenanceSettings.DELTA_SAFE_RETENTION_HOURS));
    }
    Warehouse warehouse = global.warehouse(config);
    PrintWriter out = spec.commandLine().getOut();
    try (WarehouseLock lock = DatedCommand.lock(warehouse, "maintain", spec)) {
      List<String> tables = warehouse.tableNames();
      if (tables.isEmpty()) {
        out.println("maintain: no tables in " + warehouse.root());
      }
      TableMaintenance maintenance = new TableMaintenance(warehouse);
      long compacted = 0;
      long removed = 0;
      // The names in one column, however long the longest (report_concentration is 20).
      String line =
          "maintain %-"
              + tables.stream().mapToInt(String::length).max().orElse(1)
              + "s compacted %d file(s) into %d, vacuum removed %d file(s), %d data file(s) left%n";
      for (String table : tables) {
        TableMaintenance.Result r =
            maintenance.maintain(table, settings.vacuumRetentionHours(), force);
        out.printf(
            line,
            r.table(),
            r.filesCompacted(),
            r.filesAdded(),
            r.filesRemoved(),
            r.dataFilesLeft());
        out.flush();
        compacted += r.filesCompacted();
        removed += r.filesRemoved();
      }
      out.printf(
          "maintain: %d table(s), %d file(s) compacted, %d file(s) removed (retention %d h)%n",
          tables.size(), compacted, removed, settings.vacuumRetentionHours());
    }
    out.flush();
    return 0;
  }
}
