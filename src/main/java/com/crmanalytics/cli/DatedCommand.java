package com.crmanalytics.cli;

import com.crmanalytics.config.PipelineConfig;
import com.crmanalytics.io.Warehouse;
import com.crmanalytics.io.WarehouseLock;
import com.crmanalytics.pipeline.RunContext;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.time.LocalDate;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** A command that runs one or more stages for a business date, holding the warehouse's lock. */
abstract class DatedCommand implements Callable<Integer> {
  private static final Logger LOG = LoggerFactory.getLogger(DatedCommand.class);

  @Mixin GlobalOptions global;

  @Spec CommandSpec spec;

  @Option(
      names = "--date",
      required = true,
      paramLabel = "YYYY-MM-DD",
      description =
          "Business date: the extracts of this date are read, and nothing after it is used.")
  LocalDate date;

  /** The stages of one command for one date. */
  interface Stages {
    void run(RunContext ctx, PrintWriter out);
  }

  @Override
  public final Integer call() {
    return execute(global, spec, config -> date, full(), this::stages);
  }

  /** Whether the command was told {@code --full} (only the commands that offer it). */
  boolean full() {
    return false;
  }

  /**
   * Loads the configuration, picks the date, starts Spark, takes the warehouse's lock (exit 5 when
   * another run holds it) and runs the stages; the lock is released whatever happens.
   */
  static int execute(
      GlobalOptions global,
      CommandSpec spec,
      Function<PipelineConfig, LocalDate> date,
      boolean full,
      Stages stages) {
    PipelineConfig config = global.config();
    LocalDate businessDate = date.apply(config);
    Warehouse warehouse = global.warehouse(config);
    RunContext started =
        RunContext.start(businessDate, config, warehouse, VersionProvider.version());
    RunContext ctx = full ? started.full() : started;
    PrintWriter out = spec.commandLine().getOut();
    try (WarehouseLock lock = lock(warehouse, spec.name() + " " + ctx.runId(), spec)) {
      LOG.info(
          "started in {} s (from the JVM's launch to the first stage)",
          String.format(
              Locale.ROOT, "%.1f", ManagementFactory.getRuntimeMXBean().getUptime() / 1000.0));
      out.printf(
          "run %s for %s (warehouse %s)%n", ctx.runId(), businessDate, ctx.warehouse().root());
      out.flush();
      stages.run(ctx, out);
    }
    out.flush();
    return 0;
  }

  /** The warehouse's lock for {@code owner}; a takeover warning goes to stderr. */
  static WarehouseLock lock(Warehouse warehouse, String owner, CommandSpec spec) {
    PrintWriter err = spec.commandLine().getErr();
    return warehouse.lock(
        owner,
        warning -> {
          err.println("crm: warning: " + warning);
          err.flush();
        });
  }

  /** Runs the stages, printing one line per stage outcome. */
  abstract void stages(RunContext ctx, PrintWriter out);
}
