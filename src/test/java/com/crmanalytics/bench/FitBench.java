package com.crmanalytics.bench;

import com.crmanalytics.model.FitResult;
import com.crmanalytics.model.GammaGamma;
import com.crmanalytics.model.ModelFitter;
import com.crmanalytics.model.Pattern;
import com.crmanalytics.model.SpendPattern;
import com.crmanalytics.model.TransactionModelType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import org.hipparchus.random.RandomDataGenerator;
import org.hipparchus.random.Well19937c;

/**
 * Benchmark (run by hand, not by mvn test): the driver-side model fits of BtydFit at a given
 * customer count.
 *
 * <p>Draws customers from the BG/NBD story with CDNOW-like parameters (r 0.24, α 4.4 weeks, a 0.79,
 * b 2.43) and Gamma-Gamma spend (p 6.25, q 3.74, γ 15.44), arrivals uniform over a {@code
 * weeks}-week period, and summarises them at day resolution as FeaturesStage does: same-day
 * purchases are one transaction, t_x and T are whole days / 7.0 (weeks), customers first seen on
 * the as-of day are left out. The (x, t_x, T) patterns are grouped as BtydFit.patterns does,
 * exactly and with t_x, T rounded to whole weeks (its round/greatest/least expressions; days / 7
 * never ends in .5, so Spark's HALF_UP and Math.round agree). Spend patterns are the distinct (x,
 * m_x) of repeat buyers, all of them ("exact") and a deterministic sample of about BtydFit's
 * 200,000 cap ("sampled").
 *
 * <p>Arguments, key=value, all optional: customers=1000000 weeks=104 seed=1 repeats=3
 * models=bg-nbd,pareto-nbd,gamma-gamma variants=exact,rounded. Prints one line per fit and a median
 * summary.
 */
public final class FitBench {
  private static final double R = 0.24;
  private static final double ALPHA = 4.4;
  private static final double A = 0.79;
  private static final double B = 2.43;
  private static final double P = 6.2496;
  private static final double Q = 3.7442;
  private static final double GAMMA = 15.4435;
  private static final long MAX_SPEND_PATTERNS = 200_000;

  private FitBench() {}

  /** One customer's summary: x, t_x and T in whole days, mean repeat value (currency). */
  private record Summary(int x, int txDays, int tDays, double mx) {}

  public static void main(String[] args) {
    Map<String, String> opts =
        new HashMap<>(
            Map.of(
                "customers",
                "1000000",
                "weeks",
                "104",
                "seed",
                "1",
                "repeats",
                "3",
                "models",
                "bg-nbd,pareto-nbd,gamma-gamma",
                "variants",
                "exact,rounded"));
    for (String arg : args) {
      String[] kv = arg.split("=", 2);
      if (kv.length != 2 || !opts.containsKey(kv[0])) {
        throw new IllegalArgumentException(
            "Unknown argument '" + arg + "'; expected key=value with key in " + opts.keySet());
      }
      opts.put(kv[0], kv[1]);
    }
    int customers = Integer.parseInt(opts.get("customers"));
    int weeks = Integer.parseInt(opts.get("weeks"));
    int repeats = Integer.parseInt(opts.get("repeats"));
    List<String> models = List.of(opts.get("models").split(","));
    List<String> variants = List.of(opts.get("variants").split(","));

    long t0 = System.nanoTime();
    List<Summary> summaries = simulate(customers, weeks, Long.parseLong(opts.get("seed")));
    System.out.printf(
        Locale.ROOT,
        "# %d customers drawn over %d weeks in %.1f s (%d with x > 0); %d cores, "
            + "load average %s%n",
        summaries.size(),
        weeks,
        seconds(t0),
        summaries.stream().filter(s -> s.x > 0).count(),
        Runtime.getRuntime().availableProcessors(),
        loadAverage());

    Map<String, List<Pattern>> patterns = new LinkedHashMap<>();
    Map<String, List<SpendPattern>> spend = new LinkedHashMap<>();
    for (String variant : variants) {
      switch (variant) {
        case "exact" -> {
          patterns.put(variant, patterns(summaries, false));
          spend.put(variant, spendPatterns(summaries, Long.MAX_VALUE));
        }
        case "rounded" -> {
          patterns.put(variant, patterns(summaries, true));
          spend.put(variant, spendPatterns(summaries, MAX_SPEND_PATTERNS));
        }
        default ->
            throw new IllegalArgumentException(
                "Unknown variant " + variant + "; expected exact, rounded");
      }
      System.out.printf(
          Locale.ROOT,
          "# %s: %d (x, t_x, T) patterns, %d (x, m_x) spend patterns%n",
          variant,
          patterns.get(variant).size(),
          spend.get(variant).size());
    }

    List<String> summary = new ArrayList<>();
    for (String model : models) {
      for (String variant : variants) {
        double[] walls = new double[repeats];
        double[] cpus = new double[repeats];
        FitResult fit = null;
        for (int k = 0; k < repeats; k++) {
          Supplier<FitResult> job =
              switch (model) {
                case "gamma-gamma" -> () -> GammaGamma.fit(spend.get(variant), new ModelFitter());
                default -> {
                  TransactionModelType type = TransactionModelType.fromConfig(model);
                  yield () -> type.fit(patterns.get(variant), new ModelFitter());
                }
              };
          long cpuStart = cpuNanos();
          long start = System.nanoTime();
          fit = job.get();
          walls[k] = seconds(start);
          cpus[k] = (cpuNanos() - cpuStart) / 1e9;
          System.out.printf(
              Locale.ROOT,
              "%-11s %-7s run %d: %7.2f s wall %7.2f s cpu  %6d evaluations %5d "
                  + "iterations  %.3f ms/evaluation  ll %.6f  %s  (load %s)%n",
              model,
              variant,
              k + 1,
              walls[k],
              cpus[k],
              fit.evaluations(),
              fit.iterations(),
              1e3 * walls[k] / fit.evaluations(),
              fit.logLikelihood(),
              params(fit),
              loadAverage());
        }
        Arrays.sort(walls);
        Arrays.sort(cpus);
        String label =
            model.equals("gamma-gamma") && variant.equals("rounded") ? "sampled" : variant;
        summary.add(
            String.format(
                Locale.ROOT,
                "%-11s %-7s %7d patterns  median %7.2f s wall (min %.2f, max %.2f, "
                    + "%d runs), %.2f s cpu  %6d evaluations  ll %.6f  %s",
                model,
                label,
                fit.patterns(),
                walls[repeats / 2],
                walls[0],
                walls[repeats - 1],
                repeats,
                cpus[repeats / 2],
                fit.evaluations(),
                fit.logLikelihood(),
                params(fit)));
      }
    }
    System.out.println("# summary");
    summary.forEach(System.out::println);
  }

  /**
   * BG/NBD purchasing and Gamma-Gamma spend per customer, summarised as of the end of the period.
   */
  static List<Summary> simulate(int customers, int weeks, long seed) {
    RandomDataGenerator rng = RandomDataGenerator.of(new Well19937c(seed));
    int endDay = 7 * weeks;
    List<Summary> out = new ArrayList<>(customers);
    for (int i = 0; i < customers; i++) {
      double lambda = rng.nextGamma(R, 1 / ALPHA); // per week
      double p = rng.nextBeta(A, B);
      double nu = rng.nextGamma(Q, 1 / GAMMA);
      double t = rng.nextDouble() * weeks; // arrival = first purchase, in weeks
      int firstDay = (int) Math.floor(7 * t);
      int lastDay = firstDay;
      int days = 1;
      long dayCents = 0;
      long repeatCents = 0;
      while (true) {
        t += lambda > 0 ? rng.nextExponential(1 / lambda) : Double.POSITIVE_INFINITY;
        if (!(t < weeks)) {
          break;
        }
        int day = (int) Math.floor(7 * t);
        long cents = Math.max(1, Math.round(100 * rng.nextGamma(P, 1 / nu)));
        if (day != lastDay) {
          repeatCents += dayCents;
          dayCents = 0;
          days++;
          lastDay = day;
        }
        dayCents += lastDay == firstDay ? 0 : cents; // the first day's value is not part of m_x
        if (rng.nextDouble() < p) {
          break;
        }
      }
      repeatCents += dayCents;
      if (firstDay >= endDay) {
        continue; // first seen on the as-of day: T = 0, no information
      }
      int x = days - 1;
      out.add(
          new Summary(
              x, lastDay - firstDay, endDay - firstDay, x > 0 ? repeatCents / 100.0 / x : 0));
    }
    return out;
  }

  /**
   * Distinct (x, t_x, T) in weeks with counts, as BtydFit.patterns (rounded: its whole-week
   * expressions).
   */
  static List<Pattern> patterns(List<Summary> summaries, boolean rounded) {
    Map<List<Double>, long[]> counts = new LinkedHashMap<>();
    for (Summary s : summaries) {
      double tx = s.txDays / 7.0;
      double bigT = s.tDays / 7.0;
      if (rounded) {
        bigT = Math.max(Math.round(bigT), 1.0);
        tx = Math.min(Math.round(tx), bigT);
      }
      counts.computeIfAbsent(List.of((double) s.x, tx, bigT), k -> new long[1])[0]++;
    }
    List<Pattern> out = new ArrayList<>(counts.size());
    counts.forEach((k, n) -> out.add(new Pattern(k.get(0).intValue(), k.get(1), k.get(2), n[0])));
    return out;
  }

  /**
   * Distinct (x, m_x) of repeat buyers with counts; above {@code cap}, a deterministic sample of
   * about cap.
   */
  static List<SpendPattern> spendPatterns(List<Summary> summaries, long cap) {
    Map<List<Double>, long[]> counts = new LinkedHashMap<>();
    for (Summary s : summaries) {
      if (s.x > 0 && s.mx > 0) {
        counts.computeIfAbsent(List.of((double) s.x, s.mx), k -> new long[1])[0]++;
      }
    }
    long buckets = 1_000_000;
    long keep = counts.size() > cap ? buckets * cap / counts.size() : buckets;
    List<SpendPattern> out = new ArrayList<>();
    counts.forEach(
        (k, n) -> {
          if (Math.floorMod(k.hashCode() * 0x9E3779B97F4A7C15L, buckets) < keep) {
            out.add(new SpendPattern(k.get(0).intValue(), k.get(1), n[0]));
          }
        });
    return out;
  }

  private static String params(FitResult fit) {
    StringBuilder sb = new StringBuilder();
    fit.params()
        .forEach(
            (k, v) ->
                sb.append(sb.isEmpty() ? "" : " ")
                    .append(k)
                    .append(' ')
                    .append(String.format(Locale.ROOT, "%.8g", v)));
    return sb.toString();
  }

  /** CPU time of the whole process (all threads), nanoseconds. */
  private static long cpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean)
            java.lang.management.ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  private static double seconds(long start) {
    return (System.nanoTime() - start) / 1e9;
  }

  private static String loadAverage() {
    try {
      return java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).split(" ")[0];
    } catch (java.io.IOException | RuntimeException e) {
      return "?";
    }
  }
}
