package com.crmanalytics.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Java processes started by integration tests, with Spark's JVM flags (pom property
 * spark.jvm.flags) and {@link #JIT}.
 */
public final class ChildJvm {
  /**
   * The client compiler only ({@code -XX:TieredStopAtLevel=1}): a child JVM lives for one short
   * command on tiny data, where C2's compilations cost more CPU than they save — and the CPU is
   * shared with the other test fork. Measured on the tiny landing's {@code crm run} in a fresh JVM:
   * 107 s of CPU (82 s wall) with C1 only against 162 s (88 s wall) with both compilers.
   */
  public static final String JIT = "-XX:TieredStopAtLevel=1";

  /** The build folder: target/ (crm-analytics.jar, crm-analytics-cluster.jar, lib/). */
  public static final Path BUILD = Path.of(System.getProperty("crm.build.dir", "target"));

  private ChildJvm() {}

  /** java &lt;Spark's flags&gt; &lt;args&gt;, output to {@code log}, with extra environment. */
  public static Process start(Path log, Map<String, String> env, String... args) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(Arrays.asList(System.getProperty("crm.jvm.flags", "").trim().split("\\s+")));
    command.add(JIT);
    command.addAll(Arrays.asList(args));
    ProcessBuilder pb =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
    pb.environment().putAll(env);
    try {
      return pb.start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Kills the process and everything it started (executors of a worker), by process id. */
  public static void kill(Process p) {
    if (p == null) {
      return;
    }
    List<ProcessHandle> tree = new ArrayList<>(p.toHandle().descendants().toList());
    p.destroyForcibly();
    tree.forEach(ProcessHandle::destroyForcibly);
    try {
      p.waitFor();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** The last lines of a log, for failure messages. */
  public static String tail(Path log, int lines) {
    try {
      List<String> all = Files.exists(log) ? Files.readAllLines(log) : List.of();
      return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    } catch (IOException e) {
      return "(cannot read " + log + ": " + e.getMessage() + ")";
    }
  }
}
