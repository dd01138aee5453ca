package com.crmanalytics.io;

import static org.assertj.core.api.Assertions.assertThat;

import com.crmanalytics.config.ExtractSettings.Format;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.zip.GZIPOutputStream;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A file that is not what its format says is named with a reason in plain words, without its bytes.
 */
class FileSnifferTest {
  @TempDir Path dir;
  private final Configuration conf = new Configuration();

  private Path gzip(String name, String text) throws IOException {
    Path p = dir.resolve(name);
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(p))) {
      out.write(text.getBytes(StandardCharsets.UTF_8));
    }
    return p;
  }

  private Optional<String> problem(Path p, Format format) {
    return FileSniffer.problem(conf, new org.apache.hadoop.fs.Path(p.toUri()), format, "UTF-8");
  }

  @Test
  void aGzipExtractNamedGzIsReadAndOneNamedCsvIsRefused() throws IOException {
    assertThat(problem(gzip("orders.csv.gz", "a,b\n1,2\n"), Format.CSV)).isEmpty();
    assertThat(problem(gzip("orders.csv", "a,b\n1,2\n"), Format.CSV))
        .contains("gzip data, not csv text (a gzip extract must be named *.gz)");
  }

  @Test
  void textWithAStrayNulIsReadButBinaryOrATruncatedArchiveIsRefused() throws IOException {
    Path text = Files.writeString(dir.resolve("a.csv"), "a,b\n1,x\u0000y\n2,z\n");
    assertThat(problem(text, Format.CSV)).isEmpty();
    Path binary = Files.write(dir.resolve("b.csv"), new byte[64]);
    assertThat(problem(binary, Format.CSV))
        .contains("binary data (64 NUL bytes in the first 64), not csv text");
    Path truncated = dir.resolve("c.csv.gz");
    byte[] whole = Files.readAllBytes(gzip("whole.gz", "a,b\n".repeat(1000)));
    Files.write(truncated, java.util.Arrays.copyOf(whole, 12));
    assertThat(problem(truncated, Format.CSV))
        .get()
        .asString()
        .startsWith("cannot be opened or decompressed (");
  }

  @Test
  void parquetMustBeParquet() throws IOException {
    assertThat(problem(Files.writeString(dir.resolve("x.parquet"), "id,name\n"), Format.PARQUET))
        .contains("is not a Parquet file");
    assertThat(
            problem(
                Files.write(
                    dir.resolve("y.parquet"), "PAR1....PAR1".getBytes(StandardCharsets.US_ASCII)),
                Format.PARQUET))
        .isEmpty();
  }
}
