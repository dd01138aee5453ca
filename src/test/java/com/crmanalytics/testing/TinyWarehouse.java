package com.crmanalytics.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.crmanalytics.testing.Crm.Result;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The {@link TinyLanding} after {@code crm run} of its initial load and then of its increment, in
 * one warehouse (reports under {@code <warehouse>/reports}, the default) built once — per test JVM,
 * or per {@code mvn} invocation for all its test JVMs ({@link BuildOnce}) — and shared by every
 * end-to-end test: the tests that only read it use {@link #root()}; the tests that write (reruns,
 * errors, maintenance) work on a {@link #copy} — a Delta table is its folder, so a copy is a
 * warehouse of its own. A copy of the warehouse as the initial load's run left it ({@link
 * #initialOnly()}) is the reference an uninterrupted one-date run is compared with.
 */
public final class TinyWarehouse {
  private static Path folder;
  private static final Map<LocalDate, Result> RUNS = new LinkedHashMap<>();

  private TinyWarehouse() {}

  /** The warehouse after both runs. */
  public static Path root() {
    return folder().resolve("warehouse");
  }

  /** Its reports folder: {@code <date>/index.html}. */
  public static Path reports() {
    return root().resolve("reports");
  }

  /** The warehouse as {@code crm run --date INITIAL} into an empty one left it (do not write). */
  public static Path initialOnly() {
    return folder().resolve("initial");
  }

  /** What {@code crm run --date D} printed and returned when the warehouse was built. */
  public static synchronized Result run(LocalDate date) {
    folder();
    assertThat(RUNS).as("tiny runs").containsKey(date);
    return RUNS.get(date);
  }

  /** The run id of the build's run of {@code date} ("run ID succeeded" is its last line). */
  public static String runId(LocalDate date) {
    return run(date)
        .out()
        .lines()
        .filter(l -> l.startsWith("run ") && l.endsWith(" succeeded"))
        .findFirst()
        .orElseThrow()
        .split(" ")[1];
  }

  /** {@code crm ARGS…} on the shared warehouse (read-only commands only). */
  public static Result crm(String... args) {
    return crm(root(), args);
  }

  /**
   * {@code crm ARGS… --conf conf/pipeline.conf --warehouse WAREHOUSE --landing <tiny landing>} and
   * the tiny landing's settings, unless ARGS name their own landing or set the same key.
   */
  public static Result crm(Path warehouse, String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.addAll(List.of("--conf", "conf/pipeline.conf", "--warehouse", warehouse.toString()));
    if (!all.contains("--landing")) {
      all.addAll(List.of("--landing", TinyLanding.root().toString()));
    }
    // The landing's settings, unless the test sets the key itself (quality.max-reject-ratio=0).
    TinyLanding.SETTINGS.forEach(
        (k, v) -> {
          if (all.stream().noneMatch(a -> a.startsWith(k + "="))) {
            all.addAll(List.of("--set", k + "=" + v));
          }
        });
    return Crm.run(all);
  }

  /** A copy of the warehouse after both runs, at {@code target} (which must not exist). */
  public static Path copy(Path target) {
    return copy(root(), target);
  }

  /** A copy of the warehouse after the initial load's run only, at {@code target}. */
  public static Path copyInitial(Path target) {
    return copy(initialOnly(), target);
  }

  private static synchronized Path folder() {
    if (folder == null) {
      Path dir =
          BuildOnce.folder(
              "tiny-warehouse",
              built -> {
                TestSpark.session();
                Path warehouse = built.resolve("warehouse");
                for (LocalDate date : TinyLanding.dates()) {
                  Result r = crm(warehouse, "run", "--date", date.toString());
                  assertThat(r.exit()).as("crm run --date " + date + ": " + r.err()).isZero();
                  write(built.resolve("run-" + date + ".exit"), Integer.toString(r.exit()));
                  write(built.resolve("run-" + date + ".out"), r.out());
                  write(built.resolve("run-" + date + ".err"), r.err());
                  if (date.equals(TinyLanding.INITIAL)) {
                    copy(warehouse, built.resolve("initial"));
                  }
                }
              });
      for (LocalDate date : TinyLanding.dates()) {
        RUNS.put(
            date,
            new Result(
                Integer.parseInt(read(dir.resolve("run-" + date + ".exit"))),
                read(dir.resolve("run-" + date + ".out")),
                read(dir.resolve("run-" + date + ".err"))));
      }
      folder = dir;
    }
    return folder;
  }

  private static void write(Path file, String text) {
    try {
      Files.writeString(file, text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A copy of the folder {@code from} (a warehouse, a table) at {@code target}. */
  public static Path copy(Path from, Path target) {
    try (Stream<Path> files = Files.walk(from)) {
      for (Path p : files.toList()) {
        Path to = target.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(to);
        } else {
          Files.copy(p, to, StandardCopyOption.COPY_ATTRIBUTES);
        }
      }
      return target;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
