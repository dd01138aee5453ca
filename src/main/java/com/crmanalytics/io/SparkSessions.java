package com.crmanalytics.io;

import com.crmanalytics.config.PipelineConfig;
import java.util.Map;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;

/** Builds the Spark session of a run: embedded (local mode) unless spark-submit says otherwise. */
public final class SparkSessions {
  /** MLlib's BLAS (dev.ludovic.netlib) tries a native library unless this is false. */
  static final String ALLOW_NATIVE_BLAS = "dev.ludovic.netlib.blas.allowNative";

  private SparkSessions() {}

  public static SparkSession create(PipelineConfig config) {
    // Where no libblas.so.3 is installed (most machines), MLlib's native BLAS loader prints
    // "netlib-blas: JNI_OnLoad: dlopen(libblas.so.3) failed ..." on stderr in the middle of the
    // night's log when the churn classifier trains. Its level-1 operations run as fast on the Java
    // BLAS (docs/development.md), so the native one is not tried unless -D says so. (On a cluster
    // this is the driver's JVM; executors take -D through spark.executor.extraJavaOptions.)
    if (System.getProperty(ALLOW_NATIVE_BLAS) == null) {
      System.setProperty(ALLOW_NATIVE_BLAS, "false");
    }
    // Settings from spark-submit (or -Dspark.*) arrive as system properties and win over ours.
    SparkConf submitted = new SparkConf();
    SparkSession.Builder builder =
        SparkSession.builder()
            .appName("crm-analytics")
            .config("spark.sql.extensions", "io.delta.sql.DeltaSparkSessionExtension")
            .config(
                "spark.sql.catalog.spark_catalog",
                "org.apache.spark.sql.delta.catalog.DeltaCatalog")
            .config("spark.sql.session.timeZone", config.run().timezone().getId());
    for (Map.Entry<String, String> e : config.spark().entrySet()) {
      if (!submitted.contains(e.getKey())) {
        builder.config(e.getKey(), e.getValue());
      }
    }
    if (!submitted.contains("spark.master") && !config.spark().containsKey("spark.master")) {
      builder
          .master("local[*]")
          .config("spark.driver.host", "127.0.0.1")
          .config("spark.driver.bindAddress", "127.0.0.1");
    }
    return builder.getOrCreate();
  }
}
