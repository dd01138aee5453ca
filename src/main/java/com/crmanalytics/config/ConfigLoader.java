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
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * Loads and validates the configuration. Precedence, lowest first: {@code reference.conf} in the
 * jar, the site file ({@code --conf}), then the command line's overrides ({@code --warehouse},
 * {@code --landing}, {@code --set key=value}). Any invalid value stops the run with exit code 2 and
 * a message naming the key, the value and what is allowed.
 */
public final class ConfigLoader {
  static final String EXTRACTS = "extracts";
  private static final String PATHS = "paths.";

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
    RunSettings run = RunSettings.from(c);
    QualitySettings quality = QualitySettings.from(c);
    MaintenanceSettings maintenance = MaintenanceSettings.from(c);
    PrivacySettings privacy = PrivacySettings.from(c);
    ServeSettings serve = ServeSettings.from(c);
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
        PathsSettings.from(c),
        run,
        quality,
        extracts,
        spark,
        RfmSettings.from(c),
        PyramidSettings.from(c),
        ClvSettings.from(c),
        ChurnSettings.from(c),
        ReportSettings.from(c),
        ProductSettings.from(c),
        maintenance,
        privacy,
        serve,
        hash(c));
  }

  /**
   * SHA-256 of the effective configuration, key by key, so the run log shows when it changed —
   * except where the files are ({@code paths.*}): they say where the warehouse is, not how it is
   * computed, so a warehouse copied or moved (or run with another landing folder) keeps the hash,
   * and its next night continues the stored features instead of recomputing them all.
   */
  private static String hash(Config c) {
    TreeMap<String, String> sorted = new TreeMap<>();
    c.entrySet().stream()
        .filter(e -> !e.getKey().startsWith(PATHS))
        .forEach(e -> sorted.put(e.getKey(), String.valueOf(e.getValue().unwrapped())));
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      return HexFormat.of()
          .formatHex(digest.digest(sorted.toString().getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
