package com.crmanalytics.cli;

import com.crmanalytics.config.PipelineConfig;
import com.crmanalytics.config.PrivacySettings;
import com.crmanalytics.config.ServeSettings;
import com.crmanalytics.io.Warehouse;
import com.crmanalytics.serve.SqlServer;
import com.crmanalytics.sql.GuardedSql;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code crm serve}: the Arrow Flight SQL endpoint BI tools connect to, until SIGTERM or Ctrl-C.
 */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description = {
      "Serve the warehouse over Arrow Flight SQL until SIGTERM or Ctrl-C.",
      "JDBC URL: jdbc:arrow-flight-sql://HOST:PORT/?useEncryption=false (docs/sql-server.md).",
      "Every table by its plain name, personal columns masked, paths and writes refused, as in crm sql.",
      "Listens on serve.host:serve.port (default 127.0.0.1:32010)."
    })
final class ServeCommand implements Callable<Integer> {
  @Mixin GlobalOptions global;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws InterruptedException {
    PipelineConfig config = global.config();
    ServeSettings settings = config.serve();
    PrivacySettings privacy = config.privacy();
    Warehouse warehouse = global.warehouse(config);
    SqlServer server =
        SqlServer.start(
            settings, () -> GuardedSql.open(warehouse, privacy), VersionProvider.version());
    PrintWriter out = spec.commandLine().getOut();
    out.printf(
        "crm serve: Arrow Flight SQL on %s:%d, warehouse %s%n",
        settings.host(), server.port(), warehouse.root());
    out.printf(
        "JDBC: jdbc:arrow-flight-sql://%s:%d/?useEncryption=false%n",
        settings.host(), server.port());
    out.flush();
    CountDownLatch stopped = new CountDownLatch(1);
    Thread hook =
        new Thread(
            () -> {
              try {
                server.close();
                out.println("crm serve: stopped");
                out.flush();
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              } finally {
                stopped.countDown();
              }
            },
            "crm-serve-stop");
    Runtime.getRuntime().addShutdownHook(hook);
    server.awaitTermination();
    stopped.await();
    return 0;
  }
}
