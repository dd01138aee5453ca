package com.crmanalytics.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

/** Writes small extract files into a landing folder laid out as {@code <root>/<date>/<source>/}. */
public final class Landing {
  private final Path root;

  public Landing(Path root) {
    this.root = root;
  }

  public Path root() {
    return root;
  }

  public Path write(LocalDate date, String source, String file, List<String> lines) {
    return write(date, source, file, lines, StandardCharsets.UTF_8);
  }

  public Path write(
      LocalDate date, String source, String file, List<String> lines, Charset charset) {
    return writeBytes(date, source, file, (String.join("\n", lines) + "\n").getBytes(charset));
  }

  public Path writeBytes(LocalDate date, String source, String file, byte[] bytes) {
    Path path = root.resolve(date.toString()).resolve(source).resolve(file);
    try {
      Files.createDirectories(path.getParent());
      Files.write(path, bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return path;
  }
}
