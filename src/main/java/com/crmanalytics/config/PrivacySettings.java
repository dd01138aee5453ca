package com.crmanalytics.config;

import com.crmanalytics.error.Errors;
import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Section {@code privacy}: how query views mask personal columns (a fixed token, or a keyed hash).
 */
public record PrivacySettings(Mask mask, Optional<Path> hashKeyFile) {
  public static final String MASK_KEY = "privacy.mask";
  public static final String HASH_KEY_FILE_KEY = "privacy.hash-key-file";

  /** The shortest key accepted: shorter ones are guessable. */
  public static final int MIN_KEY_BYTES = 16;

  /** How a personal value is shown. */
  public enum Mask {
    TOKEN,
    HASH
  }

  /**
   * Reads and validates the section (exit 2 naming key, value and what is allowed); the key file is
   * read later.
   */
  public static PrivacySettings from(Config config) {
    String mask;
    String file;
    try {
      mask = config.getString(MASK_KEY);
      file = config.getString(HASH_KEY_FILE_KEY);
    } catch (ConfigException.Missing e) {
      throw Errors.config("missing key " + e.getMessage(), e);
    } catch (ConfigException e) {
      throw Errors.config(e.getMessage(), e);
    }
    Mask m;
    switch (mask) {
      case "token" -> m = Mask.TOKEN;
      case "hash" -> m = Mask.HASH;
      default -> throw Errors.badConfig(MASK_KEY, mask, "token or hash");
    }
    if (m == Mask.HASH && file.isBlank()) {
      throw Errors.badConfig(
          HASH_KEY_FILE_KEY, file, "the path of a key file when privacy.mask = hash");
    }
    return new PrivacySettings(m, file.isBlank() ? Optional.empty() : Optional.of(Path.of(file)));
  }

  /**
   * The secret of the keyed hash; a missing, unreadable or short file stops the command (exit 2).
   */
  public byte[] hashKey() {
    Path file =
        hashKeyFile.orElseThrow(
            () -> Errors.badConfig(HASH_KEY_FILE_KEY, "", "the path of a key file"));
    byte[] key;
    try {
      key = Files.readAllBytes(file);
    } catch (IOException e) {
      throw Errors.config(
          HASH_KEY_FILE_KEY + ": cannot read the key file " + file + " (" + e + ")", e);
    }
    if (key.length < MIN_KEY_BYTES) {
      throw Errors.config(
          HASH_KEY_FILE_KEY
              + ": the key file "
              + file
              + " holds "
              + key.length
              + " bytes; at least "
              + MIN_KEY_BYTES
              + " are needed",
          null);
    }
    return key;
  }
}
