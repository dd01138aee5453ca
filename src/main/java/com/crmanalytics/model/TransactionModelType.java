package com.crmanalytics.model;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * The transaction models selectable by configuration name ({@code clv.model = bg-nbd | mbg-nbd |
 * pareto-nbd}).
 */
public enum TransactionModelType {
  BG_NBD(BgNbd.NAME, List.of("r", "alpha", "a", "b"), v -> new BgNbd(v[0], v[1], v[2], v[3])),
  MBG_NBD(MbgNbd.NAME, List.of("r", "alpha", "a", "b"), v -> new MbgNbd(v[0], v[1], v[2], v[3])),
  PARETO_NBD(
      ParetoNbd.NAME,
      List.of("r", "alpha", "s", "beta"),
      v -> new ParetoNbd(v[0], v[1], v[2], v[3]));

  private final String configName;
  private final List<String> paramNames;
  private final Function<double[], TransactionModel> factory;

  TransactionModelType(
      String configName, List<String> paramNames, Function<double[], TransactionModel> factory) {
    this.configName = configName;
    this.paramNames = paramNames;
    this.factory = factory;
  }

  /** The type for a configuration name such as {@code bg-nbd}. */
  public static TransactionModelType fromConfig(String name) {
    return Arrays.stream(values())
        .filter(t -> t.configName.equals(name))
        .findFirst()
        .orElseThrow(
            () ->
                new ModelException(
                    String.format(
                        Locale.ROOT,
                        "Unknown transaction model '%s'; expected " + "one of %s",
                        name,
                        Arrays.stream(values()).map(TransactionModelType::configName).toList())));
  }

  public String configName() {
    return configName;
  }

  /** Parameter names in model order. */
  public List<String> paramNames() {
    return paramNames;
  }

  /**
   * The model with the given parameters (keys as {@link #paramNames()}), e.g. from a stored fit.
   */
  public TransactionModel create(Map<String, Double> params) {
    return factory.apply(
        paramNames.stream().mapToDouble(k -> Checks.required(params, k)).toArray());
  }

  /** Σ count · ln L over the patterns. */
  public double logLikelihood(double[] params, List<Pattern> patterns) {
    return logLikelihood(params, PatternSet.of(patterns));
  }

  /** Σ count · ln L over the patterns. */
  public double logLikelihood(double[] params, PatternSet patterns) {
    return factory.apply(params).logLikelihood(patterns);
  }

  /**
   * Maximum-likelihood fit over the distinct patterns, from starting points scaled to the data's
   * time unit.
   *
   * @throws ModelException naming the cause for a degenerate fit: no repeat buyer, every customer
   *     with the same history, or a purchase-rate parameter (r, α) at a bound of {@link
   *     ModelFitter}
   */
  public FitResult fit(List<Pattern> patterns, ModelFitter fitter) {
    Checks.check(!patterns.isEmpty(), "%s fit needs at least one pattern", configName);
    long n = Pattern.customers(patterns);
    Checks.check(
        patterns.stream().anyMatch(p -> p.x() > 0),
        "%s fit is degenerate: none of the %s customers made "
            + "a repeat purchase, so purchase rates cannot be estimated (the likelihood rises without end as the rate "
            + "goes to 0)",
        configName,
        n);
    Pattern first = patterns.get(0);
    Checks.check(
        patterns.stream()
            .anyMatch(p -> p.x() != first.x() || p.tx() != first.tx() || p.T() != first.T()),
        "%s fit is degenerate: all %s customers have the same history (x=%s, t_x=%s, T=%s), so the spread of "
            + "purchase rates across customers cannot be estimated",
        configName,
        n,
        first.x(),
        first.tx(),
        first.T());
    double sumX = patterns.stream().mapToDouble(p -> (double) p.x() * p.count()).sum();
    double sumT = patterns.stream().mapToDouble(p -> p.T() * p.count()).sum();
    // Mean rate r/α ≈ Σx/ΣT puts α on the data's time scale (days vs weeks).
    double timeScale = sumT / Math.max(sumX, 1);
    List<double[]> starts =
        List.of(start(1, 1, timeScale), start(0.5, 0.5, timeScale), start(2, 2, timeScale));
    PatternSet set = PatternSet.of(patterns);
    String rate =
        "the purchase-rate distribution Gamma(r, α) ran to the edge of the model, so the customers' "
            + "purchase rates do not look like a spread of individual rates (too few or too uniform repeat buyers)";
    return fitter.fit(
        configName,
        paramNames,
        v -> logLikelihood(v, set),
        n,
        patterns.size(),
        starts,
        Map.of("r", rate, "alpha", rate));
  }

  private double[] start(double r, double dropoutShape, double timeScale) {
    return this != PARETO_NBD
        ? new double[] {r, r * timeScale, dropoutShape, 2 * dropoutShape + 1}
        : new double[] {r, r * timeScale, dropoutShape, dropoutShape * timeScale};
  }
}
