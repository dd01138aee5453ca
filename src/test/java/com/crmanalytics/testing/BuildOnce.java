package com.crmanalytics.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * A test fixture folder built once and shared: by every test JVM of one {@code mvn} invocation when
 * the build names a folder for them (system property {@value #PROPERTY}, set by the pom to a folder
 * of {@code target/} per invocation, so surefire's and failsafe's parallel forks share the tiny
 * landing and warehouse), else once per JVM in a temporary folder deleted at exit (a test run from
 * an IDE). The first JVM holds a file lock while it builds; the others wait for it and reuse what
 * it built. A build that failed is made again by the next JVM that asks.
 */
final class BuildOnce {
  static final String PROPERTY = "crm.test.shared-dir";

  private static Path base;

  private BuildOnce() {}

  /**
   * The folder {@code name}, built by {@code build} (into the empty folder it is given) if not yet.
   */
  static synchronized Path folder(String name, Consumer<Path> build) {
    try {
      Path dir = base().resolve(name);
      Path done = base().resolve(name + ".done");
      try (FileChannel channel =
              FileChannel.open(
                  base().resolve(name + ".lock"),
                  StandardOpenOption.CREATE,
                  StandardOpenOption.WRITE);
          FileLock lock = channel.lock()) {
        if (!Files.exists(done)) {
          delete(dir);
          Files.createDirectories(dir);
          build.accept(dir);
          Files.createFile(done);
        }
      }
      return dir;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Path base() throws IOException {
    if (base == null) {
      String shared = System.getProperty(PROPERTY, "");
      if (shared.isBlank()) {
        Path tmp = Files.createTempDirectory("crm-test-fixtures");
        Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(tmp)));
        base = tmp;
      } else {
        base = Files.createDirectories(Path.of(shared).toAbsolutePath());
      }
    }
    return base;
  }

  static void delete(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException | UncheckedIOException e) {
      // A fixture folder: what cannot be deleted stays for the OS (or mvn clean) to clean.
    }
  }
}
