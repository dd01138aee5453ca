package com.crmanalytics.cli;

import com.crmanalytics.config.ConfigLoader;
import com.crmanalytics.config.PipelineConfig;
import com.crmanalytics.io.SparkSessions;
import com.crmanalytics.io.Warehouse;
import java.io.File;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.config.Configurator;
import picocli.CommandLine.Option;

/** Options every command takes: where the configuration and the data are, and how loud to be. */
public final class GlobalOptions {
  static final File DEFAULT_CONF = new File("conf/pipeline.conf");

  @Option(
      names = "--conf",
      paramLabel = "FILE",
      description = "Site configuration (HOCON). Default: conf/pipeline.conf when present.")
  File conf;

  @Option(
      names = "--set",
      paramLabel = "KEY=VALUE",
      description = "Override one configuration key (repeatable); wins over every file.")
  Map<String, String> set = new LinkedHashMap<>();

  @Option(
      names = "--warehouse",
      paramLabel = "DIR",
      description = "Warehouse root (paths.warehouse).")
  String warehouse;

  @Option(names = "--landing", paramLabel = "DIR", description = "Landing root (paths.landing).")
  String landing;

  private boolean verbose;

  @Option(
      names = "--verbose",
      description = "Log what Spark does and print stack traces on errors.")
  void setVerbose(boolean verbose) {
    this.verbose = verbose;
    if (verbose) {
      Configurator.setLevel("com.crmanalytics", Level.DEBUG);
      Configurator.setRootLevel(Level.INFO);
    }
  }

  boolean verbose() {
    return verbose;
  }

  /** The configuration, in order of precedence: --set, --landing/--warehouse, --conf, reference. */
  PipelineConfig config() {
    Map<String, String> overrides = new LinkedHashMap<>();
    if (warehouse != null) {
      overrides.put("paths.warehouse", warehouse);
    }
    if (landing != null) {
      overrides.put("paths.landing", landing);
    }
    overrides.putAll(set);
    File file = conf != null ? conf : DEFAULT_CONF;
    return ConfigLoader.load(file, conf != null, overrides);
  }

  /** Starts (or joins) the Spark session and opens the warehouse. */
  Warehouse warehouse(PipelineConfig config) {
    return new Warehouse(SparkSessions.create(config), config.paths().warehouse());
  }
}
