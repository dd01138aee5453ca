package com.crmanalytics.testing;

import com.crmanalytics.config.ConfigLoader;
import com.crmanalytics.config.PipelineConfig;
import com.crmanalytics.io.SparkSessions;
import com.crmanalytics.io.Warehouse;
import com.crmanalytics.pipeline.RunContext;
import com.crmanalytics.pipeline.Stage;
import com.crmanalytics.pipeline.StageResult;
import com.crmanalytics.pipeline.StageRunner;
import java.io.File;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.spark.sql.SparkSession;

/**
 * The one Spark session of the test JVM (local[2], one shuffle partition, no UI, {@link
 * #TINY_DATA}'s settings), built through the production {@link SparkSessions} so tests run what the
 * product runs. Never stopped per test.
 */
public final class TestSpark {
  /**
   * Settings every test configuration carries. One shuffle partition and a default parallelism of
   * one: on test data of a few hundred rows every further partition is only another task to
   * schedule. Measured on the tiny landing's {@code crm run} (fresh JVMs, two runs each): 70 and 79
   * s wall, 89 and 101 s of CPU with one against 96 and 90 s wall, 126 and 121 s of CPU with two.
   */
  public static final Map<String, String> SETTINGS =
      Map.of(
          "spark.master", "local[2]",
          "spark.sql.shuffle.partitions", "1",
          "spark.default.parallelism", "1",
          "spark.ui.enabled", "false");

  /** {@link #SETTINGS}' shuffle partitions, for a child JVM or a {@code set} statement. */
  public static final String SHUFFLE_PARTITIONS = SETTINGS.get("spark.sql.shuffle.partitions");

  /**
   * Settings for tiny test data, away from the product's defaults: no code generation (on tiny data
   * Janino compiling the generated code of every plan took longer than Spark's work: the unit tests
   * run 25 % faster interpreted) and no adaptive query execution (re-planning after every shuffle
   * stage has nothing to adapt to in a few hundred rows: the tiny landing's first {@code crm run}
   * took 95 s without it against 112–126 s in three runs with it; YoungBusinessIT alone 138 s
   * against 146 s). Neither changes a result, only the plan. Over the real data sets (half a
   * million lines) interpreting is four times slower, so those tests switch to the product's
   * settings ({@link #productSettings}, {@link ProductSpark}), and so does the online-retail
   * profile's run, which is thus the one whole run as the product runs it.
   */
  public static final Map<String, String> TINY_DATA =
      Map.of(
          "spark.sql.codegen.wholeStage", "false",
          "spark.sql.codegen.factoryMode", "NO_CODEGEN",
          "spark.sql.adaptive.enabled", "false");

  private static SparkSession session;

  /** {@link #TINY_DATA} as {@code --set key=value} arguments, for a {@code crm} child process. */
  public static List<String> tinyDataArgs() {
    List<String> args = new ArrayList<>();
    TINY_DATA.forEach((k, v) -> args.addAll(List.of("--set", k + "=" + v)));
    return args;
  }

  private TestSpark() {}

  public static synchronized SparkSession session() {
    if (session == null) {
      session = SparkSessions.create(config(Map.of()));
      productSettings(false);
    }
    return session;
  }

  /**
   * The product's Spark settings (code generation and adaptive execution on; for the tests over the
   * real data sets) or {@link #TINY_DATA}'s (the test JVM's default). In {@code @BeforeAll} and
   * {@code @AfterAll}: the session is the JVM's; {@link ProductSpark} does both for a test class.
   */
  public static synchronized void productSettings(boolean on) {
    TINY_DATA.forEach(
        (k, v) -> {
          if (on) {
            session().conf().unset(k);
          } else {
            session().conf().set(k, v);
          }
        });
  }

  /** Reference configuration + test Spark settings + the given overrides (no site file). */
  public static PipelineConfig config(Map<String, String> overrides) {
    return config(null, overrides);
  }

  /** A site file (a profile, say) + test Spark settings + the given overrides. */
  public static PipelineConfig config(File siteFile, Map<String, String> overrides) {
    Map<String, String> all = new LinkedHashMap<>(SETTINGS);
    all.putAll(overrides);
    return ConfigLoader.load(siteFile, siteFile != null, all);
  }

  /** A run context over a landing and a warehouse folder, with extra configuration. */
  public static RunContext context(
      LocalDate date, Path landing, Path warehouse, Map<String, String> overrides) {
    return context(date, landing, warehouse, null, overrides);
  }

  /** The same, with a site file under the overrides. */
  public static RunContext context(
      LocalDate date, Path landing, Path warehouse, File siteFile, Map<String, String> overrides) {
    Map<String, String> all = new LinkedHashMap<>(overrides);
    all.put("paths.landing", landing.toString());
    all.put("paths.warehouse", warehouse.toString());
    PipelineConfig config = config(siteFile, all);
    return RunContext.start(
        date, config, new Warehouse(session(), config.paths().warehouse()), "test");
  }

  /**
   * Runs the stage {@code stage} builds from the context's configuration, as the CLI does: through
   * {@link StageRunner}, its line on stdout.
   */
  public static <R extends StageResult> R run(
      Function<PipelineConfig, ? extends Stage<R>> stage, RunContext ctx) {
    return new StageRunner(new PrintWriter(System.out, true)).run(stage.apply(ctx.config()), ctx);
  }
}
