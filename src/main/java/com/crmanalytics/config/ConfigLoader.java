package com.crmanalytics.config;

import com.crmanalytics.contract.Source;
import com.crmanalytics.error.Errors;
import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigParseOptions;
import com.typesafe.config.ConfigUtil;
import com.typesafe.config.ConfigValue;
import com.typesafe.config.ConfigValueFactory;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Currency;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Loads and validates the configuration. Precedence, lowest first: {@code reference.conf} in the
 * jar, the site file ({@code --conf}), then the command line's overrides ({@code --warehouse},
 * {@code --landing}, {@code --set key=value}). Any invalid value stops the run with exit code 2 and
 * a message naming the key, the value and what is allowed.
 */
public final class ConfigLoader {
  static final String EXTRACTS = "extracts";

  /** Values of clv.model: auto, or the name of a com.crmanalytics.model.TransactionModelType. */
  private static final List<String> CLV_MODELS =
      List.of(ClvSettings.AUTO, "bg-nbd", "mbg-nbd", "pareto-nbd");

  /**
   * Values of clv.reference: the published results crm evaluate prints beside its own (none: no
   * column).
   */
  private static final List<String> CLV_REFERENCES =
      List.of(ClvSettings.NO_REFERENCE, ClvSettings.CDNOW);

  private ConfigLoader() {}

  /**
   * @param siteFile the site configuration; ignored when absent unless {@code siteFileRequired}
   * @param overrides key → value, applied in order on top of everything else
   */
  public static PipelineConfig load(
      File siteFile, boolean siteFileRequired, Map<String, String> overrides) {
    Config reference = ConfigFactory.parseResources(ConfigLoader.class, "/reference.conf");
    if (siteFileRequired && (siteFile == null || !siteFile.isFile())) {
      throw Errors.config("configuration file not found: " + siteFile, null);
    }
    Config site =
        siteFile != null && siteFile.isFile()
            ? parse(
                () ->
                    ConfigFactory.parseFile(
                        siteFile, ConfigParseOptions.defaults().setAllowMissing(false)))
            : ConfigFactory.empty();
    Config merged =
        parse(() -> overrides(overrides).withFallback(site).withFallback(reference).resolve());
    rejectUnknownKeys(merged, parse(reference::resolve));
    return validate(merged);
  }

  /** Turns {@code --set} pairs into a config; values starting with [ or { are parsed as HOCON. */
  static Config overrides(Map<String, String> pairs) {
    Config config = ConfigFactory.empty();
    for (Map.Entry<String, String> e : pairs.entrySet()) {
      String key = e.getKey().trim();
      try {
        ConfigUtil.splitPath(key);
      } catch (ConfigException ex) {
        throw Errors.usage("Invalid --set key '" + key + "': " + ex.getMessage());
      }
      String text = e.getValue().trim();
      ConfigValue value =
          text.startsWith("[") || text.startsWith("{")
              ? parse(() -> ConfigFactory.parseString("v = " + text)).getValue("v")
              : ConfigValueFactory.fromAnyRef(text, "--set " + key);
      config = config.withValue(key, value);
    }
    return config;
  }

  private static Config parse(Supplier<Config> parser) {
    try {
      return parser.get();
    } catch (ConfigException e) {
      throw Errors.config(e.getMessage(), e);
    }
  }

  /** A misspelt key would otherwise be ignored silently. */
  private static void rejectUnknownKeys(Config merged, Config reference) {
    for (Map.Entry<String, ConfigValue> e : merged.entrySet()) {
      String path = e.getKey();
      List<String> parts = ConfigUtil.splitPath(path);
      boolean free =
          parts.get(0).equals("spark")
              || (parts.get(0).equals(EXTRACTS)
                  && parts.size() > 2
                  && (parts.get(2).equals("columns") || parts.get(2).equals("expressions")));
      if (!free && !reference.hasPathOrNull(path)) {
        throw Errors.config(
            "unknown key " + path + " (" + e.getValue().origin().description() + ")", null);
      }
    }
  }

  static PipelineConfig validate(Config c) {
    ZoneId zone;
    try {
      zone = ZoneId.of(string(c, "run.timezone"));
    } catch (DateTimeException e) {
      throw Errors.badConfig(
          "run.timezone",
          c.getString("run.timezone"),
          "a time-zone id such as UTC or Asia/Shanghai");
    }
    String currency = string(c, "run.currency");
    try {
      Currency.getInstance(currency);
    } catch (IllegalArgumentException e) {
      throw Errors.badConfig(
          "run.currency", currency, "an ISO 4217 currency code such as USD or CNY");
    }
    double ratio = number(c, "quality.max-reject-ratio");
    if (!(ratio >= 0 && ratio <= 1)) {
      throw Errors.badConfig(
          "quality.max-reject-ratio",
          c.getValue("quality.max-reject-ratio").unwrapped(),
          "a number from 0 to 1");
    }
    MaintenanceSettings.from(c);
    PrivacySettings.from(c);
    ServeSettings.from(c);
    Map<Source, ExtractSettings> extracts = new EnumMap<>(Source.class);
    for (Source s : Source.values()) {
      extracts.put(s, ExtractConfig.read(c, s));
    }
    Map<String, String> spark = new TreeMap<>();
    if (c.hasPath("spark")) {
      for (Map.Entry<String, ConfigValue> e : c.getConfig("spark").entrySet()) {
        spark.put("spark." + e.getKey(), String.valueOf(e.getValue().unwrapped()));
      }
    }
    return new PipelineConfig(
        string(c, "paths.landing"),
        string(c, "paths.warehouse"),
        string(c, "paths.reports"),
        zone,
        currency,
        ratio,
        extracts,
        spark,
        rfm(c),
        pyramid(c),
        timeUnit(c),
        clv(c),
        churn(c),
        report(c),
        product(c),
        hash(c),
        c);
  }

  private static RfmSettings rfm(Config c) {
    int window = integer(c, "rfm.window-days");
    if (window < 1) {
      throw Errors.badConfig("rfm.window-days", window, "a whole number of days, at least 1");
    }
    int bins = integer(c, "rfm.bins");
    if (bins < RfmSettings.MIN_BINS || bins > RfmSettings.MAX_BINS) {
      throw Errors.badConfig(
          "rfm.bins",
          bins,
          "a whole number from " + RfmSettings.MIN_BINS + " to " + RfmSettings.MAX_BINS);
    }
    return new RfmSettings(window, bins);
  }

  private static PyramidSettings pyramid(Config c) {
    PyramidSettings.Measure measure =
        oneOf(c, "pyramid.measure", PyramidSettings.Measure.values(), PyramidSettings.Measure::id);
    String key = "pyramid.tiers";
    String allowed =
        "a list of { name = ..., share = ... }, largest tier first, names of lower-case letters, digits"
            + " and _, cumulative shares increasing above 0 and the last one 1.0";
    List<? extends Config> list;
    try {
      list = c.getConfigList(key);
    } catch (ConfigException e) {
      throw Errors.badConfig(key, c.getValue(key).unwrapped(), allowed);
    }
    List<PyramidSettings.Tier> tiers = new ArrayList<>();
    double previous = 0;
    for (Config t : list) {
      if (!t.hasPath("name") || !t.hasPath("share") || t.root().size() != 2) {
        throw Errors.badConfig(key, t.root().unwrapped(), allowed);
      }
      String name = t.getValue("name").unwrapped().toString();
      double share;
      try {
        share = t.getDouble("share");
      } catch (ConfigException e) {
        throw Errors.badConfig(key, t.root().unwrapped(), allowed);
      }
      boolean duplicate = tiers.stream().anyMatch(x -> x.name().equals(name));
      if (!name.matches("[a-z0-9_]+") || duplicate || !(share > previous && share <= 1)) {
        throw Errors.badConfig(key, t.root().unwrapped(), allowed);
      }
      tiers.add(new PyramidSettings.Tier(name, share));
      previous = share;
    }
    if (tiers.isEmpty() || previous != 1.0) {
      throw Errors.badConfig(key, c.getValue(key).unwrapped(), allowed);
    }
    return new PyramidSettings(measure, tiers);
  }

  private static ClvSettings clv(Config c) {
    String model = string(c, "clv.model");
    if (!CLV_MODELS.contains(model)) {
      throw Errors.badConfig("clv.model", model, String.join(", ", CLV_MODELS));
    }
    int horizon = integer(c, "clv.horizon-months");
    if (horizon < 1 || horizon > 600) {
      throw Errors.badConfig(
          "clv.horizon-months", horizon, "a whole number of months from 1 to 600");
    }
    double rate = number(c, "clv.annual-discount-rate");
    if (!(rate >= 0 && rate < 10)) {
      throw Errors.badConfig(
          "clv.annual-discount-rate",
          c.getValue("clv.annual-discount-rate").unwrapped(),
          "a yearly rate as a fraction, 0 or more and below 10 (0.10 = 10 %)");
    }
    double margin = number(c, "clv.margin-rate");
    if (!(margin > -1 && margin <= 1)) {
      throw Errors.badConfig(
          "clv.margin-rate",
          c.getValue("clv.margin-rate").unwrapped(),
          "a margin / revenue ratio above -1 and at most 1 (1.0 = revenue CLV)");
    }
    int minRepeat = integer(c, "clv.min-repeat-buyers");
    if (minRepeat < 1) {
      throw Errors.badConfig("clv.min-repeat-buyers", minRepeat, "a whole number, at least 1");
    }
    int draws = integer(c, "clv.interval-draws");
    if (draws < 20 || draws > 100_000) {
      throw Errors.badConfig(
          "clv.interval-draws", draws, "a whole number of parameter draws from 20 to 100000");
    }
    long intervalSeed;
    try {
      intervalSeed = c.getLong("clv.interval-seed");
    } catch (ConfigException.WrongType e) {
      throw Errors.badConfig(
          "clv.interval-seed", c.getValue("clv.interval-seed").unwrapped(), "a whole number");
    }
    String reference = string(c, "clv.reference");
    if (!CLV_REFERENCES.contains(reference)) {
      throw Errors.badConfig("clv.reference", reference, String.join(", ", CLV_REFERENCES));
    }
    return new ClvSettings(
        model, timeUnit(c), horizon, rate, margin, minRepeat, draws, intervalSeed, reference);
  }

  private static ChurnSettings churn(Config c) {
    int horizon = integer(c, "churn.horizon-days");
    if (horizon < 1 || horizon > 3660) {
      throw Errors.badConfig(
          "churn.horizon-days", horizon, "a whole number of days from 1 to 3660");
    }
    double gain = number(c, "churn.min-auc-gain");
    if (!(gain >= 0 && gain < 0.5)) {
      throw Errors.badConfig(
          "churn.min-auc-gain",
          c.getValue("churn.min-auc-gain").unwrapped(),
          "a ROC AUC margin, 0 or more and below 0.5 (0.01 = one point)");
    }
    long seed;
    try {
      seed = c.getLong("churn.seed");
    } catch (ConfigException.WrongType e) {
      throw Errors.badConfig("churn.seed", c.getValue("churn.seed").unwrapped(), "a whole number");
    }
    double medium = number(c, "churn.risk-bands.medium-from");
    double high = number(c, "churn.risk-bands.high-from");
    if (!(medium > 0 && medium < high && high < 1)) {
      throw Errors.badConfig(
          "churn.risk-bands",
          c.getValue("churn.risk-bands").unwrapped(),
          "{ medium-from = m, high-from = h } with 0 < m < h < 1");
    }
    return new ChurnSettings(horizon, gain, seed, medium, high);
  }

  private static ReportSettings report(Config c) {
    String language =
        oneOf(c, "report.language", ReportSettings.LANGUAGES.toArray(String[]::new), l -> l);
    int attribution = integer(c, "report.attribution-days");
    if (attribution < 0 || attribution > 366) {
      throw Errors.badConfig(
          "report.attribution-days", attribution, "a whole number of days from 0 to 366");
    }
    int recent = integer(c, "report.recent-days");
    if (recent < 1 || recent > 3660) {
      throw Errors.badConfig("report.recent-days", recent, "a whole number of days from 1 to 3660");
    }
    return new ReportSettings(language, attribution, recent, ReportAction.from(c));
  }

  private static ProductSettings product(Config c) {
    double support = number(c, "product.min-support");
    if (!(support > 0 && support <= 1)) {
      throw Errors.badConfig(
          "product.min-support", support, "a share of orders above 0 and at most 1, e.g. 0.01");
    }
    double confidence = number(c, "product.min-confidence");
    if (!(confidence >= 0 && confidence <= 1)) {
      throw Errors.badConfig("product.min-confidence", confidence, "a number from 0 to 1");
    }
    double lift = number(c, "product.min-lift");
    if (!(lift >= 0 && Double.isFinite(lift))) {
      throw Errors.badConfig(
          "product.min-lift", lift, "a number, 0 or more (1 = no better than chance)");
    }
    int antecedent = integer(c, "product.max-antecedent");
    if (antecedent < 1 || antecedent > 5) {
      throw Errors.badConfig(
          "product.max-antecedent", antecedent, "a whole number of products from 1 to 5");
    }
    int orders = integer(c, "product.min-orders");
    if (orders < 1) {
      throw Errors.badConfig("product.min-orders", orders, "a whole number of orders, at least 1");
    }
    int topN = integer(c, "product.top-n");
    if (topN < 1 || topN > 100) {
      throw Errors.badConfig("product.top-n", topN, "a whole number from 1 to 100");
    }
    int basket = integer(c, "product.max-basket-products");
    if (basket < 2) {
      throw Errors.badConfig(
          "product.max-basket-products", basket, "a whole number of products, at least 2");
    }
    double fdr = number(c, "product.false-discovery-rate");
    if (!(fdr > 0 && fdr <= 1)) {
      throw Errors.badConfig(
          "product.false-discovery-rate", fdr, "a share above 0 and at most 1, e.g. 0.05");
    }
    return new ProductSettings(support, confidence, lift, antecedent, orders, topN, basket, fdr);
  }

  private static ModelTimeUnit timeUnit(Config c) {
    return oneOf(c, "clv.time-unit", ModelTimeUnit.values(), ModelTimeUnit::id);
  }

  private static <E> E oneOf(Config c, String key, E[] values, Function<E, String> id) {
    String text = string(c, key);
    return Arrays.stream(values)
        .filter(v -> id.apply(v).equals(text))
        .findFirst()
        .orElseThrow(
            () ->
                Errors.badConfig(
                    key, text, String.join(", ", Arrays.stream(values).map(id).toList())));
  }

  static String string(Config c, String key) {
    try {
      return c.getString(key);
    } catch (ConfigException.Missing e) {
      throw Errors.config("missing key " + key, e);
    } catch (ConfigException e) {
      throw Errors.badConfig(key, c.getValue(key).unwrapped(), "a string");
    }
  }

  static double number(Config c, String key) {
    try {
      return c.getDouble(key);
    } catch (ConfigException.WrongType e) {
      throw Errors.badConfig(key, c.getValue(key).unwrapped(), "a number");
    }
  }

  static int integer(Config c, String key) {
    try {
      return c.getInt(key);
    } catch (ConfigException.WrongType e) {
      throw Errors.badConfig(key, c.getValue(key).unwrapped(), "a whole number");
    }
  }

  static boolean bool(Config c, String key) {
    try {
      return c.getBoolean(key);
    } catch (ConfigException.WrongType e) {
      throw Errors.badConfig(key, c.getValue(key).unwrapped(), "true or false");
    }
  }

  static List<String> strings(Config c, String key) {
    try {
      return new ArrayList<>(c.getStringList(key));
    } catch (ConfigException.WrongType e) {
      throw Errors.badConfig(key, c.getValue(key).unwrapped(), "a list of strings");
    }
  }

  /** SHA-256 of the effective configuration, key by key, so the run log shows when it changed. */
  private static String hash(Config c) {
    TreeMap<String, String> sorted = new TreeMap<>();
    c.entrySet().forEach(e -> sorted.put(e.getKey(), String.valueOf(e.getValue().unwrapped())));
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      return HexFormat.of()
          .formatHex(digest.digest(sorted.toString().getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
