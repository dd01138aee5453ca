package com.crmanalytics.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/** The versions of crm-analytics, Spark and Delta Lake this build was made with. */
public final class VersionProvider implements IVersionProvider {
  private static final Properties BUILD = load();

  public static String version() {
    return BUILD.getProperty("version", "dev");
  }

  @Override
  public String[] getVersion() {
    return new String[] {
      "crm-analytics " + version(),
      "Spark " + BUILD.getProperty("spark") + ", Delta Lake " + BUILD.getProperty("delta"),
      "Java " + System.getProperty("java.version")
    };
  }

  private static Properties load() {
    Properties p = new Properties();
    try (InputStream in = VersionProvider.class.getResourceAsStream("/crm-version.properties")) {
      if (in != null) {
        p.load(in);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return p;
  }
}
