package com.crmanalytics.pipeline;

import com.crmanalytics.config.PipelineConfig;
import com.crmanalytics.io.Warehouse;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.spark.sql.SparkSession;

/**
 * What every stage of one run shares: the business date it is for, the configuration, the Spark
 * session, the warehouse, the run's id and the run log.
 */
public record RunContext(
    LocalDate businessDate,
    PipelineConfig config,
    Warehouse warehouse,
    String runId,
    String codeVersion,
    RunLog log) {

  private static final DateTimeFormatter STAMP =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss").withZone(ZoneOffset.UTC);

  public static RunContext start(
      LocalDate businessDate, PipelineConfig config, Warehouse warehouse, String codeVersion) {
    // The wall clock only names the run; it never decides which data is used.
    String runId =
        businessDate
            + "_"
            + STAMP.format(Instant.now())
            + "_"
            + Integer.toHexString(ThreadLocalRandom.current().nextInt(0x1000, 0x10000));
    RunLog log = new RunLog(warehouse, runId, businessDate, codeVersion, config.hash());
    return new RunContext(businessDate, config, warehouse, runId, codeVersion, log);
  }

  public SparkSession spark() {
    return warehouse.spark();
  }
}
