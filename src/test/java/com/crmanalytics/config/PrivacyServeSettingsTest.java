package com.crmanalytics.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.crmanalytics.error.CrmException;
import com.crmanalytics.error.ExitCode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Sections privacy and serve: defaults, and every bad value stopping start-up with exit 2. */
class PrivacyServeSettingsTest {
  private static PipelineConfig load(Map<String, String> set) {
    return ConfigLoader.load(null, false, set);
  }

  @Test
  void defaultsMaskWithATokenAndServeOnLoopback() {
    PipelineConfig c = load(Map.of());
    assertThat(c.privacy().mask()).isEqualTo(PrivacySettings.Mask.TOKEN);
    assertThat(c.serve()).isEqualTo(new ServeSettings("127.0.0.1", 32010, 100_000));
  }

  @Test
  void theHashReadsItsKeyFromAFileOfAtLeastSixteenBytes(@TempDir Path dir) throws Exception {
    Path key = dir.resolve("k");
    Files.writeString(key, "short");
    PrivacySettings s =
        load(Map.of("privacy.mask", "hash", "privacy.hash-key-file", key.toString())).privacy();
    assertThatThrownBy(s::hashKey)
        .isInstanceOf(CrmException.class)
        .hasMessage(
            "Invalid configuration: privacy.hash-key-file: the key file "
                + key
                + " holds 5 bytes; at least 16 are needed");
    Files.writeString(key, "0123456789abcdef");
    assertThat(s.hashKey()).hasSize(16);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "privacy.mask|clear|Invalid configuration: privacy.mask = 'clear' (allowed: token or hash)",
        "privacy.mask|hash|Invalid configuration: privacy.hash-key-file = '' (allowed: the path of a key file when privacy.mask = hash)",
        "serve.port|70000|Invalid configuration: serve.port = '70000' (allowed: a port number from 0 (any free port) to 65535)",
        "serve.max-rows|0|Invalid configuration: serve.max-rows = '0' (allowed: a whole number of rows, 1 or more)",
        "serve.prot|1|Invalid configuration: unknown key serve.prot (--set serve.prot)"
      })
  void badValuesStopAtStartUpNamingKeyValueAndAllowed(String key, String value, String message) {
    assertThatThrownBy(() -> load(Map.of(key, value)))
        .isInstanceOf(CrmException.class)
        .satisfies(e -> assertThat(((CrmException) e).exitCode()).isEqualTo(ExitCode.USAGE))
        .hasMessage(message);
  }
}
