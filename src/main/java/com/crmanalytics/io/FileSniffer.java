package com.crmanalytics.io;

import com.crmanalytics.config.ExtractSettings.Format;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.io.compress.CompressionCodec;
import org.apache.hadoop.io.compress.CompressionCodecFactory;

/**
 * Looks at the first bytes of an extract file (decompressed when its name says it is compressed)
 * and says why it cannot be read as its declared format, if it cannot: a gzip file named {@code
 * .csv}, a Parquet file in a CSV folder, a truncated archive. Checked on the driver, so one bad
 * file is refused alone instead of failing the Spark job that reads every file.
 */
final class FileSniffer {
  private static final int SAMPLE = 8192;

  private FileSniffer() {}

  /** Opens a file for reading, decompressing it when its extension names a codec Hadoop knows. */
  static InputStream open(Configuration conf, Path file) throws IOException {
    InputStream in = file.getFileSystem(conf).open(file);
    CompressionCodec codec = new CompressionCodecFactory(conf).getCodec(file);
    return codec == null ? in : codec.createInputStream(in);
  }

  /** Why the file cannot be read as {@code format}, in plain words; empty when it looks fine. */
  static Optional<String> problem(Configuration conf, Path file, Format format, String encoding) {
    byte[] head = new byte[SAMPLE];
    int n;
    try (InputStream in =
        format == Format.PARQUET ? file.getFileSystem(conf).open(file) : open(conf, file)) {
      n = in.readNBytes(head, 0, SAMPLE);
    } catch (IOException | RuntimeException e) {
      String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
      return Optional.of("cannot be opened or decompressed (" + printable(why) + ")");
    }
    String kind = container(head, n);
    if (format == Format.PARQUET) {
      return n == 0 || "Parquet".equals(kind)
          ? Optional.empty()
          : Optional.of("is not a Parquet file" + (kind == null ? "" : " (" + kind + " data)"));
    }
    if (kind != null) {
      return Optional.of(
          kind
              + " data, not "
              + format.id()
              + " text"
              + (kind.equals("gzip") ? " (a gzip extract must be named *.gz)" : ""));
    }
    boolean wide =
        encoding.toUpperCase().startsWith("UTF-16") || encoding.toUpperCase().startsWith("UTF-32");
    int nul = 0;
    for (int i = 0; i < n; i++) {
      if (head[i] == 0) {
        nul++;
      }
    }
    // A stray NUL is a bad field (quarantined with its line); many of them mean binary content.
    if (!wide && nul >= 4 && nul * 20 > n) {
      return Optional.of(
          "binary data ("
              + nul
              + " NUL bytes in the first "
              + n
              + "), not "
              + format.id()
              + " text");
    }
    return Optional.empty();
  }

  private static String container(byte[] b, int n) {
    if (starts(b, n, 0x1f, 0x8b)) {
      return "gzip";
    }
    if (starts(b, n, 'B', 'Z', 'h')) {
      return "bzip2";
    }
    if (starts(b, n, 'P', 'K', 3, 4)) {
      return "zip";
    }
    if (starts(b, n, 0xfd, '7', 'z', 'X', 'Z')) {
      return "xz";
    }
    if (starts(b, n, 0x28, 0xb5, 0x2f, 0xfd)) {
      return "zstd";
    }
    if (starts(b, n, 'P', 'A', 'R', '1')) {
      return "Parquet";
    }
    return null;
  }

  private static boolean starts(byte[] b, int n, int... magic) {
    if (n < magic.length) {
      return false;
    }
    for (int i = 0; i < magic.length; i++) {
      if ((b[i] & 0xff) != (magic[i] & 0xff)) {
        return false;
      }
    }
    return true;
  }

  /** Keeps an exception's text to one line of printable characters. */
  static String printable(String text) {
    StringBuilder out = new StringBuilder();
    for (char c : text.toCharArray()) {
      out.append(Character.isISOControl(c) || c == '\uFFFD' ? ' ' : c);
      if (out.length() >= 200) {
        break;
      }
    }
    return out.toString().strip();
  }
}
