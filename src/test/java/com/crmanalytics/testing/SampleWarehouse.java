package com.crmanalytics.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.crmanalytics.testing.Crm.Result;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The bundled {@code data-samples/} after {@code crm run} for their first two dates, in one
 * temporary warehouse (with its reports folder) built once per test JVM — the runs take minutes —
 * and shared by the tests that only read it: the CLI end-to-end test and the notebook runs. Deleted
 * when the JVM exits.
 */
public final class SampleWarehouse {
  public static final Path LANDING = Path.of("data-samples", "landing");

  private static Path folder;
  private static final Map<String, Result> RUNS = new LinkedHashMap<>();

  private SampleWarehouse() {}

  /** The first two dates of the sample landing, the ones run. */
  public static synchronized List<String> dates() {
    try (Stream<Path> folders = Files.list(LANDING)) {
      List<String> all =
          folders
              .map(p -> p.getFileName().toString())
              .filter(n -> n.matches("\\d{4}-\\d{2}-\\d{2}"))
              .sorted()
              .toList();
      assertThat(all).as("sample dates in " + LANDING).isNotEmpty();
      return all.subList(0, Math.min(2, all.size()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The warehouse folder, after the sample runs (whatever their outcome: see {@link #run}). */
  public static Path root() {
    return folder().resolve("warehouse");
  }

  /** The reports folder of the runs (paths.reports): {@code <date>/index.html}. */
  public static Path reports() {
    return folder().resolve("reports");
  }

  private static synchronized Path folder() {
    if (folder == null) {
      try {
        folder = Files.createTempDirectory("crm-sample-run");
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(folder)));
      TestSpark.session();
      for (String date : dates()) {
        RUNS.put(date, crm("run", "--date", date));
      }
    }
    return folder;
  }

  /** What {@code crm run --date D} printed and returned when the warehouse was built. */
  public static synchronized Result run(String date) {
    folder();
    assertThat(RUNS).as("sample runs").containsKey(date);
    return RUNS.get(date);
  }

  /**
   * {@code crm ARGS… --conf conf/pipeline.conf --warehouse <the sample warehouse> --set
   * paths.reports=<its reports>}.
   */
  public static Result crm(String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.addAll(
        List.of(
            "--conf",
            "conf/pipeline.conf",
            "--warehouse",
            root().toString(),
            "--set",
            "paths.reports=" + reports()));
    return Crm.run(all);
  }

  private static void delete(Path dir) {
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException | UncheckedIOException e) {
      // A temporary folder: what cannot be deleted at exit stays for the OS to clean.
    }
  }
}
