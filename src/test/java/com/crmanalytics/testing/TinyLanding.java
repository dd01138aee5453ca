package com.crmanalytics.testing;

import com.crmanalytics.generate.ExtractFormat;
import com.crmanalytics.generate.ExtractGenerator;
import com.crmanalytics.generate.GeneratorOptions;
import com.crmanalytics.generate.GeneratorParams;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * A tiny landing made once ({@link BuildOnce}) by the project's own generator: 150 customers over
 * two years (about 85 repeat buyers, safely above clv.min-repeat-buyers = 50, so the value stage
 * fits), an initial load dated {@link #INITIAL} and one increment {@link #INCREMENT}, with bad rows
 * of every reason code. For the tests of operations (backfill, nightly, lock, maintain, crash,
 * cluster), which need real runs of every stage but not the 2,000 customers of {@code
 * data-samples/} ({@code SampleRunIT} runs README's command on those).
 */
public final class TinyLanding {
  /** The initial load's folder date. */
  public static final LocalDate INITIAL = LocalDate.of(2026, 11, 22);

  /** The one daily increment's folder date; the day after has no folder. */
  public static final LocalDate INCREMENT = INITIAL.plusDays(1);

  /** Customers generated. */
  public static final int CUSTOMERS = 150;

  /**
   * Configuration a run over this landing needs: the generator forces one bad row of every reason
   * code into the initial load, which in an extract of a few dozen rows (service contacts,
   * customers) is well above the default 5 % reject ratio; 25 % lets the quality gate pass, as it
   * does on the samples, and {@code quality.max-reject-ratio=0} still trips it.
   */
  public static final Map<String, String> SETTINGS = Map.of("quality.max-reject-ratio", "0.25");

  private static Path root;

  private TinyLanding() {}

  /**
   * The landing folder ({@code <root>/<date>/<source>/}), generated on first use (once per {@code
   * mvn} invocation when the build shares fixtures between its test JVMs: {@link BuildOnce}).
   */
  public static synchronized Path root() {
    if (root == null) {
      root =
          BuildOnce.folder(
              "tiny-landing",
              dir ->
                  new ExtractGenerator(
                          new GeneratorOptions(
                              CUSTOMERS,
                              INITIAL.minusYears(2),
                              INCREMENT,
                              7,
                              dir,
                              ExtractFormat.csv,
                              0.01,
                              1,
                              GeneratorParams.CDNOW))
                      .run());
    }
    return root;
  }

  /** The dates with a folder, oldest first. */
  public static List<LocalDate> dates() {
    return List.of(INITIAL, INCREMENT);
  }

  /** {@code --landing <root>} and {@link #SETTINGS} as command-line arguments. */
  public static List<String> args() {
    List<String> args = new java.util.ArrayList<>(List.of("--landing", root().toString()));
    SETTINGS.forEach((k, v) -> args.addAll(List.of("--set", k + "=" + v)));
    return args;
  }
}
