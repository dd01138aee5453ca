package com.crmanalytics.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.crmanalytics.testing.ChildJvm;
import com.crmanalytics.testing.TestSpark;
import com.crmanalytics.testing.TinyLanding;
import com.crmanalytics.testing.TinyWarehouse;
import com.crmanalytics.testing.WarehouseDiff;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code crm run} submitted with spark-submit to a real Spark standalone cluster (a master and one
 * worker on 127.0.0.1, started from the project's own dependency jars) gives exactly the tables of
 * a local-mode run, over the tiny generated landing. Delta is supplied with --jars from target/lib:
 * the test never downloads at run time (the README's production line uses --packages).
 */
class ClusterRunIT {
  private static final Path CONF = Path.of("conf", "pipeline.conf").toAbsolutePath();
  private static final List<Process> STARTED = new ArrayList<>();

  @TempDir static Path tmp;

  @AfterAll
  static void stopTheCluster() {
    // Whatever happened: newest first (driver, worker with its executors, master), by process id.
    for (int i = STARTED.size() - 1; i >= 0; i--) {
      ChildJvm.kill(STARTED.get(i));
    }
    // Unlink SPARK_HOME/jars ourselves: JUnit warns once per symbolic link it deletes.
    try (Stream<Path> links = Files.list(tmp.resolve("spark-home").resolve("jars"))) {
      for (Path link : links.toList()) {
        Files.deleteIfExists(link);
      }
    } catch (IOException e) {
      // nothing was linked
    }
  }

  @Test
  void crmRunOnAStandaloneClusterGivesTheTablesOfALocalRun() throws Exception {
    String date = TinyLanding.INITIAL.toString();
    Path home = sparkHome();
    Map<String, String> env =
        Map.of(
            "SPARK_HOME",
            home.toString(),
            "SPARK_SCALA_VERSION",
            "2.13",
            "SPARK_LOCAL_IP",
            "127.0.0.1");
    String cp = home.resolve("conf") + java.io.File.pathSeparator + home.resolve("jars") + "/*";
    int port = freePort();
    String master = "spark://127.0.0.1:" + port;

    Instant t0 = Instant.now();
    Path masterLog = tmp.resolve("master.log");
    STARTED.add(
        ChildJvm.start(
            masterLog,
            env,
            "-Xmx512m",
            "-cp",
            cp,
            "org.apache.spark.deploy.master.Master",
            "--host",
            "127.0.0.1",
            "--port",
            String.valueOf(port),
            "--webui-port",
            String.valueOf(freePort())));
    awaitLine(masterLog, "I have been elected leader", Duration.ofSeconds(90));
    Path workerLog = tmp.resolve("worker.log");
    STARTED.add(
        ChildJvm.start(
            workerLog,
            env,
            "-Xmx512m",
            "-cp",
            cp,
            "org.apache.spark.deploy.worker.Worker",
            "--host",
            "127.0.0.1",
            "--cores",
            "2",
            "--memory",
            "1g",
            "--webui-port",
            String.valueOf(freePort()),
            "--work-dir",
            tmp.resolve("work").toString(),
            master));
    awaitLine(workerLog, "Successfully registered with master", Duration.ofSeconds(90));
    Instant clusterUp = Instant.now();

    // The jar alone, as it is deployed: nothing beside it.
    Path app = Files.createDirectories(tmp.resolve("app")).resolve("crm-analytics-cluster.jar");
    Files.copy(ChildJvm.BUILD.resolve("crm-analytics-cluster.jar"), app);
    String deltaJars;
    try (Stream<Path> jars = Files.list(ChildJvm.BUILD.resolve("lib"))) {
      deltaJars =
          jars.filter(ClusterRunIT::deltaSide)
              .map(Path::toString)
              .sorted()
              .collect(Collectors.joining(","));
    }
    Path clusterWarehouse = tmp.resolve("cluster-warehouse");
    Path submitLog = tmp.resolve("submit.log");
    List<String> submit =
        new ArrayList<>(
            List.of(
                "-Xmx1g",
                "-cp",
                cp,
                "org.apache.spark.deploy.SparkSubmit",
                "--master",
                master,
                "--conf",
                "spark.driver.host=127.0.0.1",
                "--conf",
                "spark.executor.memory=512m",
                "--conf",
                "spark.executor.extraJavaOptions=" + ChildJvm.JIT,
                "--conf",
                "spark.cores.max=2",
                "--jars",
                deltaJars,
                "--class",
                "com.crmanalytics.cli.Main",
                app.toString()));
    submit.addAll(crmArgs(date, clusterWarehouse));
    Process driver = ChildJvm.start(submitLog, env, submit.toArray(String[]::new));
    STARTED.add(driver);
    boolean ended = driver.waitFor(6, TimeUnit.MINUTES);
    Instant submitted = Instant.now();
    assertThat(ended)
        .as("spark-submit ended within 6 minutes:\n" + ChildJvm.tail(submitLog, 40))
        .isTrue();
    assertThat(driver.exitValue())
        .as("spark-submit exit code:\n" + ChildJvm.tail(submitLog, 60))
        .isZero();
    // It really ran on the cluster: the master registered the app and the worker launched an
    // executor.
    assertThat(Files.readString(masterLog)).contains("Registering app crm-analytics");
    assertThat(Files.readString(workerLog)).contains("Asked to launch executor");
    assertThat(Files.readString(submitLog)).contains("ingest orders").contains("run " + date + "_");

    // The same command in local mode, into an empty warehouse: the shared tiny warehouse's first
    // run.
    Path localWarehouse = TinyWarehouse.initialOnly();

    int tables =
        WarehouseDiff.assertSame(
            TestSpark.session(), localWarehouse.toString(), clusterWarehouse.toString());
    System.out.printf(
        "ClusterRunIT: cluster up in %d s, spark-submit run %d s, %d tables equal to a local run%n",
        Duration.between(t0, clusterUp).toSeconds(),
        Duration.between(clusterUp, submitted).toSeconds(),
        tables);
  }

  private static List<String> crmArgs(String date, Path warehouse) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "run",
                "--date",
                date,
                "--conf",
                CONF.toString(),
                "--warehouse",
                warehouse.toString(),
                "--set",
                "spark.sql.shuffle.partitions=" + TestSpark.SHUFFLE_PARTITIONS));
    args.addAll(TinyLanding.args()); // an absolute --landing: the driver runs in this folder too
    // as the local run it is compared with: the tiny-data settings (TestSpark.TINY_DATA)
    args.addAll(TestSpark.tinyDataArgs());
    return args;
  }

  /** A SPARK_HOME whose jars/ links Spark's jars from target/lib — not ours, not Delta's. */
  private static Path sparkHome() throws IOException {
    Path home = tmp.resolve("spark-home");
    Path jars = Files.createDirectories(home.resolve("jars"));
    Files.createDirectories(home.resolve("conf"));
    try (Stream<Path> lib = Files.list(ChildJvm.BUILD.resolve("lib").toAbsolutePath())) {
      for (Path jar : lib.toList()) {
        String n = jar.getFileName().toString();
        boolean ours =
            n.startsWith("picocli-") || n.startsWith("config-") || n.startsWith("hipparchus-");
        if (!ours && !deltaSide(jar)) {
          Files.createSymbolicLink(jars.resolve(n), jar);
        }
      }
    }
    return home;
  }

  /** Delta and what it brings that Spark does not have. */
  private static boolean deltaSide(Path jar) {
    String n = jar.getFileName().toString();
    return n.startsWith("delta-") || n.startsWith("unitycatalog-");
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
      return s.getLocalPort();
    }
  }

  private static void awaitLine(Path log, String text, Duration timeout) throws Exception {
    Instant until = Instant.now().plus(timeout);
    while (Instant.now().isBefore(until)) {
      if (Files.exists(log) && Files.readString(log).contains(text)) {
        return;
      }
      Thread.sleep(250);
    }
    throw new AssertionError(
        "'"
            + text
            + "' not seen in "
            + log
            + " within "
            + timeout
            + ":\n"
            + ChildJvm.tail(log, 40));
  }
}
